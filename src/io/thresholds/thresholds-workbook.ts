import { addTableSheet, newWorkbook, workbookBytes } from "../output/workbook-bytes.js";
import type { ThresholdsTable } from "./write-thresholds.js";

/** The thresholds spreadsheet as an .xlsx workbook to start from: what --thresholds FILE.xlsx reads back. */
export async function thresholdsWorkbook(table: Extract<ThresholdsTable, { ok: true }>): Promise<Buffer> {
  const workbook = newWorkbook();
  addTableSheet(workbook, "Thresholds", table.header, table.rows);
  return workbookBytes(workbook);
}
