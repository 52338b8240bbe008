import { describe, expect, it } from "vitest";
import { compare, type ComparisonRow } from "../../../src/engine/compare/compare.js";
import type { GradedRows } from "../../../src/engine/compare/graded-rows.js";
import { DEFAULT_CATEGORIES, NOT_RATED } from "../../../src/engine/framework/categories.js";

const [TOP, WELL, NEEDS, GREATEST] = DEFAULT_CATEGORIES;

function table(rows: [string, string, number | null][], frameworkId: string | null = "fw"): GradedRows {
  return {
    frameworkId,
    categories: [...DEFAULT_CATEGORIES],
    period: null,
    rows: rows.map(([code, category, score]) => ({ code, name: `${code} name`, period: null, category, score })),
  };
}

const options = (map: [string, string][] = []) => ({ map: new Map(map), allowDifferentFrameworks: false });

function rowsOf(older: GradedRows, newer: GradedRows, map: [string, string][] = []): ComparisonRow[] {
  const outcome = compare(older, newer, options(map));
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join("; "));
  return outcome.comparison.rows;
}

describe("compare: one organisation", () => {
  it.each([
    { old: TOP, now: GREATEST, change: "down 3", steps: -3 },
    { old: GREATEST, now: WELL, change: "up 2", steps: 2 },
    { old: NEEDS, now: NEEDS, change: "same", steps: 0 },
    { old: NOT_RATED, now: NOT_RATED, change: "same", steps: null },
    { old: NOT_RATED, now: TOP, change: "now rated", steps: null },
    { old: WELL, now: NOT_RATED, change: "now not rated", steps: null },
  ])("$old -> $now is $change", ({ old, now, change, steps }) => {
    const [row] = rowsOf(table([["A", old, 2]]), table([["A", now, 3.5]]));
    expect(row).toMatchObject({ code: "A", successorCode: null, oldCategory: old, newCategory: now, change, steps, oldScore: 2, newScore: 3.5, scoreChange: 1.5 });
  });
});

describe("compare: organisations that merge, appear or disappear", () => {
  it("gives one merged row per predecessor (many to one)", () => {
    const rows = rowsOf(table([["A", TOP, 1], ["B", GREATEST, 4]]), table([["M", WELL, 2]]), [["A", "M"], ["B", "M"]]);
    expect(rows.map((r) => [r.code, r.successorCode, r.change, r.steps])).toEqual([
      ["A", "M", "merged", -1],
      ["B", "M", "merged", 2],
    ]);
  });

  it("follows a chain of successors", () => {
    const rows = rowsOf(table([["A", NEEDS, 3]]), table([["C", NEEDS, 3]]), [["A", "B"], ["B", "C"]]);
    expect(rows).toEqual([expect.objectContaining({ code: "A", successorCode: "C", change: "merged", steps: 0 })]);
  });

  it("marks organisations in only one table new or gone, and keeps code order", () => {
    const rows = rowsOf(table([["B", TOP, 1], ["Z", WELL, 2]]), table([["A", NEEDS, 3], ["B", TOP, 1]]));
    expect(rows.map((r) => [r.code, r.change, r.oldCategory, r.newCategory])).toEqual([
      ["A", "new", null, NEEDS],
      ["B", "same", TOP, TOP],
      ["Z", "gone", WELL, null],
    ]);
  });

  it("counts every row once in the matrix, merged predecessors included", () => {
    const outcome = compare(
      table([["A", TOP, 1], ["B", GREATEST, 4], ["C", WELL, 2], ["G", NEEDS, 3], ["N", NOT_RATED, null]]),
      table([["C", TOP, 1], ["M", WELL, 2], ["Q", GREATEST, 4], ["N", NEEDS, 3]]),
      options([["A", "M"], ["B", "M"]]),
    );
    if (!outcome.ok) throw new Error("should compare");
    const { matrix, counts } = outcome.comparison;
    expect(matrix.rows).toEqual([TOP, WELL, NEEDS, GREATEST, NOT_RATED, "new"]);
    expect(matrix.columns).toEqual([TOP, WELL, NEEDS, GREATEST, NOT_RATED, "gone"]);
    expect(matrix.counts).toEqual([
      [0, 1, 0, 0, 0, 0],
      [1, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 1],
      [0, 1, 0, 0, 0, 0],
      [0, 0, 1, 0, 0, 0],
      [0, 0, 0, 1, 0, 0],
    ]);
    expect(counts).toEqual({ up: 2, down: 1, same: 0, merged: 2, new: 1, gone: 1, net: 1 });
  });
});

describe("compare: refusals", () => {
  it.each([
    { name: "different framework ids", older: table([["A", TOP, 1]], "a"), newer: table([["A", TOP, 1]], "b"), code: "E_FRAMEWORK_MISMATCH" },
    {
      name: "different categories",
      older: { ...table([["A", "Good", 1]], null), categories: ["Good", "Bad"] },
      newer: table([["A", TOP, 1]], null),
      code: "E_FRAMEWORK_MISMATCH",
    },
  ])("refuses $name unless allowed", ({ older, newer, code }) => {
    const refused = compare(older, newer, options());
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.diagnostics.map((d) => d.code)).toEqual([code]);
  });

  it("with --allow-different-frameworks matches categories by name in the newer order", () => {
    const older = { ...table([["A", NEEDS, 3]], "a"), categories: [NEEDS, TOP] };
    const allowed = compare(older, table([["A", TOP, 1]], "b"), { map: new Map(), allowDifferentFrameworks: true });
    expect(allowed.ok && allowed.comparison.rows[0]!.change).toBe("up 2");
  });

  it("names a category the framework does not have", () => {
    const older = { ...table([["A", "Outstanding", 1]], "a"), categories: ["Outstanding", TOP] };
    const outcome = compare(older, table([["A", TOP, 1]], "b"), { map: new Map(), allowDifferentFrameworks: true });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.diagnostics[0]).toMatchObject({ code: "E_UNKNOWN_CATEGORY", message: expect.stringContaining('"Outstanding" of A') });
  });
});

describe("compare: league-table ranks", () => {
  const ranked = (rows: [string, string, number | null][]): GradedRows => {
    const t = table(rows.map(([code, category]) => [code, category, null]));
    return { ...t, rows: t.rows.map((r, i) => ({ ...r, rank: rows[i]![2] })) };
  };

  it.each([
    { name: "a climb is positive", old: 12, now: 3, change: 9 },
    { name: "a fall is negative", old: 3, now: 40, change: -37 },
    { name: "a held place is zero", old: 7, now: 7, change: 0 },
    { name: "no change without an old rank", old: null, now: 7, change: null },
  ])("$name", ({ old, now, change }) => {
    const outcome = compare(ranked([["A", TOP, old], ["B", TOP, 1]]), ranked([["A", TOP, now], ["B", TOP, 1]]), options());
    if (!outcome.ok) throw new Error("compare failed");
    expect(outcome.comparison.ranked).toBe(true);
    expect(outcome.comparison.rows[0]).toMatchObject({ oldRank: old, newRank: now, rankChange: change });
  });

  it("is not ranked unless both tables rank", () => {
    const outcome = compare(table([["A", TOP, 1]]), ranked([["A", TOP, 1]]), options());
    if (!outcome.ok) throw new Error("compare failed");
    expect(outcome.comparison.ranked).toBe(false);
    expect(outcome.comparison.rows[0]).toMatchObject({ oldRank: null, newRank: 1, rankChange: null });
  });

  it("compares a merged predecessor's rank with its successor's", () => {
    const outcome = compare(ranked([["A", TOP, 5], ["B", WELL, 9]]), ranked([["M", TOP, 2]]), options([["A", "M"], ["B", "M"]]));
    if (!outcome.ok) throw new Error("compare failed");
    expect(outcome.comparison.rows.map((r) => [r.code, r.rankChange])).toEqual([
      ["A", 3],
      ["B", 7],
    ]);
  });
});
