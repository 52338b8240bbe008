import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { error, type Diagnostic } from "../../../engine/diagnostics.js";
import { CsvTextFilter, type CsvHead, type CsvTextOptions } from "./csv-text.js";
import { DEFAULT_CSV_LIMITS, type CsvLimits } from "./limits.js";
import type { LineGaps } from "./line-gaps.js";
import type { RowEvent } from "../row-source.js";

export interface ReadRecordsOptions extends CsvTextOptions {
  /** Records left out by `onlyLinesWith` are counted here. */
  skipped?: { records: number };
}

/** What csv-parse is given to read: the file's text, maybe with lines left out, and how it was told apart. */
export interface CsvText extends CsvHead {
  /** The text, from the header on: bytes of UTF-8, or text decoded from another encoding. */
  pieces: AsyncIterable<Buffer | string>;
  /** Where lines were left out (see LinePrefilter), once `pieces` is read to the end; null if none could be. */
  lines: { gaps: LineGaps; readonly dropped: number } | null;
  /** Stop reading: the reader wants no more. */
  stop(): void;
  /** Which columns the reader looks at, once it knows: the others' cells may be left empty (see LinePrefilter.keepColumns). */
  keepColumns?(columns: readonly number[]): void;
}

export type CsvTextOpened = { ok: true; text: CsvText } | { ok: false; diagnostic: Diagnostic };

/** The text of a CSV file as csv-parse should see it (see CsvTextFilter), once its first line is in. */
export async function openCsvText(input: Readable, file: string, options: ReadRecordsOptions = {}): Promise<CsvTextOpened> {
  const filter = new CsvTextFilter(file, options);
  const chunks = bufferChunks(input);
  const first: (Buffer | string)[] = [];
  let ended = false;
  try {
    while (filter.head === null && !filter.empty && !ended) {
      const next = await chunks.next();
      ended = next.done === true;
      first.push(ended ? filter.end() : filter.push(next.value as Buffer));
    }
  } catch (e) {
    input.destroy();
    return { ok: false, diagnostic: failureDiagnostic(e, file, options.limits ?? DEFAULT_CSV_LIMITS) };
  }
  const head = filter.head;
  if (head === null) {
    input.destroy();
    return { ok: false, diagnostic: emptyFile(file) };
  }
  const pieces = (async function* () {
    yield* first;
    if (ended) return;
    for await (const chunk of chunks) yield filter.push(chunk);
    yield filter.end();
  })();
  return { ok: true, text: { ...head, pieces, lines: filter.lines, stop: () => input.destroy(), keepColumns: (columns) => filter.keepColumns(columns) } };
}

export function emptyFile(file: string): Diagnostic {
  return error("E_EMPTY_FILE", "file is empty", { file, line: 1, column: 1 });
}

/** The records of a CSV text (see readRecordBatches). */
export async function* parseCsvText(opened: CsvTextOpened, file: string, options: ReadRecordsOptions = {}): AsyncGenerator<RowEvent[]> {
  if (!opened.ok) {
    yield [{ kind: "error", diagnostic: opened.diagnostic }];
    return;
  }
  const { delimiter, crOnly, pieces, lines, stop } = opened.text;
  const limits = options.limits ?? DEFAULT_CSV_LIMITS;
  // No `info` and no `skip_empty_lines`: csv-parse is a quarter faster without a context object per
  // record, and lines are easy to count here (see bench/README.md).
  const parser = parse({ delimiter, bom: true, relax_column_count: true, max_record_size: limits.maxRecordBytes });
  const rest = Readable.from(pieces, { objectMode: false });
  rest.on("error", (e) => parser.destroy(e));
  rest.pipe(parser);
  const fileLine = (line: number) => (lines === null ? line : lines.gaps.originalLine(line));
  let header = true;
  let nextLine = 1;
  try {
    for await (const records of parsedRecords(parser)) {
      const events: RowEvent[] = [];
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
        events.push({ kind: "record", cells: record, line });
      }
      if (events.length > 0) yield events;
    }
  } catch (e) {
    yield [{ kind: "error", diagnostic: failureDiagnostic(e, file, limits, fileLine(nextLine)) }];
  } finally {
    // Also when the reader stops early: the rest of a large file is not read for nothing.
    rest.destroy();
    parser.destroy();
    stop();
  }
  if (lines !== null && options.skipped) options.skipped.records += lines.dropped;
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
export function failureDiagnostic(e: unknown, file: string, limits: CsvLimits, recordLine = 1): Diagnostic {
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
