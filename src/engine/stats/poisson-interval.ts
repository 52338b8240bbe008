import { byars } from "./byar.js";
import type { Interval } from "./interval.js";
import { poissonExact } from "./poisson-exact.js";

export type PoissonMethod = "Exact" | "Byars";

export interface PoissonInterval extends Interval {
  /** null only when the count is missing (NaN), as PHE's method column is then NA. */
  method: PoissonMethod | null;
}

/** Below this count PHE uses the exact interval; from it upwards, Byar's approximation. */
const EXACT_BELOW = 10;

/** Poisson interval for a count on the count scale, choosing the method as PHE does. */
export function poissonInterval(x: number, confidence: number): PoissonInterval {
  if (Number.isNaN(x)) return { lower: Number.NaN, upper: Number.NaN, method: null };
  if (x < EXACT_BELOW) return { ...poissonExact(x, confidence), method: "Exact" };
  return { ...byars(x, confidence), method: "Byars" };
}

export interface RateInterval extends PoissonInterval {
  value: number;
}

/**
 * Crude rate x/n × multiplier with its Poisson interval scaled the same way (PHE phe_rate).
 * A missing (NaN) denominator gives NaN value and limits but keeps the method, as PHE does;
 * n <= 0 is a RangeError.
 */
export function rateInterval(x: number, n: number, multiplier: number, confidence: number): RateInterval {
  if (n <= 0) throw new RangeError(`rateInterval: denominator must be > 0, got ${n}`);
  const counts = poissonInterval(x, confidence);
  const scale = multiplier / n;
  return {
    value: x * scale,
    lower: counts.lower * scale,
    upper: counts.upper * scale,
    method: counts.method,
  };
}
