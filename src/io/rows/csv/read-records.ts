import type { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { error, type Diagnostic } from "../../../engine/diagnostics.js";
import { CsvTextFilter, type CsvHead, type CsvTextOptions } from "./csv-text.js";
import { DEFAULT_CSV_LIMITS, type CsvLimits } from "./limits.js";
import type { LineGaps } from "./line-gaps.js";
import { restoreRepeated, type RepeatedCells } from "./repeated-cells.js";
import type { RowEvent } from "../row-source.js";

export interface ReadRecordsOptions extends CsvTextOptions {
  /** Records left out by `onlyLinesWith` are counted here. */
  skipped?: { records: number };
}

/** What csv-parse is given to read: the file's text, maybe with lines left out, and how it was told apart. */
export interface CsvText extends CsvHead {
  /** The text, from the header on: bytes of UTF-8, or text decoded from another encoding. */
  pieces: AsyncIterable<Buffer | string>;
  /**
   * Where lines were left out (see LinePrefilter), once `pieces` is read to the end, and cells passed
   * on empty as repeats, as the pieces are read; null if none could be.
   */
  lines: { gaps: LineGaps; readonly dropped: number; repeats?: RepeatedCells } | null;
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
  const fileLine = (line: number) => (lines === null ? line : lines.gaps.originalLine(line));
  const repeats = lines?.repeats ?? null;
  let header = true;
  let nextLine = 1;
  let before: string[] | null = null;
  try {
    for await (const records of parsedRecords(parser, pieces)) {
      const events: RowEvent[] = [];
      for (const record of records) {
        const mask = repeats === null ? 0 : repeats.take(nextLine);
        const line = fileLine(nextLine);
        nextLine += 1 + lineBreaks(record, crOnly);
        if (mask !== 0) restoreRepeated(record, before, mask);
        before = record;
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
    parser.destroy();
    stop();
  }
  if (lines !== null && options.skipped) options.skipped.records += lines.dropped;
}

/** How much of the text csv-parse is given at a time (see parsedRecords). */
const SLICE_BYTES = 8 << 10;

/**
 * The records of `pieces` as csv-parse reads them, a batch for each slice of the text, then its error
 * if any. A write to the parser parses there and then, its records handed to the "data" listener before
 * it returns, so each batch is taken as soon as its slice is written: records taken a slice at a time
 * die young, where a whole chunk's (64 KB of text, 1,000 records) outlived the collections made while it
 * was parsed, and collecting took half as long again (bench/README.md). Writing rather than piping also
 * saves a stream and its turns for every chunk. The records parsed before an error come first, however
 * the chunks fall.
 */
async function* parsedRecords(parser: ReturnType<typeof parse>, pieces: AsyncIterable<Buffer | string>): AsyncGenerator<string[][]> {
  let batch: string[][] = [];
  parser.on("data", (record: string[]) => batch.push(record));
  const finished = new Promise<void>((resolve) => {
    parser.on("end", resolve);
    parser.on("error", () => resolve());
  });
  const taken = () => {
    const records = batch;
    batch = [];
    return records;
  };
  for await (const piece of pieces) {
    // Slices of bytes, never of a string: a character cut in two is put back together by csv-parse, which reads bytes.
    const bytes = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
    for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
      parser.write(bytes.subarray(at, at + SLICE_BYTES));
      if (batch.length > 0) yield taken();
      if (parser.errored !== null) throw parser.errored;
    }
  }
  parser.end();
  await finished;
  if (batch.length > 0) yield taken();
  if (parser.errored !== null) throw parser.errored;
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
