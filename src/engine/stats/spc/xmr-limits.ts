/**
 * XmR (individuals and moving range) chart limits as NHS England's "Making Data Count" draws them and
 * NHSRplotthedots computes them (R/ptd_spc_standard.R): 2.66 is 3/d2 with d2 = 1.128 for moving ranges
 * of two points, so the process limits sit three sigma from the mean.
 */
const LIMIT_FACTOR = 2.66;
/**
 * D4 for ranges of two points: a moving range at or above 3.267 times the average is itself a signal
 * and is left out of the average, as Nelson (1982, J. Quality Technology 14(3)) advises and the package
 * does by default; the Making Data Count Excel tool keeps it (see the package's deviations vignette).
 */
const SCREEN_FACTOR = 3.267;

export interface XmrLimitOptions {
  /** Compute the mean and moving ranges from the first N points only (the package's fix_after_n_points); null: all. */
  baseline: number | null;
  screenOutliers: boolean;
}

export interface XmrLimits {
  mean: number;
  /** |x[i] - x[i-1]| over the baseline points, screened ranges included. */
  movingRanges: number[];
  /** The average of the moving ranges kept after screening. */
  averageMovingRange: number;
  /** Process limits: mean -+ 2.66 x AMR. */
  lpl: number;
  upl: number;
  /** Two-sigma lines, two thirds of the way to the process limits. */
  lowerTwoSigma: number;
  upperTwoSigma: number;
  /** One-sigma lines, one third of the way. */
  lowerOneSigma: number;
  upperOneSigma: number;
}

/** The limits of a series, or null when its baseline has fewer than two points (no moving range). */
export function xmrLimits(values: readonly number[], options: XmrLimitOptions): XmrLimits | null {
  const base = options.baseline === null ? values : values.slice(0, options.baseline);
  if (base.length < 2) return null;
  const mean = average(base);
  const movingRanges = base.slice(1).map((x, i) => Math.abs(x - base[i]!));
  const unscreened = average(movingRanges);
  // All ranges equal to an average of 0 would all be screened out, leaving no average: keep them.
  const kept = options.screenOutliers && unscreened > 0 ? movingRanges.filter((mr) => mr < SCREEN_FACTOR * unscreened) : movingRanges;
  const amr = average(kept);
  const sigma = (LIMIT_FACTOR / 3) * amr;
  return {
    mean,
    movingRanges,
    averageMovingRange: amr,
    lpl: mean - LIMIT_FACTOR * amr,
    upl: mean + LIMIT_FACTOR * amr,
    lowerTwoSigma: mean - 2 * sigma,
    upperTwoSigma: mean + 2 * sigma,
    lowerOneSigma: mean - sigma,
    upperOneSigma: mean + sigma,
  };
}

function average(xs: readonly number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}
