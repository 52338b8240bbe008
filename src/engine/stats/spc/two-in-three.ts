import type { Direction } from "./runs.js";
import type { XmrLimits } from "./xmr-limits.js";

/**
 * Which points count towards "two of three beyond two sigma". NHSRplotthedots counts only points
 * between the two-sigma line and the process limit (`close_to_limits` in R/ptd_spc_standard.R):
 * "2-3sigma". Making Data Count changed its tools in 2023 to count every point beyond two sigma,
 * those beyond the limits too (package issue #194): "beyond-2sigma".
 */
export const TWO_IN_THREE_RULES = ["2-3sigma", "beyond-2sigma"] as const;
export type TwoInThreeRule = (typeof TWO_IN_THREE_RULES)[number];

export function beyondTwoSigma(values: readonly number[], limits: XmrLimits, rule: TwoInThreeRule): boolean[] {
  return values.map((y) => {
    const beyond = y > limits.upperTwoSigma || y < limits.lowerTwoSigma;
    return rule === "beyond-2sigma" ? beyond : beyond && !(y > limits.upl || y < limits.lpl);
  });
}

/**
 * Points in a window of three consecutive points of which at least two count and all three are on the
 * same side of the mean (the package's ptd_two_in_three; the same-side check is its fix for issue #143).
 */
function twoInThreeWindows(counted: readonly boolean[], sides: readonly Direction[]): boolean[] {
  const inWindow = counted.map(() => false);
  for (let start = 0; start + 3 <= counted.length; start++) {
    const side = sides[start]!;
    const sameSide = side !== 0 && sides[start + 1] === side && sides[start + 2] === side;
    const count = Number(counted[start]) + Number(counted[start + 1]) + Number(counted[start + 2]);
    if (sameSide && count >= 2) for (let i = start; i < start + 3; i++) inWindow[i] = true;
  }
  return inWindow;
}

/** The points the rule flags: those that count and are in such a window; the third point of a window is not flagged. */
export function twoInThree(counted: readonly boolean[], sides: readonly Direction[]): boolean[] {
  const windows = twoInThreeWindows(counted, sides);
  return counted.map((c, i) => c && windows[i]!);
}
