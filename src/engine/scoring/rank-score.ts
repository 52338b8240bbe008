import type { Indicator } from "../framework/schema.js";
import { withValues, type Measured, type Outcome } from "./outcome.js";

/**
 * NHS Oversight Framework 2025/26: score = 1 + 3 (r - 1) / (n - 1), r the rank among the n
 * organisations with a value (1 = best, ties share the average rank). A lone organisation has no
 * position to speak of and gets the middle score, 2.5.
 */
export function scoreByRank(indicator: Indicator, items: readonly Measured[]): Outcome[] {
  const values = items.flatMap((i) => (i.value === null ? [] : [i.value]));
  const ranks = averageRanks(values, indicator.polarity === "higher");
  const n = values.length;
  return withValues(items, (value) => {
    const r = ranks.get(value)!;
    const score = rankScore(r, n);
    return { kind: "scored", band: null, score, decidedBy: `rank ${r} of ${n}`, nextBandAt: null };
  });
}

/** The score of rank r (1 = best) among n. */
export function rankScore(r: number, n: number): number {
  return n === 1 ? 2.5 : 1 + (3 * (r - 1)) / (n - 1);
}

/** Rank of each distinct value, 1 = best, tied values sharing the mean of the ranks they span. */
export function averageRanks(values: readonly number[], higherIsBetter: boolean): Map<number, number> {
  const sorted = [...values].sort((a, b) => (higherIsBetter ? b - a : a - b));
  const ranks = new Map<number, number>();
  let start = 0;
  while (start < sorted.length) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[start]) end++;
    ranks.set(sorted[start]!, (start + end) / 2 + 1);
    start = end + 1;
  }
  return ranks;
}
