import type { Indicator } from "../framework/schema.js";

/**
 * What the assurance icon tests the process against: the indicator's standard; without one, the middle
 * of its threshold cuts (for four bands, the performing-well cut, the line between the better and the
 * worse half of the bands); without either (a relative method), nothing, and the icon is "none".
 */
export function assuranceTarget(indicator: Indicator): number | null {
  if (indicator.standard !== undefined) return indicator.standard;
  if (indicator.scoring.method !== "thresholds") return null;
  const cuts = indicator.scoring.cuts;
  return cuts[Math.floor((cuts.length - 1) / 2)]!;
}
