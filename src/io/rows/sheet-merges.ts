import ExcelJS from "exceljs";
import { parseRange } from "./cell-reference.js";

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Each sheet's merged ranges, by sheet name. The streaming reader does not give them (a sheet lists
 * them after its rows), so they are read on their own, the rows skipped, and only when a header
 * cannot be found without them: the whole workbook's zip is held meanwhile, not its rows.
 */
export async function sheetMerges(path: string): Promise<Map<string, Merge[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path, { ignoreNodes: ["sheetData", "conditionalFormatting", "dataValidations", "hyperlinks", "drawing", "picture", "tableParts"] });
  return new Map(
    workbook.worksheets.map((sheet) => [sheet.name, sheet.model.merges.map(parseRange).filter((m): m is Merge => m !== null)]),
  );
}

/**
 * The rows with each merged range's text given to every cell of its first column: a header cell
 * merged down over two header rows names its column in the lower row too. The other columns of a
 * merge across stay empty, as they show: a heading over several columns names none of them.
 */
export function withMerges(rows: readonly { cells: string[]; line: number }[], merges: readonly Merge[]): { cells: string[]; line: number }[] {
  const byLine = new Map(rows.map((row) => [row.line, row]));
  const filled = rows.map((row) => ({ line: row.line, cells: [...row.cells] }));
  const filledByLine = new Map(filled.map((row) => [row.line, row]));
  for (const m of merges) {
    const text = byLine.get(m.top)?.cells[m.left - 1] ?? "";
    if (text === "") continue;
    for (let line = m.top + 1; line <= m.bottom; line++) {
      const row = filledByLine.get(line);
      if (row === undefined) continue;
      while (row.cells.length < m.left) row.cells.push("");
      if (row.cells[m.left - 1] === "") row.cells[m.left - 1] = text;
    }
  }
  return filled;
}
