import { describe, expect, it } from "vitest";
import { Indicator } from "../../../src/engine/framework/schema.js";
import { scoreByQuantiles } from "../../../src/engine/scoring/quantiles.js";
import { item } from "./helpers.js";

const indicator = (polarity: "higher" | "lower") =>
  Indicator.parse({ id: "q", label: "Q", polarity, scoring: { method: "quantiles", percentiles: [25, 50, 75] } });

// 1..9: type-7 quartiles are exactly 3, 5 and 7.
const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, null];

describe("scoreByQuantiles", () => {
  it.each([
    ["higher", [4, 4, 3, 3, 2, 2, 1, 1, 1]],
    ["lower", [1, 1, 1, 2, 2, 3, 3, 4, 4]],
  ] as const)("%s is better: a value on a cut takes the better band", (polarity, bands) => {
    const ind = indicator(polarity);
    const out = scoreByQuantiles(ind, ind.scoring as never, values.map((v) => item(v)));
    expect(out.slice(0, 9).map((o) => (o.kind === "scored" ? o.band : null))).toEqual(bands);
    expect(out[9]).toEqual({ kind: "unscored", reason: "no value" });
  });

  it("names the percentile and the cut that decided", () => {
    const ind = indicator("higher");
    const out = scoreByQuantiles(ind, ind.scoring as never, values.map((v) => item(v)));
    expect(out[6]).toMatchObject({ decidedBy: ">= 7 (P75)", nextBandAt: null });
    expect(out[0]).toMatchObject({ decidedBy: "< 3 (P25)", nextBandAt: 3 });
  });
});
