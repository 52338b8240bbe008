import ExcelJS from "exceljs";
import JSZip from "jszip";

/**
 * The date a written workbook says it was made and every zip entry's time: a fixed one, so that the
 * same rating gives the same bytes (exceljs stamps the document and JSZip each entry with now).
 * 1980-01-01 is the earliest time a zip entry can hold.
 */
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

export type SheetCell = string | number | null;

/** A new workbook, its document properties fixed. */
export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ccg-ratings";
  workbook.lastModifiedBy = "ccg-ratings";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  return workbook;
}

/**
 * A sheet of one table: the header row bold and frozen, so it stays in view, and each cell as it is
 * (a number as a number; text as text, which a spreadsheet never runs as a formula). Columns as wide as
 * their longest text, within reason.
 */
export function addTableSheet(workbook: ExcelJS.Workbook, name: string, header: readonly string[], rows: Iterable<readonly SheetCell[]>): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([...header]).font = { bold: true };
  const widths = header.map((h) => h.length);
  for (const row of rows) {
    sheet.addRow([...row]);
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i]!, cell === null ? 0 : String(cell).length)));
  }
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, w + 2))));
  return sheet;
}

/** The workbook's .xlsx bytes, the same for the same content: its zip entries' times fixed too. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const written = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()));
  const fixed = new JSZip();
  for (const entry of Object.values(written.files)) {
    if (!entry.dir) fixed.file(entry.name, await entry.async("uint8array"), { date: FIXED_DATE, createFolders: false });
  }
  return fixed.generateAsync({ type: "nodebuffer", compression: "DEFLATE", platform: "UNIX" });
}
