import type { Polarity } from "./schema.js";

/**
 * Why a set of threshold cuts cannot band values, or null when it can. Shared by the framework
 * schema and the thresholds-CSV reader so that both say the same thing.
 */
export function thresholdCutsProblem(cuts: readonly number[], polarity: Polarity, categories: number): string | null {
  if (cuts.length !== categories - 1) {
    return `${categories} categories need ${categories - 1} cuts, got ${cuts.length}`;
  }
  const direction = polarity === "higher" ? "descending" : "ascending";
  if (!isStrictlyMonotone(cuts, direction)) {
    return polarity === "higher"
      ? `cuts must fall from the best band to the worst when higher is better (got ${cuts.join(", ")})`
      : `cuts must rise from the best band to the worst when lower is better (got ${cuts.join(", ")})`;
  }
  return null;
}

export function isStrictlyMonotone(values: readonly number[], direction: "ascending" | "descending"): boolean {
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1]!;
    const cur = values[i]!;
    if (direction === "ascending" ? !(cur > prev) : !(cur < prev)) return false;
  }
  return true;
}
