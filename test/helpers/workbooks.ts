import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

export type SheetCellInput = ExcelJS.CellValue;

export interface SheetSpec {
  name: string;
  rows: SheetCellInput[][];
  /** Ranges to merge, as Excel writes them ("A1:F1"). */
  merges?: string[];
  /** Number formats by cell ("C5": "0.0%"). */
  formats?: Record<string, string>;
}

/** A workbook made with exceljs, as an analyst's Excel would save it, written to a new temporary folder. */
export async function workbookFile(name: string, sheets: SheetSpec[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    for (const row of spec.rows) sheet.addRow(row);
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
    for (const [cell, format] of Object.entries(spec.formats ?? {})) sheet.getCell(cell).numFmt = format;
  }
  const path = join(mkdtempSync(join(tmpdir(), "ccg-xlsx-")), name);
  await workbook.xlsx.writeFile(path);
  return path;
}

/**
 * A CSV file's rows as a sheet's: a cell that is a plain number becomes a number, and in the `dates`
 * columns an ISO date becomes a date cell, as a workbook holds them.
 */
export function csvAsRows(path: string, dates: readonly string[] = []): SheetCellInput[][] {
  const rows = parse(readFileSync(path), { relax_column_count: true, bom: true }) as string[][];
  const dateColumns = new Set(dates.map((d) => rows[0]!.indexOf(d)));
  return rows.map((row, r) =>
    row.map((cell, c) => {
      if (r > 0 && dateColumns.has(c) && /^\d{4}-\d{2}-\d{2}$/.test(cell)) return new Date(`${cell}T00:00:00Z`);
      return r > 0 && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
    }),
  );
}
