import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, expect } from "vitest";

const PHE_DIR = new URL("../../../fixtures/peer-vectors/phe/", import.meta.url);

export type Row = Record<string, string>;

/**
 * Rows of a PHE peer vector. The '#' provenance line, the BOM some exports carry and the all-empty
 * padding rows of the xlsx conversion are skipped; header names are trimmed (one has a stray newline).
 */
export function loadPheVector(file: string): Row[] {
  const text = readFileSync(new URL(file, PHE_DIR), "utf8");
  return parse(text, {
    columns: (header: string[]) => header.map((name) => name.trim()),
    comment: "#",
    comment_no_infix: true,
    relax_column_count: true,
    bom: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
  }) as Row[];
}

/** A peer value as a number; PHE's NA (an empty cell) becomes NaN, our NA. */
export function num(row: Row, column: string): number {
  const cell = row[column];
  if (cell === undefined) throw new Error(`no column ${column} in ${JSON.stringify(row)}`);
  return cell.trim() === "" ? Number.NaN : Number(cell);
}

/** Largest relative error seen per check, so a run can report how close the match is. */
export const maxRelativeError = new Map<string, number>();

function record(check: string, relative: number): void {
  maxRelativeError.set(check, Math.max(maxRelativeError.get(check) ?? 0, relative));
}

/** actual within rel (relative) of expected; NaN (NA) must match NaN. */
export function expectClose(actual: number, expected: number, where: string, rel = 1e-9): void {
  if (Number.isNaN(expected)) {
    expect(actual, `${where}: expected NA (NaN)`).toBeNaN();
    return;
  }
  const error = expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
  record(where.split(" ")[0] ?? where, error);
  expect(error, `${where}: got ${actual}, expected ${expected}, relative error ${error}`).toBeLessThanOrEqual(rel);
}

/** Half a unit in the last digit the peer printed: the most its rounding can move a value. */
export function halfUnitInLastPlace(printed: string): number {
  const [mantissa = "", exponent = "0"] = printed.trim().toLowerCase().split("e");
  const decimals = mantissa.includes(".") ? (mantissa.split(".")[1] ?? "").length : 0;
  return 0.5 * 10 ** (Number(exponent) - decimals);
}

/**
 * actual within the rounding of a value the peer printed to fewer digits than a double holds,
 * plus `extra` for uncertainty propagated from other rounded inputs. 1e-12 relative of slack covers
 * the binary representation of the printed decimal.
 */
export function expectWithinRounding(actual: number, printed: string, where: string, extra = 0): void {
  const expected = Number(printed);
  const tolerance = halfUnitInLastPlace(printed) + extra + 1e-12 * Math.abs(expected);
  const error = Math.abs(actual - expected);
  record(where.split(" ")[0] ?? where, expected === 0 ? error : error / Math.abs(expected));
  expect(error, `${where}: got ${actual}, expected ${printed} (tolerance ${tolerance})`).toBeLessThanOrEqual(tolerance);
}

/** With STATS_REPORT=1 set, print the largest errors seen in this file when it finishes. */
export function reportMaxErrorsAfterAll(): void {
  afterAll(() => {
    if (process.env["STATS_REPORT"]) console.log(Object.fromEntries(maxRelativeError));
  });
}
