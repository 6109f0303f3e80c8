/**
 * What `--resume` needs: the source keys a run has finished, appended one line each as it goes
 * (a killed run loses at most the item it was writing, and that item's transaction rolled back).
 * The file is kept per input and database, and removed when a run ends normally.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class RunState {
  private constructor(
    private readonly file: string,
    readonly done: ReadonlySet<string>,
  ) {}

  /** The state of `input` against `database`: the interrupted run's keys when resuming, else empty. */
  static open(dir: string, input: string, database: string, resume: boolean) {
    const id = createHash('sha256').update(`${input}\n${database}`).digest('hex').slice(0, 16);
    const file = path.join(dir, `${id}.keys`);
    fs.mkdirSync(dir, { recursive: true });
    const done = resume && fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    if (!resume) fs.writeFileSync(file, '');
    return new RunState(file, new Set(done));
  }

  finished(sourceKey: string) {
    fs.appendFileSync(this.file, `${sourceKey}\n`);
  }

  /** The run got to its end: nothing to resume. */
  close() {
    fs.rmSync(this.file, { force: true });
  }
}
