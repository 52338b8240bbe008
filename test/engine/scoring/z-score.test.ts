import { describe, expect, it } from "vitest";
import { Indicator } from "../../../src/engine/framework/schema.js";
import { scoreByZ } from "../../../src/engine/scoring/z-score.js";
import { overdispersion } from "../../../src/engine/stats/overdispersion.js";
import { item } from "./helpers.js";

const counts: [number, number][] = [
  [30, 1000], [45, 1200], [12, 800], [60, 1500], [25, 900], [90, 1100], [8, 700], [40, 1000], [33, 950], [51, 1300], [20, 1000], [70, 1000],
];

const indicator = (polarity: "higher" | "lower", overdispersionMethod: "none" | "multiplicative" | "additive") =>
  Indicator.parse({
    id: "z",
    label: "Z",
    polarity,
    unit: "per 1000",
    scoring: { method: "z-score", statistic: "proportion", overdispersion: overdispersionMethod, cuts: [1.96, 0, -1.96] },
  });

describe("scoreByZ", () => {
  it.each(["none", "multiplicative", "additive"] as const)("gives the stats module's %s z, phi and tau2", (method) => {
    const ind = indicator("higher", method);
    const out = scoreByZ(ind, ind.scoring as never, counts.map(([o, n]) => item((o * 1000) / n, [o, n])));
    const expected = overdispersion({ kind: "proportion", observed: counts.map((c) => c[0]), denominators: counts.map((c) => c[1]), method, trim: 0.1 });
    expect(out.phi).toBe(expected.phi);
    expect(out.tau2).toBe(expected.tau2);
    expect(out.outcomes.map((o) => (o.kind === "scored" ? o.z : null))).toEqual(expected.z);
  });

  it.each([
    ["higher", 1, 4],
    ["lower", 4, 1],
  ] as const)("bands by the polarity-adjusted z (%s is better)", (polarity, bandOfHighest, bandOfLowest) => {
    const ind = indicator(polarity, "none");
    const out = scoreByZ(ind, ind.scoring as never, counts.map(([o, n]) => item((o * 1000) / n, [o, n])));
    const band = (i: number) => (out.outcomes[i]!.kind === "scored" ? (out.outcomes[i] as { band: number }).band : null);
    expect(band(5)).toBe(bandOfHighest); // 90 per 1,000: far above the pooled rate
    expect(band(6)).toBe(bandOfLowest); // 8 of 700: far below
  });

  it("leaves values without counts unscored, and gives no phi when nothing has counts", () => {
    const ind = indicator("higher", "multiplicative");
    expect(scoreByZ(ind, ind.scoring as never, [item(5), item(null)])).toEqual({
      outcomes: [
        { kind: "unscored", reason: "z-score needs a numerator and denominator, not only a value" },
        { kind: "unscored", reason: "no value" },
      ],
      phi: null,
      tau2: null,
    });
  });
});
