import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { error, type Diagnostic } from "../../engine/diagnostics.js";
import { sniffDelimiter } from "./sniff-delimiter.js";

export interface CsvRecord {
  cells: string[];
  /** 1-based line on which the record starts (a quoted field may span lines). */
  line: number;
}

export type RecordEvent = { kind: "record"; record: CsvRecord } | { kind: "error"; diagnostic: Diagnostic };

/**
 * Stream the records of a CSV file, with the delimiter sniffed from the header and a BOM dropped.
 * A syntax error ends the stream with one diagnostic that names the line.
 */
export async function* readRecords(input: Readable, file: string): AsyncGenerator<RecordEvent> {
  const chunks = input[Symbol.asyncIterator]();
  const first = await nextText(chunks);
  if (first === null || first.replace(/^\uFEFF/, "").trim() === "") {
    yield { kind: "error", diagnostic: error("E_EMPTY_FILE", "file is empty", { file, line: 1, column: 1 }) };
    return;
  }
  const parser = parse({
    delimiter: sniffDelimiter(first.replace(/^\uFEFF/, "")),
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  const rest = Readable.from(
    (async function* () {
      yield first;
      for (let next = await nextText(chunks); next !== null; next = await nextText(chunks)) yield next;
    })(),
    { objectMode: false },
  );
  rest.on("error", (e) => parser.destroy(e));
  rest.pipe(parser);
  let lastLine = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      lastLine = info.lines;
      yield { kind: "record", record: { cells: record, line: info.lines - embeddedNewlines(record) } };
    }
  } catch (e) {
    yield { kind: "error", diagnostic: csvErrorDiagnostic(e, file, lastLine) };
  }
}

async function nextText(chunks: AsyncIterator<unknown>): Promise<string | null> {
  const { value, done } = await chunks.next();
  if (done) return null;
  return typeof value === "string" ? value : (value as Buffer).toString("utf8");
}

/** csv-parse counts lines to the end of a record; quoted newlines say how far back it started. */
function embeddedNewlines(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) n++;
  }
  return n;
}

/** An unclosed quote is only noticed at the end of the file; the record it opened starts after the last good one. */
function csvErrorDiagnostic(e: unknown, file: string, lastLine: number): Diagnostic {
  if (e instanceof CsvError) {
    const err = e as CsvError & { lines?: number; column?: number };
    const message =
      err.code === "CSV_QUOTE_NOT_CLOSED"
        ? "a quoted field opened in this record is never closed"
        : (err.message ?? "invalid CSV").replace(/^[^:]*:\s*/, "").replace(/\s+at line \d+.*$/, "");
    const line = err.code === "CSV_QUOTE_NOT_CLOSED" ? lastLine + 1 : Math.max(1, err.lines ?? 1);
    return error("E_CSV_SYNTAX", `${message} (${err.code})`, { file, line, column: Math.max(1, (err.column ?? 0) + 1) });
  }
  const code = (e as NodeJS.ErrnoException).code;
  return error("E_FILE_UNREADABLE", `cannot read: ${code ?? (e as Error).message}`, { file });
}
