import { describe, expect, it } from "vitest";
import { compare } from "../../src/engine/compare/compare.js";
import { DEFAULT_CATEGORIES } from "../../src/engine/framework/categories.js";
import { countsLine, renderComparison } from "../../src/io/output/comparison.js";

const [TOP, WELL] = DEFAULT_CATEGORIES;
const side = (rows: [string, string, number][]) => ({
  frameworkId: "fw",
  categories: [...DEFAULT_CATEGORIES],
  period: null,
  rows: rows.map(([code, category, score]) => ({ code, name: `${code}, name`, period: null, category, score })),
});
const outcome = compare(side([["A", TOP, 1], ["B", WELL, 2.25]]), side([["A", WELL, 2], ["B", WELL, 2.25]]), { map: new Map(), allowDifferentFrameworks: false });
if (!outcome.ok) throw new Error("should compare");
const labels = { old: "2016", new: "2017" };

describe("renderComparison", () => {
  it("writes CSV with fixed 3-decimal scores", () => {
    expect(renderComparison(outcome.comparison, labels, "csv")).toBe(
      [
        "org_code,org_name,successor_code,old_category,new_category,change,old_score,new_score,score_change",
        `A,"A, name",,Top performing,Performing well,down 1,1.000,2.000,1.000`,
        `B,"B, name",,Performing well,Performing well,same,2.250,2.250,0.000`,
        "",
      ].join("\n"),
    );
  });

  it("writes JSON with the counts, the matrix and the rows", () => {
    const doc = JSON.parse(renderComparison(outcome.comparison, labels, "json"));
    expect(doc).toMatchObject({ old: "2016", new: "2017", counts: { up: 0, down: 1, same: 1, net: -1 }, matrix: { rows: [TOP, WELL, "Needs improvement", "Greatest need for improvement", "Not rated", "new"] } });
    expect(doc.organisations[0]).toEqual({
      org_code: "A",
      org_name: "A, name",
      successor_code: null,
      old_category: TOP,
      new_category: WELL,
      change: "down 1",
      steps: -1,
      old_score: 1,
      new_score: 2,
      score_change: 1,
    });
  });

  it("writes Markdown: counts, matrix, and only the organisations that changed", () => {
    const md = renderComparison(outcome.comparison, labels, "md");
    expect(md).toContain("## Ratings 2016 -> 2017\n\nUp 0, down 1 (net -1); same 1; merged 0; new 0; gone 0.\n");
    expect(md).toContain(`| old \\ new | ${TOP} | ${WELL} |`);
    expect(md).toContain(`| ${TOP} | 0 | 1 | 0 | 0 | 0 | 0 |`);
    expect(md).toContain("### Organisations that changed (1)");
    expect(md).toContain("| A | A, name |  | Top performing | Performing well | down 1 | 1.000 | 2.000 | 1.000 |");
    expect(md).not.toContain("| B |");
  });

  it.each([
    { counts: { up: 3, down: 1, same: 2, merged: 0, new: 0, gone: 0, net: 2 }, expected: "up 3, down 1 (net +2); same 2; merged 0; new 0; gone 0" },
    { counts: { up: 0, down: 0, same: 0, merged: 0, new: 1, gone: 1, net: 0 }, expected: "up 0, down 0 (net 0); same 0; merged 0; new 1; gone 1" },
  ])("counts line $expected", ({ counts, expected }) => {
    expect(countsLine(counts)).toBe(expected);
  });
});
