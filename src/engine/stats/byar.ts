import type { Interval } from "./interval.js";
import { zForConfidence } from "./normal.js";

/**
 * Byar's approximation to the Poisson interval for an observed count x (count scale).
 * The lower limit is NaN when the approximation goes negative (small x at high confidence),
 * where PHE reports NA, and for x = 0, where the formula is 0·(−∞): NaN keeps the type numeric
 * and poisons any rate computed from it. (PHE only uses Byar's from 10 events, where it is positive.)
 * A missing (NaN) count gives NaN limits; a negative count is a RangeError.
 */
export function byars(x: number, confidence: number): Interval {
  if (x < 0) throw new RangeError(`byars: count must be >= 0, got ${x}`);
  const z = zForConfidence(confidence);
  const lower = x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3;
  const next = x + 1;
  const upper = next * (1 - 1 / (9 * next) + z / (3 * Math.sqrt(next))) ** 3;
  return { lower: lower < 0 ? Number.NaN : lower, upper };
}
