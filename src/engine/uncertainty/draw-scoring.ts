import type { Indicator } from "../framework/schema.js";
import { averageRanks, rankScore } from "../scoring/rank-score.js";
import { bandAgainstStandard, standardInterval } from "../scoring/standard-ci.js";
import { thresholdBand } from "../scoring/thresholds.js";
import { overdispersion } from "../stats/overdispersion.js";
import { quantilesType7 } from "../stats/quantile.js";
import { SAMPLER, type IndicatorSamplers } from "./observation-sampler.js";

/**
 * One indicator scored for one draw, the same methods as scoreIndicator without the texts, the
 * explanations or an object per organisation: `values` and `numerators` hold the draw (NaN where none),
 * `band` and `score` receive each organisation's band and score (NaN when unscored, or no band).
 * Relative methods (quantiles, rank-score, z-score) are worked out again from the draw's values.
 */
export function scoreDraw(indicator: Indicator, s: IndicatorSamplers, values: Float64Array, numerators: Float64Array, band: Float64Array, score: Float64Array): void {
  const n = values.length;
  const scoring = indicator.scoring;
  band.fill(Number.NaN);
  score.fill(Number.NaN);
  const set = (i: number, b: number) => {
    band[i] = b;
    score[i] = b;
  };
  switch (scoring.method) {
    case "thresholds":
      for (let i = 0; i < n; i++) if (s.kind[i] !== SAMPLER.unscored) set(i, thresholdBand(values[i]!, scoring.cuts, indicator.polarity));
      return;
    case "categorical":
      for (let i = 0; i < n; i++) if (s.kind[i] !== SAMPLER.unscored) set(i, values[i]!);
      return;
    case "quantiles": {
      const ascending = quantilesType7(scoredValues(s, values), scoring.percentiles.map((p) => p / 100));
      const cuts = indicator.polarity === "higher" ? ascending.reverse() : ascending;
      for (let i = 0; i < n; i++) if (s.kind[i] !== SAMPLER.unscored) set(i, thresholdBand(values[i]!, cuts, indicator.polarity));
      return;
    }
    case "rank-score": {
      const scored = scoredValues(s, values);
      const ranks = averageRanks(scored, indicator.polarity === "higher");
      for (let i = 0; i < n; i++) if (s.kind[i] !== SAMPLER.unscored) score[i] = rankScore(ranks.get(values[i]!)!, scored.length);
      return;
    }
    case "standard-ci": {
      const higher = indicator.polarity === "higher";
      for (let i = 0; i < n; i++) {
        if (s.kind[i] === SAMPLER.unscored) continue;
        const ci = standardInterval(scoring, numerators[i]!, s.denominator[i]!, s.multiplier);
        set(i, bandAgainstStandard(values[i]!, ci, indicator.standard!, higher));
      }
      return;
    }
    case "z-score": {
      const counted: number[] = [];
      for (let i = 0; i < n; i++) if (s.kind[i] !== SAMPLER.unscored) counted.push(i);
      if (counted.length === 0) return;
      const { z } = overdispersion({
        kind: scoring.statistic,
        observed: counted.map((i) => numerators[i]!),
        denominators: counted.map((i) => s.denominator[i]!),
        method: scoring.overdispersion,
        trim: scoring.trim,
      });
      const sign = indicator.polarity === "higher" ? 1 : -1;
      counted.forEach((i, k) => set(i, thresholdBand(sign * z[k]!, scoring.cuts, "higher")));
      return;
    }
  }
}

function scoredValues(s: IndicatorSamplers, values: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (s.kind[i] !== SAMPLER.unscored) out.push(values[i]!);
  return out;
}
