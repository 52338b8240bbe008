import type { Indicator } from "./schema.js";

/**
 * Cut points on the value's own scale, for methods that have fixed ones (thresholds). The other
 * methods band against an interval, the other organisations or a label, so there is no line to draw.
 */
export function valueCuts(indicator: Indicator): number[] {
  return indicator.scoring.method === "thresholds" ? indicator.scoring.cuts : [];
}

/** How many bands the indicator's method can give (rank-score's score runs over the same 1-4 scale). */
export function bandCount(indicator: Indicator): number {
  const s = indicator.scoring;
  switch (s.method) {
    case "thresholds":
    case "z-score":
      return s.cuts.length + 1;
    case "quantiles":
      return s.percentiles.length + 1;
    case "categorical":
      return Math.max(...Object.values(s.bands));
    case "standard-ci":
    case "rank-score":
      return 4;
  }
}
