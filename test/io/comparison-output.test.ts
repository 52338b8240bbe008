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

  it("adds the ranks and places climbed where both tables rank, in every format", () => {
    const ranked = (rows: [string, string, number, number][]) => {
      const t = side(rows.map(([code, category, score]) => [code, category, score]));
      return { ...t, rows: t.rows.map((r, i) => ({ ...r, rank: rows[i]![3] })) };
    };
    const league = compare(ranked([["A", TOP, 1, 1], ["B", WELL, 2.25, 2]]), ranked([["A", WELL, 2, 2], ["B", WELL, 2.25, 1]]), { map: new Map(), allowDifferentFrameworks: false });
    if (!league.ok) throw new Error("should compare");
    expect(renderComparison(league.comparison, labels, "csv").split("\n").slice(0, 3)).toEqual([
      "org_code,org_name,successor_code,old_category,new_category,change,old_score,new_score,score_change,old_rank,new_rank,rank_change",
      `A,"A, name",,Top performing,Performing well,down 1,1.000,2.000,1.000,1,2,-1`,
      `B,"B, name",,Performing well,Performing well,same,2.250,2.250,0.000,2,1,+1`,
    ]);
    expect(JSON.parse(renderComparison(league.comparison, labels, "json")).organisations[1]).toMatchObject({ old_rank: 2, new_rank: 1, rank_change: 1 });
    expect(renderComparison(league.comparison, labels, "md")).toContain("| A | A, name |  | Top performing | Performing well | down 1 | 1.000 | 2.000 | 1.000 | 1 | 2 | -1 |");
  });

  it("has no rank keys in JSON when the tables do not rank", () => {
    expect(Object.keys(JSON.parse(renderComparison(outcome.comparison, labels, "json")).organisations[0])).not.toContain("old_rank");
  });

  it.each([
    { counts: { up: 3, down: 1, same: 2, merged: 0, new: 0, gone: 0, net: 2 }, expected: "up 3, down 1 (net +2); same 2; merged 0; new 0; gone 0" },
    { counts: { up: 0, down: 0, same: 0, merged: 0, new: 1, gone: 1, net: 0 }, expected: "up 0, down 0 (net 0); same 0; merged 0; new 1; gone 1" },
  ])("counts line $expected", ({ counts, expected }) => {
    expect(countsLine(counts)).toBe(expected);
  });
});
