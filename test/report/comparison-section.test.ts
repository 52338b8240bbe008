import { describe, expect, it } from "vitest";
import { compare, type Comparison, type ComparisonRow } from "../../src/engine/compare/compare.js";
import type { GradedRows } from "../../src/engine/compare/graded-rows.js";
import { DEFAULT_CATEGORIES, NOT_RATED } from "../../src/engine/framework/categories.js";
import { comparisonSection } from "../../src/report/comparison-section.js";

const [TOP, WELL, NEEDS, GREATEST] = DEFAULT_CATEGORIES;

function table(rows: [string, string][]): GradedRows {
  return { frameworkId: "fw", categories: [...DEFAULT_CATEGORIES], period: null, rows: rows.map(([code, category]) => ({ code, name: `${code} <name>`, period: null, category, score: null })) };
}

function comparison(older: [string, string][], newer: [string, string][], map: [string, string][] = []): Comparison {
  const outcome = compare(table(older), table(newer), { map: new Map(map), allowDifferentFrameworks: false });
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join("; "));
  return outcome.comparison;
}

/** The count in the matrix cell from an old category to a new one. */
function cell(html: string, from: string, to: string): number {
  const m = new RegExp(`data-from="${from}" data-to="${to}">(\\d+)</td>`).exec(html);
  if (!m) throw new Error(`no cell ${from} -> ${to}`);
  return Number(m[1]);
}

describe("comparisonSection", () => {
  const c = comparison(
    [["A", TOP], ["B", NEEDS], ["C", WELL], ["D", NOT_RATED], ["GONE", WELL], ["M1", GREATEST], ["M2", TOP]],
    [["A", WELL], ["B", TOP], ["C", WELL], ["D", NEEDS], ["NEW", NEEDS], ["M", WELL]],
    [["M1", "M"], ["M2", "M"]],
  );
  const html = comparisonSection(c, { old: "old.csv", new: "2017-18" });

  it.each([
    { from: TOP, to: WELL, count: 2 },
    { from: NEEDS, to: TOP, count: 1 },
    { from: WELL, to: WELL, count: 1 },
    { from: NOT_RATED, to: NEEDS, count: 1 },
    { from: WELL, to: "gone", count: 1 },
    { from: "new", to: NEEDS, count: 1 },
    { from: GREATEST, to: WELL, count: 1 },
    { from: TOP, to: TOP, count: 0 },
    { from: "new", to: "gone", count: 0 },
  ])("counts $from -> $to: $count", ({ from, to, count }) => {
    expect(cell(html, from, to)).toBe(count);
  });

  it("has the engine's rows and columns: categories, Not rated, then new / gone", () => {
    const matrix = html.slice(0, html.indexOf("</table>"));
    expect(matrix.match(/<tr><th scope="row">/g)).toHaveLength(DEFAULT_CATEGORIES.length + 2);
    expect(matrix.match(/<th scope="col" class="num">/g)).toHaveLength(DEFAULT_CATEGORIES.length + 2);
    expect(html).toContain("New (not in the earlier table)");
    expect(html).toContain("Gone (no longer present)");
  });

  it.each([
    ["up", "2"],
    ["down", "2"],
    ["net", "0"],
    ["same", "1"],
    ["merged", "2"],
    ["new", "1"],
    ["gone", "1"],
  ])("shows the count %s = %s", (key, value) => {
    expect(html).toContain(`data-count="${key}">${value}</strong>`);
  });

  it("lists the movers with the successor of a merged one, escaped, and names both sides", () => {
    const movers = [...html.matchAll(/<tr><td class="code">([^<]*)<\/td><td>([^<]*)<\/td><td class="code">([^<]*)<\/td>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(movers).toEqual([
      ["B", "B &lt;name&gt;", ""],
      ["M1", "M1 &lt;name&gt;", "M"],
      ["A", "A &lt;name&gt;", ""],
      ["M2", "M2 &lt;name&gt;", "M"],
    ]);
    expect(html).toContain("Compared with old.csv");
    expect(html).toContain("Columns: category in 2017-18.");
    expect(html).toContain("▲ up 2");
  });

  it("says so when nobody moved", () => {
    expect(comparisonSection(comparison([["A", TOP]], [["A", TOP]]), { old: "a", new: "b" })).toContain("No organisation changed category.");
  });

  it("signs a positive net change", () => {
    expect(comparisonSection(comparison([["A", WELL]], [["A", TOP]]), { old: "a", new: "b" })).toContain('data-count="net">+1</strong>');
  });
});

describe("the movers table", () => {
  const row = (code: string, steps: number | null, change = ""): ComparisonRow => ({
    code,
    name: "",
    successorCode: null,
    oldCategory: steps === null ? null : WELL!,
    newCategory: steps === null ? null : WELL!,
    change,
    steps,
    oldScore: null,
    newScore: null,
    scoreChange: null,
    oldRank: null,
    newRank: null,
    rankChange: null,
  });
  it.each([
    { name: "biggest move first", rows: [row("X", -1), row("Y", -3)], order: ["Y", "X"] },
    { name: "up before down at the same size", rows: [row("X", -1), row("Y", 1)], order: ["Y", "X"] },
    { name: "then by code", rows: [row("Z", 1), row("Y", 1)], order: ["Y", "Z"] },
    { name: "not who stayed, arrived, left or is now (not) rated", rows: [row("S", 0), row("N", null, "new"), row("R", null, "now rated"), row("U", 2)], order: ["U"] },
    { name: "a merged predecessor that moved", rows: [row("M1", -2, "merged"), row("M2", 0, "merged")], order: ["M1"] },
  ])("orders: $name", ({ rows, order }) => {
    const html = comparisonSection({ ...comparison([], []), rows }, { old: "a", new: "b" });
    expect([...html.matchAll(/<tr><td class="code">([^<]*)<\/td>/g)].map((m) => m[1])).toEqual(order);
  });
});
