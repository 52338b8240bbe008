import { describe, expect, it } from "vitest";
import type { Observation } from "../../../src/engine/dataset/schema.js";
import { Framework, type FrameworkInput } from "../../../src/engine/framework/schema.js";
import { scoreIndicator } from "../../../src/engine/scoring/score-indicator.js";
import { scoreDraw } from "../../../src/engine/uncertainty/draw-scoring.js";
import { indicatorSamplers, SAMPLER } from "../../../src/engine/uncertainty/observation-sampler.js";

const observations: (Observation | undefined)[] = [
  { value: null, numerator: 30, denominator: 50 },
  { value: null, numerator: 12, denominator: 40 },
  { value: null, numerator: 90, denominator: 200 },
  undefined,
  { value: null, numerator: 5, denominator: 9 },
  { value: null, numerator: 400, denominator: 700 },
  { value: null, missing: "suppressed" },
];

function indicator(scoring: FrameworkInput["indicators"][number]["scoring"], unit = "%") {
  return Framework.parse({ id: "t", title: "T", indicators: [{ id: "a", label: "A", polarity: "lower", unit, standard: 50, scoring }] }).indicators[0]!;
}

describe("scoreDraw", () => {
  // A draw that lands on the observed values must band as the rating does, for every method.
  it.each([
    ["thresholds", indicator({ method: "thresholds", cuts: [40, 50, 60] })],
    ["quantiles", indicator({ method: "quantiles", percentiles: [20, 50, 80] })],
    ["rank-score", indicator({ method: "rank-score" })],
    ["standard-ci proportion", indicator({ method: "standard-ci", statistic: "proportion", confidence: 0.95 })],
    ["standard-ci rate", indicator({ method: "standard-ci", statistic: "rate", confidence: 0.998 }, "per 1000")],
    ["z-score", indicator({ method: "z-score", statistic: "proportion", overdispersion: "multiplicative", trim: 0.1, cuts: [1, 0, -1] })],
  ])("%s: the observed values give the rating's bands and scores", (_, ind) => {
    const outcomes = scoreIndicator(ind, null, observations, []).outcomes;
    const s = indicatorSamplers(ind, observations, outcomes);
    const values = Float64Array.from(observations, (o) => (o?.numerator === undefined ? Number.NaN : (o.numerator * s.multiplier) / o.denominator!));
    const numerators = Float64Array.from(observations, (o) => o?.numerator ?? Number.NaN);
    const band = new Float64Array(observations.length);
    const score = new Float64Array(observations.length);
    scoreDraw(ind, s, values, numerators, band, score);
    outcomes.forEach((o, i) => {
      expect(Number.isNaN(score[i]!) ? null : score[i]).toBe(o.kind === "scored" ? o.score : null);
      expect(Number.isNaN(band[i]!) ? null : band[i]).toBe(o.kind === "scored" ? o.band : null);
    });
  });
});

describe("indicatorSamplers", () => {
  it.each([
    ["a share is a proportion, with its Jeffreys shapes", "%", { value: null, numerator: 3, denominator: 10 }, SAMPLER.proportion, 3.5, 7.5],
    ["a count over a denominator (a unit that is not a share) is Poisson, Gamma(r + 1/2)", "ratio", { value: null, numerator: 3, denominator: 10 }, SAMPLER.count, 3.5, 0],
    ["a value with a standard error is Normal", "%", { value: 40, se: 2 }, SAMPLER.normal, 40, 2],
    ["a value with a 95% interval: se = width / 2z", "%", { value: 40, ciLower: 40 - 1.959963984540054 * 3, ciUpper: 40 + 1.959963984540054 * 3 }, SAMPLER.normal, 40, 3],
    ["a bare value is held fixed", "%", { value: 40 }, SAMPLER.fixed, 40, 0],
    ["no value stays unscored", "%", { value: null }, SAMPLER.unscored, 0, 0],
  ] as const)("%s", (_, unit, obs, kind, a, b) => {
    const ind = indicator({ method: "thresholds", cuts: [40, 50, 60] }, unit);
    const s = indicatorSamplers(ind, [obs], scoreIndicator(ind, null, [obs], []).outcomes);
    expect([s.kind[0], s.a[0], s.b[0]!]).toEqual([kind, a, expect.closeTo(b, 12)]);
    expect(s.heldFixed).toBe(kind === SAMPLER.fixed ? 1 : 0);
  });
});
