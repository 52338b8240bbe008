import { NOT_RATED } from "../../engine/framework/categories.js";
import type { Rating } from "../../engine/rate.js";
import { categoryColour } from "../../report/palette.js";
import { gradedRows } from "./graded-table.js";
import { addTableSheet, newWorkbook, workbookBytes, type SheetCell } from "./workbook-bytes.js";

/**
 * The graded table as an .xlsx workbook: the same columns and rows as the CSV (numbers as numbers),
 * each category cell filled with its colour from the report's palette, and a second sheet with the
 * counts per category (and period). The same rating gives the same bytes.
 */
export async function gradedWorkbook(rating: Rating): Promise<Buffer> {
  const workbook = newWorkbook();
  const { columns, rows } = gradedRows(rating);
  const table = addTableSheet(workbook, "Ratings", columns, rows);
  const categoryColumn = columns.indexOf("category") + 1;
  const n = rating.summary.categories.length;
  rating.organisations.forEach((org, i) => {
    const colour = categoryColour(org.categoryIndex, n).hex.slice(1).toUpperCase();
    const cell = table.getCell(i + 2, categoryColumn);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${colour}` } };
    cell.font = { color: { argb: darkText(colour) ? "FF000000" : "FFFFFFFF" } };
  });
  const { header, rows: counts } = summaryRows(rating);
  addTableSheet(workbook, "Summary", header, counts);
  return workbookBytes(workbook);
}

/** Counts per category, one column per period, as the terminal summary gives them; then Not rated and the total. */
function summaryRows(rating: Rating): { header: string[]; rows: SheetCell[][] } {
  const { categories, periods } = rating.summary;
  const multi = periods.length > 1 || periods[0]?.period !== null;
  const header = ["category", ...(multi ? periods.map((p) => p.period ?? "") : ["count"])];
  const rows: SheetCell[][] = categories.map((c, i) => [c, ...periods.map((p) => p.counts[i]!)]);
  rows.push([NOT_RATED, ...periods.map((p) => p.notRated)], ["Total", ...periods.map((p) => p.total)]);
  return { header, rows };
}

/** Whether black text reads better than white on a fill (WCAG relative luminance above the midpoint). */
function darkText(hex: string): boolean {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! > 0.179;
}
