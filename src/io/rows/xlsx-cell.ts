import type { CellValue } from "exceljs";

/**
 * A workbook cell as the text a CSV of it would hold, so that the one reader of rows reads it: a
 * number in full (String gives back the same number), a percent-formatted number as the percentage
 * shown (0.452 as "45.2%", which a `%` indicator reads as 45.2), a date as its ISO date (2017-03-31),
 * a formula as its cached result (as `=FORMULA` when it has none), rich text as its text, an error
 * value (#N/A) as itself.
 */
export function cellText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return isPercentFormat(numFmt) ? `${hundredTimes(value)}%` : String(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoDate(value);
  if ("formula" in value || "sharedFormula" in value) {
    const { result } = value as { result?: unknown };
    // No result saved (never calculated), or an error (#DIV/0!, which the reader gives without its
    // text): the formula itself, which is not a number, so the cell is named, not read as empty.
    if (result === undefined || (typeof result === "number" && Number.isNaN(result))) return `=${"formula" in value ? value.formula : ""}`;
    return cellText(result as CellValue, numFmt);
  }
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return String(value.error);
  if ("text" in value) return String(value.text);
  return "";
}

/** Whether a number format shows a percentage: a `%` outside quoted text and [colour] or [condition] parts. */
function isPercentFormat(numFmt: string | undefined): boolean {
  return numFmt !== undefined && numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "").includes("%");
}

/** x * 100 moved in its decimal digits, not multiplied in binary: 0.452 gives 45.2, not 45.199999999999996. */
function hundredTimes(x: number): number {
  const [mantissa, exponent = "0"] = String(x).split("e");
  return Number(`${mantissa}e${Number(exponent) + 2}`);
}

/** A date cell as Excel shows a date: the day, or the day and time when it has one (exceljs reads cells as UTC). */
function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}
