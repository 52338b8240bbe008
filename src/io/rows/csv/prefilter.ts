/**
 * A cheap pass over the bytes of a CSV file, before csv-parse, that leaves out the lines which
 * certainly cannot matter: a record whose raw line contains none of the needles (e.g. a
 * `--where GROUP_TYPE=CCG` value) cannot pass the filter, so parsing it is wasted work. An NHS
 * Digital file is mostly such lines.
 *
 * It is conservative by construction. A line is left out only when it is a whole record on one line
 * that csv-parse would read without complaint into exactly as many cells as the header has, so
 * dropping it loses no diagnostic either. Anything unusual (a quote out of place, a stray CR, a record
 * spanning lines, a line longer than a record may be, a header it cannot read) is passed on untouched.
 * It notes in `gaps` where it left lines out.
 *
 * It looks at the bytes as Latin-1 text: one character per byte, so quotes, delimiters and line ends
 * are themselves, a UTF-8 needle matches as its Latin-1 spelling, and what it passes on is slices of
 * the very bytes it was given, never decoded and encoded again.
 */
import { LineGaps } from "./line-gaps.js";
import { MASK_COLUMNS, RepeatedCells } from "./repeated-cells.js";

const MAX_CARRY = 1 << 24;
const BOM = [0xef, 0xbb, 0xbf];

export class LinePrefilter {
  /** Records left out so far: rows the reader never sees but which existed. */
  dropped = 0;
  readonly gaps = new LineGaps();
  /** Cells passed on empty as repeats of the line before (see keepColumns). */
  readonly repeats = new RepeatedCells();
  /** Lines passed on so far. */
  private passed = 0;
  private state: "header" | "on" | "off" = "header";
  /** The start of a line whose end has not come yet. */
  private carry: Buffer | null = null;
  private cells = 0;
  private crlf = false;
  /** Whether the next line starts inside a quoted field (a record that spans lines). */
  private quoted = false;
  /** Whether the next line continues the record of the line before (see bareLf). */
  private continued = false;
  private readonly needles: readonly string[];
  private readonly delimiter: string;
  private readonly delimiterByte: number;
  private readonly maxLineBytes: number;
  /** Which cells of a record passed on are kept; null: all. */
  private keep: boolean[] | null = null;
  /** The kept columns a repeat may be noted for (below MASK_COLUMNS), in order. */
  private comparable: number[] = [];
  /** Where each cell of the line being cut ends (see simpleCells), kept from line to line. */
  private ends: number[] = [];
  /** The last line passed on, if it was cut (see keepColumns): the text it is in (else null), where it starts and its cells end. */
  private beforeText: string | null = null;
  private beforeStart = 0;
  private beforeEnds: number[] = [];

  /** A line longer than `maxLineBytes` is always passed on, for csv-parse to refuse. */
  constructor(needles: readonly string[], delimiter: string, maxLineBytes = Infinity) {
    this.needles = needles.map(latin1Spelling);
    this.delimiter = delimiter;
    this.delimiterByte = delimiter.charCodeAt(0);
    this.maxLineBytes = maxLineBytes;
    const unsafe = needles.length === 0 || needles.some((n) => n === "" || /["\r\n]/.test(n) || n.includes(delimiter));
    if (unsafe) this.state = "off";
  }

  /**
   * From now on, cells of other columns may be passed on empty: the reader will not look at them,
   * and csv-parse would read them for nothing. Only records plain enough to have been left out are so
   * cut, so csv-parse reads them into the same number of cells, without complaint, as before.
   * A kept cell with the same bytes as in the line passed on just before, when that line was cut too,
   * is passed on empty as well and noted in `repeats`, for the record to get it back from the one
   * before (restoreRepeated): in a long file the period, organisation and its name repeat on row after
   * row, and csv-parse read them on each (a practice file's cut lines: 1.0 s, 0.4 s with the repeats
   * emptied; bench/README.md).
   */
  keepColumns(columns: readonly number[]): void {
    if (this.state !== "on") return;
    const keep = new Array<boolean>(this.cells).fill(false);
    for (const c of columns) if (c >= 0 && c < this.cells) keep[c] = true;
    this.keep = keep;
    this.comparable = keep.flatMap((kept, c) => (kept && c < MASK_COLUMNS ? [c] : []));
  }

  /** Lines passed on so far, the header's included. */
  get passedLines(): number {
    return this.passed;
  }

  /**
   * Whether what it has been given ends where a record starts: after a line end, outside quotes and
   * not inside a record that goes on. Only known while filtering: a filter turned off does not look.
   */
  get atRecordStart(): boolean {
    return this.state === "on" && (this.carry === null || this.carry.length === 0) && !this.quoted && !this.continued;
  }

  /** Take the next chunk of the file; give back, in order, the bytes csv-parse should see of it. */
  push(chunk: Buffer): Buffer[] {
    if (this.state === "off") return [chunk];
    if (this.state === "header") return this.pushHeader(chunk);
    const last = chunk.lastIndexOf(10);
    if (last === -1) return this.hold(chunk);
    let from = 0;
    let line: Buffer | null = null;
    if (this.carry !== null) {
      // The line begun in the last chunk, alone: joining it to the whole chunk would copy the chunk.
      from = chunk.indexOf(10) + 1;
      line = Buffer.concat([this.carry, chunk.subarray(0, from)]);
    }
    const out = new Passed((line?.length ?? 0) + last + 1 - from);
    if (line !== null) this.filterLines(line, line.toString("latin1"), 0, line.length, out);
    this.carry = last + 1 < chunk.length ? chunk.subarray(last + 1) : null;
    if (from <= last) this.filterLines(chunk, chunk.toString("latin1", 0, last + 1), from, last + 1, out);
    return out.pieces();
  }

  /** The end of the input: whatever is left, untouched. */
  end(): Buffer[] {
    const rest = this.carry;
    this.carry = null;
    return rest === null ? [] : [rest];
  }

  private pushHeader(chunk: Buffer): Buffer[] {
    const bytes = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    const end = bytes.indexOf(10);
    if (end === -1) return this.hold(chunk);
    this.carry = null;
    if (!this.readHeader(bytes.subarray(0, end + 1))) return [bytes];
    this.passed = 1;
    return [bytes.subarray(0, end + 1), ...this.push(bytes.subarray(end + 1))];
  }

  /** No line end yet: wait for one, unless lines end in CR alone or one is longer than is worth holding. */
  private hold(chunk: Buffer): Buffer[] {
    const bytes = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    if ((this.state === "header" && bytes.includes(13)) || bytes.length > MAX_CARRY) {
      this.state = "off";
      this.carry = null;
      return [bytes];
    }
    this.carry = bytes;
    return [];
  }

  /** Whether the header is plain enough to count its cells; if not, the filter turns itself off. */
  private readHeader(line: Buffer): boolean {
    const bom = BOM.every((b, i) => line[i] === b) ? BOM.length : 0;
    this.crlf = line.length >= 2 && line[line.length - 2] === 13;
    const content = line.toString("latin1", bom, line.length - (this.crlf ? 2 : 1));
    const cells = content === "" || content.includes("\r") ? -1 : simpleCells(content, 0, content.length, this.delimiter);
    this.state = cells <= 0 ? "off" : "on";
    this.cells = cells;
    this.ends = new Array<number>(Math.max(cells, 0)).fill(0);
    this.beforeEnds = new Array<number>(Math.max(cells, 0)).fill(0);
    return this.state === "on";
  }

  /**
   * Lines in bytes[from, to), which ends just after a line end, read in `text` (the same bytes as
   * Latin-1, from byte 0); the bytes to pass on go to `out`.
   */
  private filterLines(bytes: Buffer, text: string, from: number, to: number, out: Passed): void {
    const { needles, delimiter, cells, crlf, gaps, repeats, maxLineBytes, keep, comparable } = this;
    let { ends, beforeText, beforeStart, beforeEnds } = this;
    const never = text.length + 1;
    const find = (what: string, at: number) => {
      const i = text.indexOf(what, at);
      return i === -1 ? never : i;
    };
    /** Bytes from keptFrom on are passed on. */
    let keptFrom = from;
    const nextNeedle = needles.map((n) => find(n, from));
    let nextQuote = find('"', from);
    let nextCr = find("\r", from);
    let { quoted, continued, passed, dropped } = this;
    for (let start = from; start < to; ) {
      const newline = text.indexOf("\n", start);
      const next = newline + 1;
      if (nextQuote < start) nextQuote = find('"', start);
      if (nextCr < start) nextCr = find("\r", start);
      const hasQuote = nextQuote < newline;
      // A bare LF in a CRLF file does not end a record for csv-parse: the next line continues it.
      const bareLf = crlf && (newline === start || text.charCodeAt(newline - 1) !== 13);
      const end = crlf ? newline - 1 : newline;
      // A whole record on one line, that csv-parse reads without complaint into as many cells as the header.
      let plain = !quoted && !continued && end > start && end - start <= maxLineBytes && (crlf ? nextCr === end : nextCr >= newline);
      let wanted = false;
      for (let i = 0; plain && !wanted && i < nextNeedle.length; i++) {
        if (nextNeedle[i]! < start) nextNeedle[i] = find(needles[i]!, start);
        if (nextNeedle[i]! < end) wanted = true;
      }
      if (plain && (!wanted || keep !== null)) {
        plain = simpleCells(text, start, end, delimiter, hasQuote ? nextQuote : end, wanted ? ends : undefined) === cells;
      }
      if (plain && !wanted) {
        out.copy(bytes, keptFrom, start);
        keptFrom = next;
        dropped++;
        gaps.leaveOut(passed);
      } else {
        passed++;
        if (plain && keep !== null) {
          const repeated = beforeText === null ? 0 : repeatedCells(text, start, ends, beforeText, beforeStart, beforeEnds, comparable);
          if (repeated !== 0) repeats.add(passed, repeated);
          out.copy(bytes, keptFrom, start);
          out.blanked(bytes, start, ends, keep, repeated, this.delimiterByte);
          out.copy(bytes, end, next);
          keptFrom = next;
          // The next line is compared with this one; its cell ends go in the array this line's were.
          const freed = beforeEnds;
          beforeEnds = ends;
          ends = freed;
          beforeText = text;
          beforeStart = start;
        } else {
          beforeText = null;
          if (hasQuote && quoteParity(text, start, newline)) quoted = !quoted;
        }
        continued = bareLf;
      }
      start = next;
    }
    Object.assign(this, { quoted, continued, passed, dropped, ends, beforeText, beforeStart, beforeEnds });
    out.copy(bytes, keptFrom, to);
  }
}

/** How UTF-8 text reads when its bytes are read as Latin-1, as the prefilter reads a file. */
export function latin1Spelling(text: string): string {
  return Buffer.from(text, "utf8").toString("latin1");
}

/**
 * The cells of the `comparable` columns of the line at `start` (its cells ending at `ends`) with the
 * same bytes, not none, as in the line before: a mask, bit c for column c.
 */
function repeatedCells(text: string, start: number, ends: readonly number[], beforeText: string, beforeStart: number, beforeEnds: readonly number[], comparable: readonly number[]): number {
  let mask = 0;
  for (let k = 0; k < comparable.length; k++) {
    const c = comparable[k]!;
    const from = c === 0 ? start : ends[c - 1]! + 1;
    const was = c === 0 ? beforeStart : beforeEnds[c - 1]! + 1;
    const length = ends[c]! - from;
    if (length === 0 || length !== beforeEnds[c]! - was) continue;
    let i = 0;
    while (i < length && text.charCodeAt(from + i) === beforeText.charCodeAt(was + i)) i++;
    if (i === length) mask |= 1 << c;
  }
  return mask;
}

/** Whether text[from, to) holds an odd number of quotes, so that the line ends inside a quoted field. */
function quoteParity(text: string, from: number, to: number): boolean {
  let odd = false;
  for (let i = text.indexOf('"', from); i !== -1 && i < to; i = text.indexOf('"', i + 1)) odd = !odd;
  return odd;
}

/**
 * Cells of text[from, to), one line, if csv-parse reads it without complaint, else -1: every field is
 * either free of quotes or wholly quoted ("..." with "" for a quote) and followed by the delimiter or
 * the end of the line. It hops with indexOf rather than looking at every character: most of the file
 * goes through here. With `ends`, where each cell ends goes there, cell by cell (as far as the line
 * is read: a line of too many cells writes past `ends`'s length).
 */
export function simpleCells(text: string, from: number, to: number, delimiter: string, firstQuote = text.indexOf('"', from), ends?: number[]): number {
  let cells = 1;
  let quote = firstQuote === -1 || firstQuote >= to ? to : firstQuote;
  for (let i = from; ; ) {
    if (i === quote && i < to) {
      let close = text.indexOf('"', i + 1);
      while (close !== -1 && close + 1 < to && text.charCodeAt(close + 1) === 34) close = text.indexOf('"', close + 2);
      if (close === -1 || close >= to) return -1;
      i = close + 1;
      if (ends) ends[cells - 1] = i;
      if (i === to) return cells;
      if (text[i] !== delimiter) return -1;
      quote = text.indexOf('"', i);
      if (quote === -1 || quote >= to) quote = to;
    } else {
      let next = text.indexOf(delimiter, i);
      if (next === -1 || next > to) next = to;
      if (quote < next) return -1;
      if (ends) ends[cells - 1] = next;
      if (next === to) return cells;
      i = next;
    }
    cells++;
    i++;
  }
}

/** Whether column c's cell of a cut line is passed on: a kept column, and not a repeat (a function, not a closure made for each line). */
function copied(keep: readonly boolean[], repeated: number, c: number): boolean {
  return keep[c] === true && (c >= MASK_COLUMNS || ((repeated >>> c) & 1) === 0);
}

/**
 * What a chunk passes on, gathered in one buffer: csv-parse pays for every chunk it is given, and the
 * string and buffer made for each line cut kept the collector busy (0.7 KB a line).
 */
class Passed {
  private readonly buffer: Buffer;
  private at = 0;

  /** `size`: at most the bytes the chunk passes on. */
  constructor(size: number) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** Bytes [from, to) of `bytes`, passed on as they are. */
  copy(bytes: Buffer, from: number, to: number): void {
    const buffer = this.buffer;
    let at = this.at;
    // A cell is a few bytes: copying them one by one costs less than a call into C++ for each.
    if (to - from < 32) for (let i = from; i < to; i++) buffer[at++] = bytes[i]!;
    else if (from < to) at += bytes.copy(buffer, at, from, to);
    this.at = at;
  }

  /**
   * The line that starts at `from`, its cells ending at `ends`, with the cells `keep` does not keep,
   * and those of the mask `repeated`, emptied. Cells kept side by side are copied as one stretch, the
   * delimiters between them with them.
   */
  blanked(bytes: Buffer, from: number, ends: readonly number[], keep: readonly boolean[], repeated: number, delimiter: number): void {
    for (let c = 0, start = from; c < keep.length; start = ends[c++]! + 1) {
      if (c > 0) this.buffer[this.at++] = delimiter;
      if (!copied(keep, repeated, c)) continue;
      while (c + 1 < keep.length && copied(keep, repeated, c + 1)) c++;
      this.copy(bytes, start, ends[c]!);
    }
  }

  pieces(): Buffer[] {
    return this.at === 0 ? [] : [this.buffer.subarray(0, this.at)];
  }
}
