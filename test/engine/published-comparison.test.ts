import { describe, expect, it } from "vitest";
import type { Observation } from "../../src/engine/dataset/schema.js";
import { explain } from "../../src/engine/explain/explanation.js";
import { Framework } from "../../src/engine/framework/schema.js";
import { rate } from "../../src/engine/rate.js";
import { needsCounts } from "../../src/engine/scoring/needs-counts.js";
import { dataset, record, twoIndicators } from "../helpers/framework.js";

describe("needsCounts", () => {
  it.each([
    ["thresholds", false],
    ["quantiles", false],
    ["rank-score", false],
    ["categorical", false],
    ["standard-ci", true],
    ["z-score", true],
  ] as const)("%s: %s", (method, expected) => {
    expect(needsCounts(method)).toBe(expected);
  });
});

/** A record whose iapt observation carries the publisher's comparison. */
function compared(code: string, iapt: Observation, eip: number | null) {
  const r = record(code, null, null, eip);
  return { ...r, observations: { ...r.observations, iapt } };
}

describe("the publisher's own comparison, from observation to explanation", () => {
  const standardCi = Framework.parse({
    id: "s",
    title: "S",
    indicators: [{ id: "iapt", label: "IAPT", polarity: "higher", standard: 50, scoring: { method: "standard-ci", statistic: "proportion", confidence: 0.95 } }],
  });

  it.each([
    ["scored by thresholds", twoIndicators, { value: 47, comparison: "Worse" }, 3],
    ["unscored: no value", twoIndicators, { value: null, missing: "empty" as const, comparison: "Not compared" }, null],
    // Wilson 95% for 60 of 100 is 50.2% to 69.1%, wholly above the standard of 50%: band 1.
    ["scored by its interval from counts", standardCi, { value: null, numerator: 60, denominator: 100, comparison: "Better" }, 1],
  ])("is kept beside our band when %s", (_, framework, obs, band) => {
    const outcome = rate(framework, dataset([compared("A", obs, 55), record("B", null, 52, 61)]));
    if (!outcome.ok) throw new Error("should rate");
    const [a, b] = outcome.rating.organisations;
    expect([a!.indicators[0]!.comparison, a!.indicators[0]!.band]).toEqual([obs.comparison, band]);
    // An organisation without one has none, and its JSON no key for it.
    expect(b!.indicators[0]!.comparison).toBeUndefined();
    expect(JSON.stringify(b!.indicators[0])).not.toContain("comparison");

    const explained = explain(outcome.rating, "A", null);
    if (!explained.ok) throw new Error("should explain");
    expect(explained.explanations[0]!.indicators[0]!.comparison).toBe(obs.comparison);
  });
});
