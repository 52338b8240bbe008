import { gammaQuantile } from "./gamma.js";
import type { Interval } from "./interval.js";
import { normaliseConfidence } from "./normal.js";

/**
 * Exact (Garwood, chi-squared) Poisson interval for an observed count x (count scale):
 * lower = qchisq((1−c)/2, 2x)/2 (0 when x = 0), upper = qchisq(c + (1−c)/2, 2x + 2)/2.
 * A missing (NaN) count gives NaN limits; a negative count is a RangeError.
 */
export function poissonExact(x: number, confidence: number): Interval {
  if (x < 0) throw new RangeError(`poissonExact: count must be >= 0, got ${x}`);
  const c = normaliseConfidence(confidence);
  if (Number.isNaN(x)) return { lower: Number.NaN, upper: Number.NaN };
  const tail = (1 - c) / 2;
  return {
    lower: x === 0 ? 0 : gammaQuantile(tail, x),
    upper: gammaQuantile(c + tail, x + 1),
  };
}
