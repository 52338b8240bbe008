import { describe, expect, it } from "vitest";
import { Framework } from "../../src/engine/framework/schema.js";

const indicator = (scoring: unknown, extra: Record<string, unknown> = {}) => ({ id: "a", label: "A", polarity: "higher", scoring, ...extra });
const parse = (over: Record<string, unknown>) => Framework.safeParse({ id: "x", title: "X", indicators: [indicator({ method: "rank-score" })], ...over });

describe("Framework schema: methods", () => {
  it.each([
    ["thresholds", { method: "thresholds", cuts: [3, 2, 1] }, {}],
    ["standard-ci", { method: "standard-ci", statistic: "proportion", confidence: 0.95 }, { standard: 50 }],
    ["standard-ci rate at 99.8%", { method: "standard-ci", statistic: "rate", confidence: 0.998 }, { standard: 5 }],
    ["quantiles", { method: "quantiles", percentiles: [20, 40, 60, 80] }, {}],
    ["rank-score", { method: "rank-score" }, {}],
    ["z-score", { method: "z-score", statistic: "ratio", cuts: [3, 2, -2, -3] }, {}],
    ["categorical", { method: "categorical", bands: { Yes: 1, No: 2 } }, {}],
  ])("accepts %s", (_name, scoring, extra) => {
    const result = parse({ indicators: [indicator(scoring, extra)] });
    expect(result.error?.issues).toBeUndefined();
  });

  it("fills the z-score defaults", () => {
    const result = parse({ indicators: [indicator({ method: "z-score", statistic: "proportion", cuts: [2, 0, -2] })] });
    expect(result.data?.indicators[0]!.scoring).toEqual({ method: "z-score", statistic: "proportion", overdispersion: "multiplicative", trim: 0.1, cuts: [2, 0, -2] });
  });

  it.each([
    ["an unknown method", { indicators: [indicator({ method: "guess" })] }, "indicators.0.scoring.method"],
    ["standard-ci without a standard", { indicators: [indicator({ method: "standard-ci", statistic: "proportion", confidence: 0.95 })] }, "indicators.0.scoring.method"],
    ["a confidence other than 95% or 99.8%", { indicators: [indicator({ method: "standard-ci", statistic: "rate", confidence: 0.9 }, { standard: 1 })] }, "indicators.0.scoring.confidence"],
    ["percentiles out of order", { indicators: [indicator({ method: "quantiles", percentiles: [50, 25] })] }, "indicators.0.scoring.percentiles"],
    ["a percentile of 100", { indicators: [indicator({ method: "quantiles", percentiles: [100] })] }, "indicators.0.scoring.percentiles.0"],
    ["z cuts rising", { indicators: [indicator({ method: "z-score", statistic: "proportion", cuts: [-2, 2] })] }, "indicators.0.scoring.cuts"],
    ["a trim of 0.5", { indicators: [indicator({ method: "z-score", statistic: "proportion", trim: 0.5, cuts: [0] })] }, "indicators.0.scoring.trim"],
    ["a band of 0", { indicators: [indicator({ method: "categorical", bands: { Yes: 0 } })] }, "indicators.0.scoring.bands.Yes"],
    ["mean-score with cuts and quantiles", { aggregation: { method: "mean-score", cuts: [1.5, 2.5, 3.5], quantiles: [25, 50, 75] } }, "aggregation"],
    ["too few quantiles", { aggregation: { method: "mean-score", quantiles: [50] } }, "aggregation.quantiles"],
    ["a rule to an unknown category", { aggregation: { method: "rules", rules: [{ if: { count: { band: 1, atLeast: 1 } }, then: "Best" }], otherwise: "Performing well" } }, "aggregation.rules.0.then"],
    ["a rule on an unknown indicator", { aggregation: { method: "rules", rules: [{ if: { every: { indicators: ["zz"], band: 1 } }, then: "Top performing" }], otherwise: "Performing well" } }, "aggregation.rules.0.if"],
    ["an unknown otherwise", { aggregation: { method: "rules", rules: [{ if: { not: { count: { atLeast: 1 } } }, then: "Top performing" }], otherwise: "Fine" } }, "aggregation.otherwise"],
    ["rank-score under rules", { aggregation: { method: "rules", rules: [{ if: { count: { atLeast: 1 } }, then: "Top performing" }], otherwise: "Performing well" } }, "indicators.0.scoring.method"],
    ["a cap at an unknown category", { overrides: [{ column: "deficit", equals: ["yes"], capAt: "Segment 3" }] }, "overrides.0.capAt"],
    ["an override without values", { overrides: [{ column: "deficit", equals: [], capAt: "Needs improvement" }] }, "overrides.0.equals"],
  ])("rejects %s at %s", (_name, over, path) => {
    const result = parse(over);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toContain(path);
  });
});
