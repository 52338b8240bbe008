import { describe, expect, it } from "vitest";
import { compare, gradedRowsOf, rate } from "../../../src/index.js";
import { dataset, record, twoIndicators } from "../../helpers/framework.js";

describe("gradedRowsOf", () => {
  const outcome = rate(twoIndicators, dataset([record("A", "2016", 56, 61), record("A", "2017", 46, 45), record("B", "2017", 50, 50)]));
  if (!outcome.ok) throw new Error("should rate");
  const { rating } = outcome;

  it.each([
    { period: "2016", expected: [["A", "Top performing", 1]] },
    { period: "2017", expected: [["A", "Needs improvement", 3], ["B", "Performing well", 2]] },
    { period: "2018", expected: [] },
  ])("takes period $period of a rating", ({ period, expected }) => {
    const rows = gradedRowsOf(rating, period);
    expect(rows).toMatchObject({ frameworkId: "test", categories: twoIndicators.categories, period });
    expect(rows.rows.map((r) => [r.code, r.category, r.score])).toEqual(expected);
  });

  it("feeds compare from the library entry point", () => {
    const compared = compare(gradedRowsOf(rating, "2016"), gradedRowsOf(rating, "2017"), { map: new Map(), allowDifferentFrameworks: false });
    expect(compared.ok && compared.comparison.rows.map((r) => [r.code, r.change])).toEqual([
      ["A", "down 2"],
      ["B", "new"],
    ]);
  });
});
