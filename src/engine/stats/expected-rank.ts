import { normalCdf } from "./normal-cdf.js";
import type { Better } from "./rank-intervals.js";

/**
 * Expected ranks by Lingsma et al. ("Comparing and ranking hospitals based on outcome: results from
 * The Netherlands Stroke Survey", QJM 103(2), 2010, online 2009): with each estimate θ̂_i ~ N(θ_i, se_i²),
 * independent, the rank of i is 1 + the number of others that are better, so its expectation is
 *   E[rank_i] = 1 + Σ_{j ≠ i} P(j better than i) = 1 + Σ_{j ≠ i} Φ((θ̂_j − θ̂_i) / √(se_i² + se_j²))
 * when higher is better (θ̂_i − θ̂_j in the numerator when lower is better). Two estimates known
 * exactly (both standard errors 0) count as 1 if the other is better, 1/2 if they are equal.
 * The expected ranks sum to N(N + 1)/2, since P(j better than i) + P(i better than j) = 1.
 */
export function expectedRanks(estimates: readonly number[], standardErrors: readonly number[], better: Better): number[] {
  const n = estimates.length;
  if (standardErrors.length !== n) throw new RangeError(`expected ${n} standard errors, got ${standardErrors.length}`);
  const sign = better === "higher" ? 1 : -1;
  const x = Float64Array.from(estimates, (value, i) => {
    if (!Number.isFinite(value)) throw new RangeError(`estimate ${i + 1} must be a finite number, got ${value}`);
    return sign * value;
  });
  const variance = Float64Array.from(standardErrors, (se, i) => {
    if (!(se >= 0) || !Number.isFinite(se)) throw new RangeError(`standard error ${i + 1} must be a finite number >= 0, got ${se}`);
    return se * se;
  });
  const expected = new Float64Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const sd = Math.sqrt(variance[i]! + variance[j]!);
      const difference = x[j]! - x[i]!;
      const jBetter = sd > 0 ? normalCdf(difference / sd) : difference > 0 ? 1 : difference < 0 ? 0 : 0.5;
      expected[i]! += jBetter;
      expected[j]! += 1 - jBetter;
    }
  }
  return Array.from(expected);
}
