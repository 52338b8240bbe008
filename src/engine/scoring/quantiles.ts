import { quantilesType7 } from "../stats/quantile.js";
import type { Indicator, ScoringOf } from "../framework/schema.js";
import { withValues, type Measured, type Outcome } from "./outcome.js";
import { bandByThresholds, nextBandTarget } from "./thresholds.js";

/**
 * Bands by position among the organisations given (one period's): the cuts are the type-7 quantiles
 * of their values at the percentiles, ordered best band first for the polarity, then used as thresholds.
 */
export function scoreByQuantiles(indicator: Indicator, scoring: ScoringOf<"quantiles">, items: readonly Measured[]): Outcome[] {
  const values = items.flatMap((i) => (i.value === null ? [] : [i.value]));
  const ascending = quantilesType7(values, scoring.percentiles.map((p) => p / 100));
  const cuts = indicator.polarity === "higher" ? [...ascending].reverse() : ascending;
  const percentiles = indicator.polarity === "higher" ? [...scoring.percentiles].reverse() : scoring.percentiles;
  return withValues(items, (value) => {
    const { band, decidedBy } = bandByThresholds(value, cuts, indicator.polarity);
    const at = Math.min(band, cuts.length) - 1;
    return { kind: "scored", band, score: band, decidedBy: `${decidedBy} (P${percentiles[at]})`, nextBandAt: nextBandTarget(band, cuts) };
  });
}
