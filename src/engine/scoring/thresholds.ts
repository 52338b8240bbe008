import type { Polarity } from "../framework/schema.js";

export interface Banding {
  /** 1 is the best band. */
  band: number;
  /** The cut that decided the band, as a reader would state it, e.g. ">= 55" or "< 45". */
  decidedBy: string;
}

/**
 * Band a value by cut points, best band's cut first. A value exactly on a cut is "at least as good"
 * and takes the better band.
 */
export function bandByThresholds(value: number, cuts: readonly number[], polarity: Polarity): Banding {
  const band = thresholdBand(value, cuts, polarity);
  return { band, decidedBy: cutText(band, cuts, polarity) };
}

/** bandByThresholds' band alone. */
export function thresholdBand(value: number, cuts: readonly number[], polarity: Polarity): number {
  for (let i = 0; i < cuts.length; i++) {
    if (polarity === "higher" ? value >= cuts[i]! : value <= cuts[i]!) return i + 1;
  }
  return cuts.length + 1;
}

/** The cut that decides a band, as bandByThresholds states it: the same text for every value in the band. */
export function cutText(band: number, cuts: readonly number[], polarity: Polarity): string {
  if (band <= cuts.length) return `${polarity === "higher" ? ">=" : "<="} ${cuts[band - 1]!}`;
  return `${polarity === "higher" ? "<" : ">"} ${cuts[cuts.length - 1]!}`;
}

/** The value an organisation would need to reach the next band up, or null when already in the best band. */
export function nextBandTarget(band: number, cuts: readonly number[]): number | null {
  return band <= 1 ? null : cuts[band - 2]!;
}
