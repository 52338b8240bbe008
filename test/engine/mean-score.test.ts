import { describe, expect, it } from "vitest";
import { categoriseMean, weightedMean } from "../../src/engine/aggregate/mean-score.js";

describe("weightedMean", () => {
  it.each([
    [[{ band: 1, weight: 1 }, { band: 2, weight: 1 }], 1.5],
    [[{ band: 1, weight: 3 }, { band: 4, weight: 1 }], 1.75],
    [[{ band: 4, weight: 0.5 }], 4],
    [[{ band: 2, weight: 0.1 }, { band: 3, weight: 0.1 }], 2.5],
  ])("%j -> %s", (items, mean) => {
    expect(weightedMean(items)).toBeCloseTo(mean, 12);
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
