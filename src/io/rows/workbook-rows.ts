import { tuneHeapForWorkbooks } from "../heap-tuning.js";
import type { Source } from "../source.js";
import type { RowSource } from "./row-source.js";
import type { SheetChoice } from "./xlsx-rows.js";

/** A file named .xlsx (or .xlsm) is read as a workbook; any other, as CSV. */
export function isWorkbookName(spec: string): boolean {
  return /\.xls[xm]$/i.test(spec);
}

/** The rows of a workbook's sheet; exceljs loads only when a workbook is read. */
export async function workbookRows(source: Source, choice: SheetChoice): Promise<RowSource> {
  const { xlsxRows } = await import("./xlsx-rows.js");
  tuneHeapForWorkbooks();
  return xlsxRows(source.path!, source.name, choice);
}
