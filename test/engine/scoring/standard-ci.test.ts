import { describe, expect, it } from "vitest";
import { Indicator } from "../../../src/engine/framework/schema.js";
import { bandAgainstStandard, scoreAgainstStandard } from "../../../src/engine/scoring/standard-ci.js";
import { byars } from "../../../src/engine/stats/byar.js";
import { poissonExact } from "../../../src/engine/stats/poisson-exact.js";
import { wilson } from "../../../src/engine/stats/wilson.js";
import { item } from "./helpers.js";

describe("bandAgainstStandard", () => {
  it.each([
    // value, [lower, upper], standard, higher is better -> band
    [60, [55, 65], 50, true, 1],
    [55, [50, 60], 50, true, 2], // the interval touches the standard: not significantly better
    [50, [45, 55], 50, true, 2], // on the standard: meets it
    [48, [45, 51], 50, true, 3],
    [48, [45, 50], 50, true, 3], // the interval reaches the standard: not significantly worse
    [44, [40, 49.9], 50, true, 4],
    [5, [4, 5.9], 6, false, 1],
    [6, [5, 7], 6, false, 2],
    [7, [6, 8], 6, false, 3],
    [8, [6.1, 9], 6, false, 4],
  ] as const)("%s in [%j] against %s (higher %s) -> band %s", (value, [lower, upper], standard, higher, band) => {
    expect(bandAgainstStandard(value, { lower, upper }, standard, higher)).toBe(band);
  });
});

describe("scoreAgainstStandard", () => {
  const proportion = Indicator.parse({
    id: "p",
    label: "P",
    polarity: "higher",
    unit: "%",
    standard: 50,
    scoring: { method: "standard-ci", statistic: "proportion", confidence: 0.95 },
  });

  it("gives the Wilson interval in percent and bands it against the standard", () => {
    const [o] = scoreAgainstStandard(proportion, proportion.scoring as never, [item(60, [600, 1000])]);
    const ci = wilson(600, 1000, 0.95);
    expect(o).toEqual({
      kind: "scored",
      band: 1,
      score: 1,
      decidedBy: "95% CI 56.9-63 significantly better than 50",
      nextBandAt: null,
      ciLower: ci.lower * 100,
      ciUpper: ci.upper * 100,
    });
  });

  it("does not condemn a small count: 5 of 12 is below 50% but not significantly", () => {
    const [o] = scoreAgainstStandard(proportion, proportion.scoring as never, [item((5 * 100) / 12, [5, 12])]);
    expect(o).toMatchObject({ kind: "scored", band: 3 });
  });

  it("leaves a value without counts unscored and says why", () => {
    expect(scoreAgainstStandard(proportion, proportion.scoring as never, [item(55), item(null)])).toEqual([
      { kind: "unscored", reason: "standard-ci needs a numerator and denominator, not only a value" },
      { kind: "unscored", reason: "no value" },
    ]);
  });

  const rate = Indicator.parse({
    id: "r",
    label: "R",
    polarity: "lower",
    unit: "per 1000",
    standard: 5,
    scoring: { method: "standard-ci", statistic: "rate", confidence: 0.998 },
  });

  it.each([
    ["exact Poisson under 10 events", 4, 2000, poissonExact(4, 0.998)],
    ["Byar's from 10 events", 40, 4000, byars(40, 0.998)],
  ])("uses %s, scaled to the unit", (_name, events, births, counts) => {
    const [o] = scoreAgainstStandard(rate, rate.scoring as never, [item((events * 1000) / births, [events, births])]);
    expect(o).toMatchObject({ ciLower: (counts.lower * 1000) / births, ciUpper: (counts.upper * 1000) / births });
  });
});
