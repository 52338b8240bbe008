import { overdispersion } from "../stats/overdispersion.js";
import type { Indicator, ScoringOf } from "../framework/schema.js";
import { unscored, type Measured, type Outcome } from "./outcome.js";
import { bandByThresholds } from "./thresholds.js";

export interface ZScores {
  outcomes: Outcome[];
  /** Null when no organisation had the counts to estimate them. */
  phi: number | null;
  tau2: number | null;
}

/**
 * Spiegelhalter's z-scores over the organisations given (one period's): proportions on the
 * arcsine-square-root scale, ratios O/E on the log scale, adjusted for over-dispersion as the stats
 * module does. The band comes from the polarity-adjusted z (higher is better) against the cuts.
 */
export function scoreByZ(indicator: Indicator, scoring: ScoringOf<"z-score">, items: readonly Measured[]): ZScores {
  const counted = items.flatMap((item, i) => (item.value !== null && item.numerator !== null && item.denominator !== null ? [i] : []));
  if (counted.length === 0) {
    return { outcomes: items.map((item) => unscored(item.missing ?? noCounts(scoring))), phi: null, tau2: null };
  }
  const result = overdispersion({
    kind: scoring.statistic,
    observed: counted.map((i) => items[i]!.numerator!),
    denominators: counted.map((i) => items[i]!.denominator!),
    method: scoring.overdispersion,
    trim: scoring.trim,
  });
  const zOf = new Map(counted.map((itemIndex, k) => [itemIndex, result.z[k]!]));
  const sign = indicator.polarity === "higher" ? 1 : -1;
  const outcomes = items.map((item, i): Outcome => {
    const z = zOf.get(i);
    if (z === undefined) return unscored(item.value === null ? (item.missing ?? "no value") : noCounts(scoring));
    const { band, decidedBy } = bandByThresholds(sign * z, scoring.cuts, "higher");
    const adjusted = sign === 1 ? "z" : "-z";
    return { kind: "scored", band, score: band, decidedBy: `${adjusted} ${decidedBy}`, nextBandAt: null, z };
  });
  return { outcomes, phi: result.phi, tau2: result.tau2 };
}

function noCounts(scoring: ScoringOf<"z-score">): string {
  return scoring.statistic === "ratio"
    ? "z-score needs observed and expected counts (numerator and denominator), not only a value"
    : "z-score needs a numerator and denominator, not only a value";
}
