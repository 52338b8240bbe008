import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { error, type Diagnostic } from "../../engine/diagnostics.js";
import { chooseEncoding, decodedPieces, validUtf8Pieces } from "./decode.js";
import type { Encoding } from "./encodings.js";
import { DEFAULT_CSV_LIMITS, type CsvLimits } from "./limits.js";
import { LinePrefilter } from "./prefilter.js";
import { sniffDelimiter } from "./sniff-delimiter.js";

export interface CsvRecord {
  cells: string[];
  /** 1-based line on which the record starts (a quoted field may span lines). */
  line: number;
}

export type RecordEvent = { kind: "record"; record: CsvRecord } | { kind: "error"; diagnostic: Diagnostic };

export interface ReadRecordsOptions {
  /** Undefined: UTF-8, or UTF-16LE when the file starts with its byte order mark. */
  encoding?: Encoding | undefined;
  limits?: CsvLimits;
  /**
   * Records whose raw line contains none of these strings are of no interest; they may be left out
   * (see LinePrefilter) and are then only counted in `skipped.records`.
   */
  onlyLinesWith?: readonly string[];
  skipped?: { records: number };
}

/**
 * Stream the records of a CSV file, with the delimiter sniffed from the header and a BOM dropped.
 * A syntax, encoding or size error ends the stream with one diagnostic that names the line.
 */
export async function* readRecords(input: Readable, file: string, options: ReadRecordsOptions = {}): AsyncGenerator<RecordEvent> {
  for await (const batch of readRecordBatches(input, file, options)) yield* batch;
}

/**
 * readRecords' events in batches, as many as the parser gives for one chunk of the file: a million
 * rows cost a second more when each goes through two async generators on its own.
 */
export async function* readRecordBatches(input: Readable, file: string, options: ReadRecordsOptions = {}): AsyncGenerator<RecordEvent[]> {
  const limits = options.limits ?? DEFAULT_CSV_LIMITS;
  const raw = bufferChunks(input);
  let pieces: AsyncGenerator<Buffer | string> = (async function* () {})();
  let first: Buffer | string | null = null;
  let utf8 = true;
  try {
    const head = await raw.next();
    if (!head.done) {
      const encoding = chooseEncoding(options.encoding, head.value);
      utf8 = encoding === "utf8";
      const all = prepend(head.value, raw);
      pieces = encoding === "utf8" ? validUtf8Pieces(all, file) : decodedPieces(all, encoding, file);
      first = await headPieces(pieces, limits.maxRecordBytes);
    }
  } catch (e) {
    yield [{ kind: "error", diagnostic: failureDiagnostic(e, file, limits) }];
    return;
  }
  const firstText = first === null ? "" : first.toString().replace(/^\uFEFF/, "");
  if (first === null || firstText.trim() === "") {
    yield [{ kind: "error", diagnostic: error("E_EMPTY_FILE", "file is empty", { file, line: 1, column: 1 }) }];
    return;
  }
  const delimiter = sniffDelimiter(firstText);
  const lineEnd = /\r\n?|\n/.exec(firstText)?.[0];
  const crOnly = lineEnd === "\r" && firstText.length > firstText.indexOf("\r") + 1;
  // No `info` and no `skip_empty_lines`: csv-parse is a quarter faster without a context object per
  // record, and lines are easy to count here (see bench/README.md).
  const parser = parse({ delimiter, bom: true, relax_column_count: true, max_record_size: limits.maxRecordBytes });
  // The filter reads UTF-8 bytes as Latin-1 text: one character per byte, so quotes, delimiters and
  // line ends are themselves, a needle's bytes match as its Latin-1 spelling, and what is kept turns
  // back into the very same bytes for csv-parse. Other encodings are rare enough to read in full.
  const prefilter =
    options.onlyLinesWith && utf8 ? new LinePrefilter(options.onlyLinesWith.map((n) => Buffer.from(n, "utf8").toString("latin1")), delimiter) : null;
  const filtered = (piece: Buffer | string): Buffer | string =>
    prefilter === null ? piece : Buffer.from(prefilter.push((piece as Buffer).toString("latin1")), "latin1");
  const rest = Readable.from(
    (async function* () {
      yield filtered(first);
      for (let next = await pieces.next(); !next.done; next = await pieces.next()) yield filtered(next.value);
      if (prefilter) yield Buffer.from(prefilter.end(), "latin1");
    })(),
    { objectMode: false },
  );
  rest.on("error", (e) => parser.destroy(e));
  rest.pipe(parser);
  const fileLine = (line: number) => (prefilter ? prefilter.originalLine(line) : line);
  let header = true;
  let nextLine = 1;
  try {
    for await (const records of parsedRecords(parser)) {
      const events: RecordEvent[] = [];
      for (const record of records) {
        const line = fileLine(nextLine);
        nextLine += 1 + lineBreaks(record, crOnly);
        if (record.length === 1 && record[0] === "") continue;
        if (header && record.length > limits.maxColumns) {
          events.push({
            kind: "error",
            diagnostic: error("E_TOO_MANY_COLUMNS", `the header has ${record.length} columns, more than the limit of ${limits.maxColumns} (raise it with --max-columns)`, {
              file,
              line,
              column: limits.maxColumns + 1,
            }),
          });
          yield events;
          return;
        }
        header = false;
        events.push({ kind: "record", record: { cells: record, line } });
      }
      if (events.length > 0) yield events;
    }
  } catch (e) {
    yield [{ kind: "error", diagnostic: failureDiagnostic(e, file, limits, fileLine(nextLine)) }];
  } finally {
    // Also when the reader stops early: the rest of a large file is not read for nothing.
    rest.destroy();
    parser.destroy();
    input.destroy();
  }
  if (prefilter && options.skipped) options.skipped.records += prefilter.dropped;
}

/**
 * The parser's records as they come, in batches, then its error if any. Iterating the stream itself
 * would throw away the records parsed just before an error, and how many depends on where chunks
 * happen to end. The consumer takes the queue between two chunks, so it holds at most one chunk's records.
 */
async function* parsedRecords(parser: ReturnType<typeof parse>): AsyncGenerator<string[][]> {
  let queue: string[][] = [];
  let failure: unknown = null;
  let done = false;
  let wake: (() => void) | null = null;
  const signal = () => wake?.();
  parser.on("data", (record: string[]) => {
    queue.push(record);
    if (queue.length === 1) signal();
  });
  parser.on("error", (e) => {
    failure = e;
    signal();
  });
  parser.on("end", () => {
    done = true;
    signal();
  });
  for (;;) {
    if (queue.length > 0) {
      const batch = queue;
      queue = [];
      yield batch;
      continue;
    }
    if (failure !== null) throw failure;
    if (done) return;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
}

async function* bufferChunks(input: Readable): AsyncGenerator<Buffer> {
  for await (const chunk of input as AsyncIterable<Buffer | string>) yield typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
}

async function* prepend<T>(head: T, rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** The start of the file up to the end of its first line (or as far as a record may go), to sniff the delimiter from. */
async function headPieces(pieces: AsyncGenerator<Buffer | string>, most: number): Promise<Buffer | string | null> {
  const got: (Buffer | string)[] = [];
  let length = 0;
  for (let next = await pieces.next(); !next.done; next = await pieces.next()) {
    got.push(next.value);
    length += next.value.length;
    if (next.value.includes("\n") || next.value.includes("\r") || length > most) break;
  }
  if (length === 0) return null;
  return typeof got[0] === "string" ? got.join("") : Buffer.concat(got as Buffer[]);
}

/**
 * Line breaks inside quoted cells, which make a record span lines: LFs (so also CRLFs), and lone CRs
 * only where CR alone ends records (elsewhere csv-parse reads a CR as data, and so does the prefilter). A record
 * of one empty cell is an empty line, skipped (csv-parse's own skip_empty_lines costs as much as
 * counting; a line holding just `""` is skipped too).
 */
function lineBreaks(cells: readonly string[], crOnly: boolean): number {
  let n = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) n++;
    if (crOnly) for (let i = cell.indexOf("\r"); i !== -1; i = cell.indexOf("\r", i + 1)) if (cell.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/**
 * A parse error is reported on the line where its record starts: csv-parse's own line count reads a
 * lone CR as a line end, which the line numbers here (and most editors in an LF file) do not.
 */
function failureDiagnostic(e: unknown, file: string, limits: CsvLimits, recordLine = 1): Diagnostic {
  if (typeof (e as { diagnostic?: Diagnostic }).diagnostic === "object") return (e as { diagnostic: Diagnostic }).diagnostic;
  const err = e as Partial<CsvError> & { lines?: number; column?: number; code?: string };
  const at = { file, line: recordLine, column: Math.max(1, (err.column ?? 0) + 1) };
  if (err.code === "CSV_MAX_RECORD_SIZE") {
    return error("E_RECORD_TOO_LONG", `a record (or field) longer than the limit of ${limits.maxRecordBytes} bytes (raise it with --max-record-bytes)`, at);
  }
  if (e instanceof CsvError) {
    const message =
      err.code === "CSV_QUOTE_NOT_CLOSED"
        ? "a quoted field opened in this record is never closed"
        : (err.message ?? "invalid CSV").replace(/^[^:]*:\s*/, "").replace(/\s+at line \d+.*$/, "");
    return error("E_CSV_SYNTAX", `${message} (${err.code})`, at);
  }
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === "ECHANGED" ? (e as Error).message : (code ?? (e as Error).message);
  return error("E_FILE_UNREADABLE", `cannot read: ${why}`, { file, line: recordLine, column: 1 });
}
