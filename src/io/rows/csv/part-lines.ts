/**
 * Line numbers of a CSV file read in parts. A part after the first is read with a copy of the file's
 * header line before it, so it numbers that copy line 1 and its own first line 2; in the file, its first
 * line is 1 + the line ends of the parts before it. Given those parts' counts in order, `shift` is how
 * far the next part's line numbers move to be the file's.
 */
export class PartLines {
  private lines = 0;
  private parts = 0;

  get shift(): number {
    return this.parts === 0 ? 0 : this.lines - 1;
  }

  /** The next part is done: it held `lines` lines (or line ends) of its own, its copy of the header not counted. */
  add(lines: number): void {
    this.lines += lines;
    this.parts++;
  }
}

/** The shift of each part in turn, given the lines of each (see PartLines). */
export function partShifts(lines: readonly number[]): number[] {
  const parts = new PartLines();
  return lines.map((count) => {
    const shift = parts.shift;
    parts.add(count);
    return shift;
  });
}
