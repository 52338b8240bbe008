import { tuneHeapForWorkbooks } from "../heap-tuning.js";
import type { Source } from "../source.js";
import type { ReadRecordsOptions } from "./csv/read-records.js";
import { csvRows } from "./csv-rows.js";
import type { RowSource } from "./row-source.js";
import type { SheetChoice } from "./xlsx-rows.js";

/** A file named .xlsx (or .xlsm) is read as a workbook; any other, as CSV. */
export function isWorkbookName(spec: string): boolean {
  return /\.xls[xm]$/i.test(spec);
}

/**
 * The rows of a table file, whichever its format: the one place the file type is told, so that a new
 * format is a new row source and a branch here. `file` names the file in messages; `choice` finds a
 * workbook's sheet and header, `csv` says how to read a CSV file. exceljs loads only when a workbook is read.
 */
export async function openRows(source: Source, file: string, choice: SheetChoice, csv: ReadRecordsOptions = {}): Promise<RowSource> {
  if (!isWorkbookName(source.name)) return csvRows(source.open(), file, csv);
  const { xlsxRows } = await import("./xlsx-rows.js");
  tuneHeapForWorkbooks();
  return xlsxRows(source.path!, file, choice);
}
