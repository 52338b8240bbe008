import type { Framework } from "../framework/schema.js";

export interface MeanCategory {
  mean: number;
  /** 0-based index into the framework's categories, best first. */
  categoryIndex: number;
  decidedBy: string;
  /** How far the mean must fall to reach the next category up; null in the best category. */
  toNextCategory: number | null;
}

/**
 * Weights are decimals, so a mean that is mathematically on a cut can land a few ulps above it;
 * this tolerance keeps "exactly on a cut takes the better category" true in floating point.
 */
const ON_CUT_TOLERANCE = 1e-9;

/**
 * Each organisation's weighted mean score, summed in the framework's order of indicators, into `means`;
 * NaN when too few are scored. `scores[j][i]` is organisation i's score for indicator j, NaN when unscored:
 * numbers in arrays, as a rating's period or a bootstrap draw has tens of thousands of them.
 */
export function weightedMeans(framework: Framework, scores: readonly Float64Array[], means: Float64Array): void {
  const weights = framework.indicators.map((ind) => ind.weight);
  for (let i = 0; i < means.length; i++) {
    let sum = 0;
    let total = 0;
    let count = 0;
    for (let j = 0; j < scores.length; j++) {
      const score = scores[j]![i]!;
      if (Number.isNaN(score)) continue;
      sum += score * weights[j]!;
      total += weights[j]!;
      count++;
    }
    means[i] = count === 0 || count < framework.minIndicators ? Number.NaN : sum / total;
  }
}

/**
 * Cut a mean band (1 = best) into a category by ascending cuts; a mean on a cut takes the better category.
 * Cuts taken from quantiles may repeat; the first cut the mean does not exceed still decides.
 */
export function categoriseMean(mean: number, cuts: readonly number[]): MeanCategory {
  const index = meanCategoryIndex(mean, cuts);
  const lower = index === 0 ? null : cuts[index - 1]!;
  const upper = index === cuts.length ? null : cuts[index]!;
  const decidedBy =
    upper === null
      ? `mean ${fmt(mean)} > ${fmt(lower!)}`
      : lower === null
        ? `mean ${fmt(mean)} <= ${fmt(upper)}`
        : `${fmt(lower)} < mean ${fmt(mean)} <= ${fmt(upper)}`;
  return { mean, categoryIndex: index, decidedBy, toNextCategory: lower === null ? null : Math.max(0, mean - lower) };
}

/** categoriseMean's category alone, with no text made: what each bootstrap draw needs. */
export function meanCategoryIndex(mean: number, cuts: readonly number[]): number {
  for (let i = 0; i < cuts.length; i++) if (mean <= cuts[i]! + ON_CUT_TOLERANCE) return i;
  return cuts.length;
}

function fmt(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}
