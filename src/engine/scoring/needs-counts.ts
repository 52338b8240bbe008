import type { Indicator } from "../framework/schema.js";

/**
 * Whether a scoring method works from the numerator and denominator themselves (an interval, a
 * z-score), so that a value without them leaves the indicator unscored.
 */
export function needsCounts(method: Indicator["scoring"]["method"]): boolean {
  return method === "standard-ci" || method === "z-score";
}
