import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Framework, type FrameworkInput } from "../../../src/engine/framework/schema.js";
import type { Dataset, Observation } from "../../../src/engine/dataset/schema.js";
import { rate } from "../../../src/engine/rate.js";
import { bootstrap, drawRange, periodDraws, planPeriod, type PeriodDraws } from "../../../src/engine/uncertainty/bootstrap.js";
import { categoryProbabilities, periodUncertainty, probabilityOf } from "../../../src/engine/uncertainty/category-probabilities.js";

fc.configureGlobal({ seed: 20161, numRuns: 60 });

/** One indicator, cut at 60 / 50 / 40 (% higher is better), by thresholds, mean band cut 1.5 / 2.5 / 3.5. */
function oneIndicator(scoring: FrameworkInput["indicators"][number]["scoring"] = { method: "thresholds", cuts: [60, 50, 40] }, extra: Partial<FrameworkInput> = {}): Framework {
  return Framework.parse({ id: "t", title: "T", indicators: [{ id: "a", label: "A", polarity: "higher", unit: "%", standard: 50, scoring }], ...extra });
}

function data(observations: Observation[]): Dataset {
  return { records: observations.map((obs, i) => ({ code: `X${String(i).padStart(3, "0")}`, name: "", period: null, observations: { a: obs } })), hasPeriods: false };
}

/**
 * ∫ from 0 to x of t^(a-1) (1-t)^(b-1) dt by Simpson's rule after t = u², which takes away the
 * singularity at 0 when a < 1: independent of the code under test (no Beta or Gamma function).
 */
function betaIntegral(a: number, b: number, x: number): number {
  const steps = 20000;
  const top = Math.sqrt(x);
  const f = (u: number) => (u === 0 && a === 0.5 ? 2 : 2 * Math.exp((2 * a - 1) * Math.log(u) + (b - 1) * Math.log(1 - u * u)));
  const h = top / steps;
  let sum = f(0) + f(top);
  for (let k = 1; k < steps; k++) sum += (k % 2 === 1 ? 4 : 2) * f(k * h);
  return (sum * h) / 3;
}

/** P(p >= x) for p ~ Beta(a, b), by numeric integration. */
function betaUpperTail(a: number, b: number, x: number): number {
  return 1 - betaIntegral(a, b, x) / betaIntegral(a, b, 1 - 1e-12);
}

const probabilities = (draws: PeriodDraws, K = 4) => periodUncertainty(draws, K).organisations.map((o) => o.probabilities);

describe("bootstrap: a case known exactly", () => {
  // The Jeffreys posterior of r of n is Beta(r + 1/2, n - r + 1/2); a band's probability is the mass
  // between its cuts. 400,000 draws give a standard error of at most 0.0008.
  it.each([
    [27, 50],
    [0, 10],
    [9, 20],
    [130, 250],
  ])("P(band k) for %i of %i equals the Beta mass between the cuts", (r, n) => {
    const draws = 400_000;
    const [p] = probabilities(bootstrap(oneIndicator(), data([{ value: null, numerator: r, denominator: n }]), { draws, seed: 7 })[0]!);
    const tail = (x: number) => betaUpperTail(r + 0.5, n - r + 0.5, x);
    const exact = [tail(0.6), tail(0.5) - tail(0.6), tail(0.4) - tail(0.5), 1 - tail(0.4)];
    p!.forEach((x, k) => expect(Math.abs(x - exact[k]!)).toBeLessThan(0.003));
    // To 3 decimals where the standard error allows it: the band with the most mass near a cut.
    const worst = Math.max(...p!.map((x, k) => Math.abs(x - exact[k]!) / Math.sqrt((exact[k]! * (1 - exact[k]!)) / draws + 1e-12)));
    expect(worst).toBeLessThan(4);
  });

  it("a value with a standard error is Normal: P(value >= cut) = 1 - Φ((cut - value) / se)", () => {
    const draws = 200_000;
    const [p] = probabilities(bootstrap(oneIndicator(), data([{ value: 55, se: 5 }]), { draws, seed: 3 })[0]!);
    // Φ(1) = 0.841344746, Φ(-1) = 0.158655254, Φ(-3) = 0.001349898 (Abramowitz & Stegun, table 26.1).
    expect(p![0]).toBeCloseTo(0.158655, 2);
    expect(p![1]).toBeCloseTo(0.841345 - 0.158655, 2);
    expect(p![3]).toBeCloseTo(0.00135, 2);
  });

  it("a 95% interval gives the same draws as its standard error (se = width / 3.92)", () => {
    const fromCi = bootstrap(oneIndicator(), data([{ value: 55, ciLower: 55 - 1.959963984540054 * 5, ciUpper: 55 + 1.959963984540054 * 5 }]), { draws: 2000, seed: 3 });
    const fromSe = bootstrap(oneIndicator(), data([{ value: 55, se: 5 }]), { draws: 2000, seed: 3 });
    expect(probabilities(fromCi[0]!)[0]!.map((x) => x.toFixed(3))).toEqual(probabilities(fromSe[0]!)[0]!.map((x) => x.toFixed(3)));
  });
});

describe("bootstrap: reproducible, and the same however it is shared out", () => {
  const fw = oneIndicator({ method: "quantiles", percentiles: [25, 50, 75] });
  const ds = data(Array.from({ length: 30 }, (_, i) => ({ value: null, numerator: 10 + i, denominator: 40 + (i % 7) * 3 })));
  const bytes = (d: PeriodDraws[]) => JSON.stringify(d, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Uint32Array) : v));

  it("gives the same counts for the same seed, others for another", () => {
    expect(bytes(bootstrap(fw, ds, { draws: 300, seed: 11 }))).toBe(bytes(bootstrap(fw, ds, { draws: 300, seed: 11 })));
    expect(bytes(bootstrap(fw, ds, { draws: 300, seed: 12 }))).not.toBe(bytes(bootstrap(fw, ds, { draws: 300, seed: 11 })));
  });

  it.each([[[0, 300]], [[0, 1, 300]], [[0, 120, 121, 300]]])("ranges %j drawn apart and put together give the counts of one range", (cuts) => {
    const input = { period: null, records: ds.records, column: (j: number) => ds.records.map((r) => r.observations[fw.indicators[j]!.id]) };
    const plan = planPeriod(fw, input);
    const options = { draws: 300, seed: 11, keepScores: true };
    const ranges = cuts.slice(1).map((to, k) => drawRange(fw, plan, 0, options, cuts[k]!, to)).reverse();
    expect(bytes([periodDraws(fw, plan, options, ranges)])).toBe(bytes(bootstrap(fw, ds, options)));
  });
});

describe("bootstrap: probabilities", () => {
  const observation = fc.oneof(
    fc.record({ n: fc.integer({ min: 1, max: 400 }), f: fc.double({ min: 0, max: 1, noNaN: true }) }).map(({ n, f }): Observation => ({ value: null, numerator: Math.round(f * n), denominator: n })),
    fc.record({ value: fc.double({ min: 20, max: 80, noNaN: true }), se: fc.double({ min: 0, max: 10, noNaN: true }) }).map((o): Observation => o),
    fc.double({ min: 20, max: 80, noNaN: true }).map((value): Observation => ({ value })),
    fc.constant<Observation>({ value: null }),
  );
  const scorings = fc.constantFrom<FrameworkInput["indicators"][number]["scoring"]>(
    { method: "thresholds", cuts: [60, 50, 40] },
    { method: "quantiles", percentiles: [25, 50, 75] },
    { method: "rank-score" },
    { method: "standard-ci", statistic: "proportion", confidence: 0.95 },
    { method: "z-score", statistic: "proportion", overdispersion: "additive", trim: 0.1, cuts: [2, 0, -2] },
  );

  it("sum to 1 for every organisation rated, in multiples of 1/N; an organisation not rated has none", () => {
    fc.assert(
      fc.property(scorings, fc.array(observation, { minLength: 1, maxLength: 12 }), (scoring, obs) => {
        const fw = oneIndicator(scoring);
        const ds = data(obs);
        const base = rate(fw, ds);
        if (!base.ok) return;
        const u = periodUncertainty(bootstrap(fw, ds, { draws: 200, seed: 5 })[0]!, 4);
        u.organisations.forEach((o, i) => {
          expect(o.probabilities === null).toBe(base.rating.organisations[i]!.categoryIndex === null);
          if (o.probabilities === null) return;
          expect(o.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
          for (const p of o.probabilities) expect(Math.abs(p * 200 - Math.round(p * 200))).toBeLessThan(1e-9);
        });
      }),
    );
  });

  it("improving a numerator never lowers p_1", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ n: fc.integer({ min: 1, max: 300 }), f: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 5 }),
        (orgs) => {
          const obs = orgs.map(({ n, f }): Observation => ({ value: null, numerator: Math.min(n - 1, Math.round(f * n)), denominator: n }));
          const better = obs.map((o, i) => (i === 0 && o.numerator! < o.denominator! ? { ...o, numerator: o.numerator! + 1 } : o));
          const p1 = (o: Observation[]) => probabilities(bootstrap(oneIndicator(), data(o), { draws: 2000, seed: 9 })[0]!)[0]![0]!;
          expect(p1(better)).toBeGreaterThanOrEqual(p1(obs));
        },
      ),
    );
  });
});

describe("bootstrap: values held fixed", () => {
  it.each<[string, FrameworkInput["indicators"][number]["scoring"]]>([
    ["thresholds", { method: "thresholds", cuts: [60, 50, 40] }],
    ["rank-score", { method: "rank-score" }],
    ["quantiles", { method: "quantiles", percentiles: [25, 50, 75] }],
  ])("give probability 1 for the category the rating gives (%s), and are counted", (_, scoring) => {
    const fw = oneIndicator(scoring, { aggregation: { method: "mean-score", quantiles: [25, 50, 75] } });
    const ds = data([{ value: 65 }, { value: 52 }, { value: 44 }, { value: 30 }, { value: null }, { value: 58 }]);
    const base = rate(fw, ds);
    if (!base.ok) throw new Error("rating failed");
    const [drawn] = bootstrap(fw, ds, { draws: 50, seed: 1 });
    expect(drawn!.heldFixed).toEqual([{ indicator: "a", organisations: 5 }]);
    periodUncertainty(drawn!, 4).organisations.forEach((o, i) => {
      const given = base.rating.organisations[i]!.categoryIndex;
      expect(o.probabilities).toEqual(given === null ? null : [0, 1, 2, 3].map((k) => (k === given ? 1 : 0)));
    });
  });
});

describe("bootstrap: scores kept for rank intervals", () => {
  it("hold each draw's weighted mean per organisation, NaN when not rated; all fixed, the rating's own scores", () => {
    const fw = oneIndicator();
    const ds = data([{ value: 65 }, { value: null }, { value: 44 }]);
    const [drawn] = bootstrap(fw, ds, { draws: 3, seed: 1, keepScores: true });
    expect(Array.from(drawn!.scores!)).toEqual([1, Number.NaN, 3, 1, Number.NaN, 3, 1, Number.NaN, 3]);
  });
});

describe("periodUncertainty: count intervals", () => {
  it("gives each category's mean count across draws and the central 95%", () => {
    const K = 2;
    const draws = 40;
    const drawCounts = new Uint32Array(draws * (K + 1));
    for (let d = 0; d < draws; d++) {
      drawCounts[d * (K + 1)] = d;
      drawCounts[d * (K + 1) + 1] = 100 - d;
    }
    const u = periodUncertainty({ period: null, codes: [], draws, orgCounts: new Uint32Array(0), drawCounts, scores: null, heldFixed: [] }, K);
    // Type 7 on 0..39: the 2.5% point is 0.975, the 97.5% point 38.025.
    expect(u.counts).toEqual([
      { expected: 19.5, lower: 1, upper: 38 },
      { expected: 80.5, lower: 62, upper: 99 },
    ]);
  });
});

describe("categoryProbabilities", () => {
  it("rates each period apart and looks organisations up by code and period", () => {
    const fw = oneIndicator();
    const ds: Dataset = {
      records: [
        { code: "B", name: "", period: "2017", observations: { a: { value: 45 } } },
        { code: "A", name: "", period: "2016", observations: { a: { value: 65 } } },
        { code: "A", name: "", period: "2017", observations: { a: { value: null } } },
      ],
      hasPeriods: true,
    };
    const u = categoryProbabilities(fw, ds, { draws: 10, seed: 1 });
    expect(u.periods.map((p) => p.period)).toEqual(["2016", "2017"]);
    const of = probabilityOf(u);
    expect([of({ code: "A", period: "2016" }), of({ code: "A", period: "2017" }), of({ code: "B", period: "2017" }), of({ code: "C", period: "2017" })]).toEqual([[1, 0, 0, 0], null, [0, 0, 1, 0], null]);
  });
});
