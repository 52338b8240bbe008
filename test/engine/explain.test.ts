import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain/explanation.js";
import { Framework } from "../../src/engine/framework/schema.js";
import { rate, type Rating } from "../../src/engine/rate.js";
import { dataset, record, twoIndicators } from "../helpers/framework.js";

function rating(): Rating {
  const outcome = rate(
    twoIndicators,
    dataset([record("00C", "2016", 47, 52), record("00C", "2017", 56, 61), record("00D", "2016", null, null), record("00J", "2016", 44, 70)]),
  );
  if (!outcome.ok) throw new Error("should rate");
  return outcome.rating;
}

describe("explain", () => {
  it("explains one period: bands, the cut that decided each, the next band up and the way to the next category", () => {
    const outcome = explain(rating(), "00C", "2016");
    if (!outcome.ok) throw new Error("should explain");
    expect(outcome.explanations).toHaveLength(1);
    const e = outcome.explanations[0]!;
    expect(e.indicators.map((i) => [i.id, i.value, i.band, i.decidedBy, i.nextBandAt, i.meanGainPerBand])).toEqual([
      ["iapt", 47, 3, ">= 45", 50, 0.25],
      ["eip", 52, 2, ">= 50", 60, 0.75],
    ]);
    // weights 1 and 3: (3 + 3 * 2) / 4 = 2.25, between the cuts 1.5 and 2.5
    expect(e).toMatchObject({ score: 2.25, category: "Performing well", decidedBy: "1.5 < mean 2.25 <= 2.5", nextCategory: "Top performing", toNextCategory: 0.75 });
  });

  it.each([
    { period: null, expected: ["2016", "2017"] },
    { period: "2017", expected: ["2017"] },
  ])("with period $period explains $expected", ({ period, expected }) => {
    const outcome = explain(rating(), "00C", period);
    expect(outcome.ok && outcome.explanations.map((e) => e.period)).toEqual(expected);
  });

  it.each([
    { code: "00Z", period: null, expected: { ok: false, problem: "unknown-org", nearest: ["00C", "00D", "00J"] } },
    { code: "00C", period: "2018", expected: { ok: false, problem: "unknown-period", periods: ["2016", "2017"] } },
  ])("refuses $code in period $period", ({ code, period, expected }) => {
    expect(explain(rating(), code, period)).toEqual(expected);
  });

  it("says when an organisation is not rated and when it is already best", () => {
    const r = rating();
    const notRated = explain(r, "00D", null);
    const best = explain(r, "00C", "2017");
    expect(notRated.ok && notRated.explanations[0]).toMatchObject({ score: null, category: "Not rated", nextCategory: null, toNextCategory: null });
    expect(best.ok && best.explanations[0]).toMatchObject({ category: "Top performing", nextCategory: null, toNextCategory: null });
  });
});

describe("explain a rules framework with an override", () => {
  const framework = Framework.parse({
    id: "rules",
    title: "Rules",
    categories: ["Good", "Fair", "Poor"],
    indicators: [
      { id: "a", label: "A", polarity: "higher", scoring: { method: "thresholds", cuts: [50, 40] } },
      { id: "b", label: "B", polarity: "higher", scoring: { method: "thresholds", cuts: [50, 40] } },
    ],
    aggregation: {
      method: "rules",
      rules: [
        { name: "any poor", if: { count: { band: 3, atLeast: 1 } }, then: "Poor" },
        { name: "all good", if: { every: { bandAtMost: 1 } }, then: "Good" },
      ],
      otherwise: "Fair",
    },
    overrides: [{ column: "breach", equals: ["yes"], capAt: "Fair" }],
  });
  const org = (code: string, a: number, b: number, breach: string) => ({
    code,
    name: code,
    period: null,
    observations: { a: { value: a }, b: { value: b } },
    attributes: { breach },
  });

  it.each([
    // code, a, b, breach -> category, rules held, cappedBy
    ["X1", 60, 60, "no", "Good", [false, true], null],
    ["X2", 60, 60, "yes", "Fair", [false, true], "capped at Fair (breach = yes)"],
    ["X3", 60, 30, "no", "Poor", [true, false], null],
    ["X4", 45, 60, "no", "Fair", [false, false], null],
  ])("%s (a %s, b %s, breach %s) is %s", (code, a, b, breach, category, held, cappedBy) => {
    const outcome = rate(framework, { hasPeriods: false, records: [org(code, a, b, breach)] });
    if (!outcome.ok) throw new Error("should rate");
    const explained = explain(outcome.rating, code, null);
    if (!explained.ok) throw new Error("should explain");
    const e = explained.explanations[0]!;
    expect(e).toMatchObject({ category, aggregation: "rules", otherwise: "Fair", cappedBy });
    expect(e.rules!.map((r) => [r.name, r.then, r.held])).toEqual([
      ["any poor", "Poor", held[0]],
      ["all good", "Good", held[1]],
    ]);
  });
});
