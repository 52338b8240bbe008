import { describe, expect, it } from "vitest";
import { aggregatePeriod } from "../../../src/engine/aggregate/aggregate.js";
import { Framework } from "../../../src/engine/framework/schema.js";

const framework = (aggregation: unknown, minIndicators = 1) =>
  Framework.parse({
    id: "f",
    title: "F",
    minIndicators,
    indicators: [{ id: "a", label: "A", polarity: "higher", scoring: { method: "rank-score" } }],
    aggregation,
  });
const orgs = (scores: (number | null)[]) =>
  scores.map((mean) => ({ bands: new Map([["a", null]]), mean }));

describe("aggregatePeriod", () => {
  it("mean-score with quantiles cuts at the type-7 percentiles of the period's means", () => {
    // means 1..5 (and one not rated): quartiles 2, 3, 4
    const out = aggregatePeriod(framework({ method: "mean-score", quantiles: [25, 50, 75] }), orgs([1, 2, 3, 4, 5, null]));
    expect(out.map((o) => o.categoryIndex)).toEqual([0, 0, 1, 2, 3, null]);
    expect(out[1]).toEqual({ score: 2, categoryIndex: 0, decidedBy: "mean 2 <= 2", toNextCategory: null });
    expect(out[4]!.decidedBy).toBe("mean 5 > 4");
    expect(out[5]).toEqual({ score: null, categoryIndex: null, decidedBy: "fewer than 1 scored", toNextCategory: null });
  });

  it("mean-score with fixed cuts does not look at the other organisations", () => {
    const out = aggregatePeriod(framework({ method: "mean-score", cuts: [1.5, 2.5, 3.5] }), orgs([1, 1, 1, 4]));
    expect(out.map((o) => o.categoryIndex)).toEqual([0, 0, 0, 3]);
  });
});
