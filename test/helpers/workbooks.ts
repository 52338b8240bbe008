import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import JSZip from "jszip";

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

/** The workbook's zip written again with its entries in the order `order` gives them, after `edit` has changed their text. */
export async function repacked(path: string, order: (names: string[]) => string[], edit: (files: Map<string, string>) => void = () => {}): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const files = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n]!.dir)) files.set(name, await zip.file(name)!.async("string"));
  edit(files);
  const out = new JSZip();
  for (const name of order([...files.keys()])) out.file(name, files.get(name)!, { compression: "DEFLATE" });
  writeFileSync(path, await out.generateAsync({ type: "nodebuffer" }));
  return path;
}

const LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The workbook with the middle third of one entry's compressed bytes overwritten: its inflating fails part way. */
export async function damagedPart(path: string, entry: string): Promise<string> {
  // Written again first so that each local header holds its entry's compressed size.
  const bytes = readFileSync(await repacked(path, (names) => names));
  const name = Buffer.from(entry);
  let at = bytes.indexOf(LOCAL_HEADER);
  while (!bytes.subarray(at + 30, at + 30 + name.length).equals(name)) {
    at = bytes.indexOf(LOCAL_HEADER, at + 4);
    if (at === -1) throw new Error(`no part ${entry} in ${path}`);
  }
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const size = bytes.readUInt32LE(at + 18);
  bytes.fill(0xff, start + Math.floor(size / 3), start + Math.floor((2 * size) / 3));
  writeFileSync(path, bytes);
  return path;
}
