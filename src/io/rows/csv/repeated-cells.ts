/**
 * Which cells of which lines the prefilter passed on empty because the line passed on just before
 * had the very same bytes there (see LinePrefilter.keepColumns), so that the parsed record gets them
 * back from the record before it. Noted and asked about in line order, on one thread: those behind
 * are forgotten and memory stays flat.
 */
export class RepeatedCells {
  /** Lines (counted as LineGaps counts the lines passed on) and their masks, from `head` to `tail`. */
  private lines = new Int32Array(1024);
  private masks = new Int32Array(1024);
  private head = 0;
  private tail = 0;

  /** Line `line` passed on with the cells of `mask` (bit c: column c, below MASK_COLUMNS) emptied. */
  add(line: number, mask: number): void {
    if (this.tail === this.lines.length) this.makeRoom();
    this.lines[this.tail] = line;
    this.masks[this.tail++] = mask;
  }

  /** The cells of line `line` emptied as repeats (0: none), asked in increasing order. */
  take(line: number): number {
    while (this.head < this.tail && this.lines[this.head]! < line) this.head++;
    return this.head < this.tail && this.lines[this.head] === line ? this.masks[this.head++]! : 0;
  }

  private makeRoom(): void {
    const live = this.tail - this.head;
    const size = live * 2 > this.lines.length ? this.lines.length * 2 : this.lines.length;
    const lines = new Int32Array(size);
    const masks = new Int32Array(size);
    lines.set(this.lines.subarray(this.head, this.tail));
    masks.set(this.masks.subarray(this.head, this.tail));
    this.lines = lines;
    this.masks = masks;
    this.head = 0;
    this.tail = live;
  }
}

/** Columns from this one on are never emptied as repeats: a mask is a 32-bit integer. */
export const MASK_COLUMNS = 31;

/**
 * A record whose cells of `mask` were passed on empty as repeats, given back those of the record
 * before it. The prefilter only empties cells of a line that follows one it cut itself, a record of
 * as many cells, so `before` holds them; anything else is a bug, not a problem with the file.
 */
export function restoreRepeated(record: string[], before: readonly string[] | null, mask: number): void {
  if (before === null || before.length !== record.length) throw new Error("a record's repeated cells have no record before it to come from");
  for (let c = 0; c < MASK_COLUMNS && mask >>> c !== 0; c++) if (((mask >>> c) & 1) === 1) record[c] = before[c]!;
}
