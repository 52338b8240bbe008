import { describe, expect, it } from "vitest";
import type { Observation } from "../../src/engine/dataset/schema.js";
import { Framework } from "../../src/engine/framework/schema.js";
import { rate, ratePeriodColumns, type IndicatorResult, type RatedOrg } from "../../src/engine/rate.js";

const framework = Framework.parse({
  id: "t",
  title: "T",
  indicators: [
    { id: "p", label: "P", polarity: "higher", unit: "%", scoring: { method: "thresholds", cuts: [75, 50, 25] } },
    { id: "c", label: "C", polarity: "higher", scoring: { method: "categorical", bands: { Met: 1, "Partly met": 3 } } },
  ],
  minIndicators: 1,
});

const none = { id: "p", value: null, text: null, numerator: null, denominator: null, band: null, score: null, decidedBy: null, nextBandAt: null, ciLower: null, ciUpper: null, z: null };

describe("each organisation's indicator results", () => {
  it.each<[string, Observation | undefined, Partial<IndicatorResult>]>([
    ["a value", { value: 60 }, { value: 60, band: 2, score: 2, decidedBy: ">= 50", nextBandAt: 75, unscored: null }],
    ["a value of -0", { value: -0 }, { value: -0, band: 4, score: 4, decidedBy: "< 25", nextBandAt: 25, unscored: null }],
    ["counts", { value: null, numerator: 3, denominator: 4 }, { value: 75, numerator: 3, denominator: 4, band: 1, score: 1, decidedBy: ">= 75", unscored: null }],
    ["an empty cell", { value: null, missing: "empty" }, { unscored: "no value" }],
    ["a suppressed cell", { value: null, missing: "suppressed" }, { unscored: "suppressed" }],
    ["no observation", undefined, { unscored: "no value" }],
  ])("are made alike for %s", (_, observation, expected) => {
    const outcome = rate(framework, { hasPeriods: false, records: [{ code: "A", name: "", period: null, observations: { ...(observation && { p: observation }), c: { value: null, text: "Met" } } }] });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.diagnostics));
    const [p, c] = outcome.rating.organisations[0]!.indicators;
    expect(p).toEqual({ ...none, ...expected });
    expect(Object.is(p!.value, expected.value ?? null)).toBe(true);
    expect(c).toEqual({ ...none, id: "c", text: "Met", band: 1, score: 1, decidedBy: '"Met"', unscored: null });
  });

  it("hands each rated row to `each` as it is made, in code order, keeping what it returns", () => {
    const records = ["C", "A", "B"].map((code, i) => ({ code, name: "", period: "2020", origin: { line: i + 2 } }));
    const values = [10, 90, 50];
    const input = { period: "2020", records, column: (j: number) => values.map((v) => (j === 0 ? { value: v } : { value: null, text: "Met" })) };
    const seen: RatedOrg[] = [];
    const rated = ratePeriodColumns(framework, input, (org) => (seen.push(org), org.code));
    const whole = ratePeriodColumns(framework, input);
    expect(rated.organisations).toEqual(["A", "B", "C"]);
    expect(seen).toEqual(whole.organisations);
    expect(seen.map((o) => o.indicators[0]!.value)).toEqual([90, 50, 10]);
    expect({ ...rated, organisations: [] }).toEqual({ ...whole, organisations: [] });
  });
});
