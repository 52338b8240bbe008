import { rateInterval } from "../stats/poisson-interval.js";
import { wilson } from "../stats/wilson.js";
import type { Indicator, ScoringOf } from "../framework/schema.js";
import { unitMultiplier } from "../framework/units.js";
import { unscored, withValues, type Measured, type Outcome } from "./outcome.js";

/**
 * The value's confidence interval against the standard: band 1 when the whole interval is better,
 * 2 when the value meets the standard, 3 when it misses it but the interval reaches it, 4 when the
 * whole interval is worse. The interval is in the indicator's unit, like the value and the standard.
 */
export function scoreAgainstStandard(indicator: Indicator, scoring: ScoringOf<"standard-ci">, items: readonly Measured[]): Outcome[] {
  const standard = indicator.standard!;
  const multiplier = unitMultiplier(indicator.unit);
  const level = `${scoring.confidence * 100}%`;
  return withValues(items, (value, item) => {
    if (item.numerator === null || item.denominator === null) {
      return unscored("standard-ci needs a numerator and denominator, not only a value");
    }
    const ci = standardInterval(scoring, item.numerator, item.denominator, multiplier);
    const band = bandAgainstStandard(value, ci, standard, indicator.polarity === "higher");
    return {
      kind: "scored",
      band,
      score: band,
      decidedBy: `${level} CI ${round(ci.lower)}-${round(ci.upper)} ${DESCRIPTIONS[band - 1]} ${standard}`,
      nextBandAt: null,
      ciLower: ci.lower,
      ciUpper: ci.upper,
    };
  });
}

/** The interval standard-ci compares with the standard, in the indicator's unit: Wilson for a proportion, PHE's Poisson interval for a rate. */
export function standardInterval(scoring: ScoringOf<"standard-ci">, numerator: number, denominator: number, multiplier: number): { lower: number; upper: number } {
  return scoring.statistic === "proportion"
    ? scaled(wilson(numerator, denominator, scoring.confidence), multiplier)
    : rateInterval(numerator, denominator, multiplier, scoring.confidence);
}

const DESCRIPTIONS = ["significantly better than", "meets", "misses, not significantly,", "significantly worse than"] as const;

/** Polarity is folded in by negating, so "better" is always "greater". */
export function bandAgainstStandard(value: number, ci: { lower: number; upper: number }, standard: number, higherIsBetter: boolean): 1 | 2 | 3 | 4 {
  const sign = higherIsBetter ? 1 : -1;
  const [v, worstEnd, bestEnd, s] = [value * sign, (higherIsBetter ? ci.lower : ci.upper) * sign, (higherIsBetter ? ci.upper : ci.lower) * sign, standard * sign];
  if (worstEnd > s) return 1;
  if (v >= s) return 2;
  if (bestEnd >= s) return 3;
  return 4;
}

function scaled(ci: { lower: number; upper: number }, multiplier: number) {
  return { lower: ci.lower * multiplier, upper: ci.upper * multiplier };
}

function round(x: number): string {
  return String(Math.round(x * 10) / 10);
}
