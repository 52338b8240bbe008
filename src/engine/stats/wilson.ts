import type { Interval } from "./interval.js";
import { normaliseConfidence, zForConfidence } from "./normal.js";

/**
 * Wilson score interval for a proportion x/n on the unit scale, as PHE/Fingertips compute it.
 * A confidence of 1 gives [0, 1] (the limit of the formula as z → ∞, which would otherwise be NaN).
 * x need not be an integer (PHE's own test data uses x = 0.445, n = 1). A missing (NaN) x or n gives
 * NaN limits rather than an error, as PHE gives NA; x < 0, n <= 0 and x > n are RangeErrors.
 */
export function wilson(x: number, n: number, confidence: number): Interval {
  if (x < 0) throw new RangeError(`wilson: numerator must be >= 0, got ${x}`);
  if (n <= 0) throw new RangeError(`wilson: denominator must be > 0, got ${n}`);
  if (x > n) throw new RangeError(`wilson: numerator ${x} exceeds denominator ${n}`);
  const c = normaliseConfidence(confidence);
  if (Number.isNaN(x) || Number.isNaN(n)) return { lower: Number.NaN, upper: Number.NaN };
  if (c === 1) return { lower: 0, upper: 1 };

  const z = zForConfidence(confidence);
  const zSquared = z * z;
  const centre = 2 * x + zSquared;
  const spread = z * Math.sqrt(zSquared + 4 * x * (1 - x / n));
  const scale = 2 * (n + zSquared);
  return { lower: (centre - spread) / scale, upper: (centre + spread) / scale };
}
