import { describe, expect, it } from "vitest";
import { categoriseMean, weightedMeans } from "../../src/engine/aggregate/mean-score.js";
import { Framework } from "../../src/engine/framework/schema.js";

/** One organisation's weighted mean of the bands given (NaN: unscored), each with its indicator's weight. */
function weightedMean(items: { band: number; weight: number }[], minIndicators = 1): number {
  const framework = Framework.parse({
    id: "f",
    title: "F",
    minIndicators,
    indicators: items.map(({ weight }, j) => ({ id: `i${j}`, label: "I", polarity: "higher", weight, scoring: { method: "rank-score" } })),
  });
  const means = new Float64Array(1);
  weightedMeans(framework, items.map(({ band }) => Float64Array.of(band)), means);
  return means[0]!;
}

describe("weightedMeans", () => {
  it.each([
    [[{ band: 1, weight: 1 }, { band: 2, weight: 1 }], 1.5],
    [[{ band: 1, weight: 3 }, { band: 4, weight: 1 }], 1.75],
    [[{ band: 4, weight: 0.5 }], 4],
    [[{ band: 2, weight: 0.1 }, { band: 3, weight: 0.1 }], 2.5],
  ])("%j -> %s", (items, mean) => {
    expect(weightedMean(items)).toBeCloseTo(mean, 12);
  });

  it("leaves out the unscored, and gives NaN when fewer than the minimum are scored", () => {
    const items = [{ band: 1, weight: 1 }, { band: Number.NaN, weight: 5 }, { band: 4, weight: 1 }];
    expect(weightedMean(items, 2)).toBe(2.5);
    expect(weightedMean(items, 3)).toBeNaN();
  });
});

describe("categoriseMean", () => {
  const cuts = [1.5, 2.5, 3.5];
  it.each([
    [1, 0, null],
    [1.5, 0, null],
    [1.5000001, 1, 0.0000001],
    [2.5, 1, 1],
    [2.75, 2, 0.25],
    [3.5, 2, 1],
    [3.6, 3, 0.1],
    [4, 3, 0.5],
  ])("mean %s -> category %s, %s above the next cut up", (mean, index, toNext) => {
    const c = categoriseMean(mean, cuts);
    expect(c.categoryIndex).toBe(index);
    if (toNext === null) expect(c.toNextCategory).toBeNull();
    else expect(c.toNextCategory).toBeCloseTo(toNext, 9);
  });

  it("a mean on a cut only by floating-point noise still takes the better category", () => {
    const mean = weightedMean([
      { band: 2, weight: 0.1 },
      { band: 2, weight: 0.2 },
      { band: 3, weight: 0.2 },
      { band: 3, weight: 0.1 },
    ]);
    expect(mean).not.toBe(2.5);
    expect(categoriseMean(mean, cuts).categoryIndex).toBe(1);
  });

  it("says which cut decided", () => {
    expect(categoriseMean(1, cuts).decidedBy).toBe("mean 1 <= 1.5");
    expect(categoriseMean(2, cuts).decidedBy).toBe("1.5 < mean 2 <= 2.5");
    expect(categoriseMean(4, cuts).decidedBy).toBe("mean 4 > 3.5");
  });
});
