import type { Output } from "./proc.js";

/** Nothing is drawn for reads shorter than this, so small files never flicker a progress line. */
const FIRST_DRAW_MS = 250;
const REDRAW_MS = 100;

/**
 * "Bytes read of total" on one terminal line, redrawn at most every REDRAW_MS and wiped when done,
 * so the lines printed after it start clean. Give it only a terminal stream: a pipe or a log must
 * never receive carriage returns.
 */
export class ProgressLine {
  private read = 0;
  private drawn = false;
  private readonly start: number;
  private last = -Infinity;

  constructor(
    private readonly out: Output,
    private readonly label: string,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {
    this.start = now();
  }

  advance(bytes: number): void {
    this.read += bytes;
    const t = this.now();
    if (t - this.start < FIRST_DRAW_MS || t - this.last < REDRAW_MS) return;
    this.last = t;
    this.drawn = true;
    const pct = this.total > 0 ? Math.min(100, Math.floor((100 * this.read) / this.total)) : 0;
    this.out.write(`\r\x1b[K${this.label}: ${megabytes(this.read)} of ${megabytes(this.total)} MB (${pct}%)`);
  }

  /** Wipe the line, if one was drawn. */
  finish(): void {
    if (this.drawn) this.out.write("\r\x1b[K");
    this.drawn = false;
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}
