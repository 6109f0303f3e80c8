/**
 * `<dir>/parts.json`: each running part's name and process id, which is also its process group's
 * id (every part runs in a group of its own), so a fault test can SIGKILL one part with whatever
 * it forked (`kill -KILL -<pgid>`). Rewritten whenever a part starts or exits; removed on stop.
 */
import fs from 'node:fs';
import path from 'node:path';

export type PartsFile = Record<string, { pid: number; pgid: number }>;

export const PARTS_FILE = 'parts.json';

type Part = { name: string; process: { pid: number; hasExited(): boolean } };

export function writePartsFile(dir: string, parts: readonly Part[]): void {
  const entries: PartsFile = Object.fromEntries(
    parts
      .filter(({ process }) => !process.hasExited())
      .map(({ name, process }) => [name, { pid: process.pid, pgid: process.pid }]),
  );
  // Written whole and renamed, so a reader never sees half a file.
  const file = path.join(dir, PARTS_FILE);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(entries, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
}

export function removePartsFile(dir: string): void {
  fs.rmSync(path.join(dir, PARTS_FILE), { force: true });
}
