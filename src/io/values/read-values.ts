import type { Framework } from "../../engine/framework/schema.js";
import { columnOf, readHeader } from "../rows/header.js";
import type { ReadRecordsOptions } from "../rows/csv/read-records.js";
import { csvRows, type CsvInput } from "../rows/csv-rows.js";
import { placeInSheet, type RowSource } from "../rows/row-source.js";
import { finishRead, type ValuesRead } from "./finish-read.js";
import { resolveLayout } from "./layout.js";
import type { ValuesOptions } from "./options.js";
import { readSegment } from "./segment-read.js";

export type { ValuesRead } from "./finish-read.js";

/**
 * Read a values file in wide (one row per organisation) or long (one row per organisation x indicator
 * [x period]) layout into the engine's dataset. Streams: only the rows kept are held in memory.
 * Reports every problem it finds, not only the first.
 */
export async function readValues(input: ValuesInput, file: string, framework: Framework, options: ValuesOptions): Promise<ValuesRead> {
  return readValuesRows(csvRows(input, file, recordOptionsOf(options)), framework, options);
}

/** readValues from any row source: a CSV file's or a workbook sheet's rows. */
export async function readValuesRows(rows: RowSource, framework: Framework, options: ValuesOptions): Promise<ValuesRead> {
  const read = finishRead([await readSegment(rows, framework, options, true)], rows.file, framework);
  read.collected = read.collected.map(placeInSheet(rows));
  read.diagnostics = read.collected.list();
  return read;
}

/**
 * Whether a row can be a values file's header: it names the organisation column, and the indicator
 * column or one of the framework's indicators. What finds the header below a workbook's title rows.
 */
export function isValuesHeader(framework: Framework, options: ValuesOptions): (cells: readonly string[]) => boolean {
  const indicatorNames = framework.indicators.flatMap((i) => [i.id, `${i.id}_numerator`]);
  return (cells) => {
    // The row read as a header, so that its layout (ours or a Fingertips export's) names the columns looked for.
    const { header } = readHeader(cells, "", 1);
    const { columns } = resolveLayout(header, options);
    return columnOf(header, columns.org) !== undefined && [columns.indicator, ...indicatorNames].some((name) => columnOf(header, name) !== undefined);
  };
}

/** A values file's bytes, or its text already opened (see scan-thread.ts). */
export type ValuesInput = CsvInput;

/** How the CSV reader is to read a values file: with `--where`, lines that cannot match may be left out. */
export function recordOptionsOf(options: ValuesOptions): ReadRecordsOptions {
  return {
    encoding: options.encoding,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.prefilter !== false && options.where.length > 0 ? { onlyLinesWith: options.where.map((w) => w.value) } : {}),
  };
}
