/**
 * A cheap pass over CSV text, before csv-parse, that leaves out the lines which certainly cannot
 * matter: a record whose raw line contains none of the needles (e.g. a `--where GROUP_TYPE=CCG` value)
 * cannot pass the filter, so parsing it is wasted work. An NHS Digital file is mostly such lines.
 *
 * It is conservative by construction. A line is left out only when it is a whole record on one line
 * that csv-parse would read without complaint into exactly as many cells as the header has, so
 * dropping it loses no diagnostic either. Anything unusual (a quote out of place, a stray CR, a record
 * spanning lines, a header it cannot read) is passed on untouched. It remembers where it left lines
 * out, so that `originalLine` turns a line number of the text it passed on into the file's own.
 */
const MAX_CARRY = 1 << 24;

export class LinePrefilter {
  /** Records left out so far: rows the reader never sees but which existed. */
  dropped = 0;
  /** Lines passed on so far. */
  private passed = 0;
  /** After `after` lines passed on, `skip` lines were left out; consumed from `head` on. */
  private gaps: { after: number; skip: number }[] = [];
  private head = 0;
  private shift = 0;
  private state: "header" | "on" | "off" = "header";
  private carry = "";
  private cells = 0;
  private crlf = false;
  /** Whether the next line starts inside a quoted field (a record that spans lines). */
  private quoted = false;
  /** Whether the next line continues the record of the line before (see bareLf). */
  private continued = false;
  private readonly needles: readonly string[];
  private readonly delimiter: string;

  constructor(needles: readonly string[], delimiter: string) {
    this.needles = needles;
    this.delimiter = delimiter;
    const unsafe = needles.length === 0 || needles.some((n) => n === "" || /["\r\n]/.test(n) || n.includes(delimiter));
    if (unsafe) this.state = "off";
  }

  /** Take the next chunk of text; give back what csv-parse should see of it. */
  push(chunk: string): string {
    if (this.state === "off") return chunk;
    if (this.state === "header") return this.pushHeader(chunk);
    const last = chunk.lastIndexOf("\n");
    if (last === -1) return this.hold(chunk);
    let out = "";
    let from = 0;
    if (this.carry !== "") {
      // The line begun in the last chunk, alone: joining it to the whole chunk would copy the chunk.
      from = chunk.indexOf("\n") + 1;
      const line = this.carry + chunk.slice(0, from);
      out = this.filterLines(line, 0, line.length);
    }
    this.carry = chunk.slice(last + 1);
    return out + this.filterLines(chunk, from, last + 1);
  }

  private pushHeader(chunk: string): string {
    const text = this.carry + chunk;
    const end = text.indexOf("\n");
    if (end === -1) return this.hold(chunk);
    this.carry = "";
    if (!this.readHeader(text.slice(0, end + 1))) return text;
    this.passed = 1;
    return text.slice(0, end + 1) + this.push(text.slice(end + 1));
  }

  /** No line end yet: wait for one, unless lines end in CR alone or one is longer than is worth holding. */
  private hold(chunk: string): string {
    const text = this.carry + chunk;
    if ((this.state === "header" && text.includes("\r")) || text.length > MAX_CARRY) {
      this.state = "off";
      this.carry = "";
      return text;
    }
    this.carry = text;
    return "";
  }

  /**
   * The line in the file of a line in the text passed on. Asked in increasing order (records come in
   * order), so the gaps behind are forgotten and memory stays flat.
   */
  originalLine(line: number): number {
    while (this.head < this.gaps.length && this.gaps[this.head]!.after < line) this.shift += this.gaps[this.head++]!.skip;
    if (this.head > 1024) {
      this.gaps.splice(0, this.head);
      this.head = 0;
    }
    return line + this.shift;
  }

  /** The end of the input: whatever is left, untouched. */
  end(): string {
    const rest = this.carry;
    this.carry = "";
    return rest;
  }

  /** Whether the header is plain enough to count its cells; if not, the filter turns itself off. */
  private readHeader(line: string): boolean {
    const body = line.replace(/^(?:\uFEFF|\u00EF\u00BB\u00BF)/, "");
    this.crlf = body.endsWith("\r\n");
    const content = body.slice(0, body.length - (this.crlf ? 2 : 1));
    const cells = content === "" || content.includes("\r") ? -1 : simpleCells(content, 0, content.length, this.delimiter);
    this.state = cells <= 0 ? "off" : "on";
    this.cells = cells;
    return this.state === "on";
  }

  /** Lines in text[from, to), which ends just after a "\n". */
  private filterLines(text: string, from: number, to: number): string {
    const pieces: string[] = [];
    const { needles, delimiter, cells, crlf, gaps } = this;
    const never = text.length + 1;
    const find = (what: string, at: number) => {
      const i = text.indexOf(what, at);
      return i === -1 ? never : i;
    };
    /** Text from keptFrom on is passed on. */
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
      let droppable = !quoted && !continued && end > start && (crlf ? nextCr === end : nextCr >= newline);
      for (let i = 0; droppable && i < nextNeedle.length; i++) {
        if (nextNeedle[i]! < start) nextNeedle[i] = find(needles[i]!, start);
        if (nextNeedle[i]! < end) droppable = false;
      }
      if (droppable && simpleCells(text, start, end, delimiter, hasQuote ? nextQuote : end) === cells) {
        if (keptFrom < start) pieces.push(text.slice(keptFrom, start));
        keptFrom = next;
        dropped++;
        const gap = gaps[gaps.length - 1];
        if (gap !== undefined && gap.after === passed) gap.skip++;
        else gaps.push({ after: passed, skip: 1 });
      } else {
        passed++;
        if (hasQuote && quoteParity(text, start, newline)) quoted = !quoted;
        continued = bareLf;
      }
      start = next;
    }
    Object.assign(this, { quoted, continued, passed, dropped });
    if (keptFrom < to) pieces.push(text.slice(keptFrom, to));
    return pieces.join("");
  }
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
 * goes through here.
 */
export function simpleCells(text: string, from: number, to: number, delimiter: string, firstQuote = text.indexOf('"', from)): number {
  let cells = 1;
  let quote = firstQuote === -1 || firstQuote >= to ? to : firstQuote;
  for (let i = from; ; ) {
    if (i === quote && i < to) {
      let close = text.indexOf('"', i + 1);
      while (close !== -1 && close + 1 < to && text.charCodeAt(close + 1) === 34) close = text.indexOf('"', close + 2);
      if (close === -1 || close >= to) return -1;
      i = close + 1;
      if (i === to) return cells;
      if (text[i] !== delimiter) return -1;
      quote = text.indexOf('"', i);
      if (quote === -1 || quote >= to) quote = to;
    } else {
      let next = text.indexOf(delimiter, i);
      if (next === -1 || next > to) next = to;
      if (quote < next) return -1;
      if (next === to) return cells;
      i = next;
    }
    cells++;
    i++;
  }
}
