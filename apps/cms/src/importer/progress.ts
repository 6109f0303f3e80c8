/**
 * Progress of a run: on a terminal, one status line (count, rate, ETA when the total is known)
 * redrawn under the item lines; elsewhere (a pipe, a log file, CI) plain item lines only.
 */
import type { Writable } from 'node:stream';

const eta = (seconds: number) => {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${String(Math.floor(s / 60))}m${String(s % 60).padStart(2, '0')}s` : `${String(s)}s`;
};

export class Progress {
  private count = 0;
  private readonly started = Date.now();

  constructor(
    private readonly out: Writable & { isTTY?: boolean },
    private readonly total?: number,
  ) {}

  private get tty() {
    return this.out.isTTY === true;
  }

  /** Writes an item's lines and moves the count on. */
  item(lines: string) {
    this.count++;
    if (this.tty) this.out.write('\r\x1b[K');
    this.out.write(`${lines}\n`);
    if (this.tty) this.out.write(this.status());
  }

  /** A line that is not an item (relinking, the summary). */
  line(text: string) {
    if (this.tty) this.out.write('\r\x1b[K');
    this.out.write(`${text}\n`);
  }

  status() {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.count / seconds : 0;
    const of = this.total === undefined ? '' : `/${String(this.total)}`;
    const left = this.total === undefined || rate === 0 ? '' : `, ETA ${eta((this.total - this.count) / rate)}`;
    return `${String(this.count)}${of} items, ${rate.toFixed(1)}/s${left}`;
  }

  done() {
    if (this.tty) this.out.write('\r\x1b[K');
  }
}
