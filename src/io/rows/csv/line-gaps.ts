/**
 * Where lines of a file were left out before parsing (see LinePrefilter), so that a line number of the
 * text that was parsed turns back into the file's own. Gaps are noted, and asked about, in file order,
 * so those behind are forgotten and memory stays flat.
 */
export class LineGaps {
  /** Pairs [after, skip]: after `after` lines passed on, `skip` lines were left out; from `head` on. */
  private gaps: number[] = [];
  private head = 0;
  private shift = 0;

  /** One line left out, after `passed` lines were passed on. */
  leaveOut(passed: number): void {
    const last = this.gaps.length - 2;
    if (last >= this.head && this.gaps[last] === passed) this.gaps[last + 1]!++;
    else this.gaps.push(passed, 1);
  }

  /** The gaps noted since the last call, as pairs, to be noted with `add` by another thread (which asks about them). */
  take(): number[] {
    const taken = this.gaps;
    this.gaps = [];
    return taken;
  }

  /** Gaps taken from another LineGaps; gaps after the same line add up. */
  add(pairs: readonly number[]): void {
    for (const n of pairs) this.gaps.push(n);
  }

  /** The line in the file of a line in the text passed on, asked in increasing order. */
  originalLine(line: number): number {
    const gaps = this.gaps;
    while (this.head < gaps.length && gaps[this.head]! < line) {
      this.shift += gaps[this.head + 1]!;
      this.head += 2;
    }
    if (this.head > 2048) {
      gaps.splice(0, this.head);
      this.head = 0;
    }
    return line + this.shift;
  }
}
