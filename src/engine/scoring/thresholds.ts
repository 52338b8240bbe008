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
  const atLeastAsGood = polarity === "higher" ? (cut: number) => value >= cut : (cut: number) => value <= cut;
  for (let i = 0; i < cuts.length; i++) {
    const cut = cuts[i]!;
    if (atLeastAsGood(cut)) return { band: i + 1, decidedBy: `${polarity === "higher" ? ">=" : "<="} ${cut}` };
  }
  const last = cuts[cuts.length - 1]!;
  return { band: cuts.length + 1, decidedBy: `${polarity === "higher" ? "<" : ">"} ${last}` };
}

/** The value an organisation would need to reach the next band up, or null when already in the best band. */
export function nextBandTarget(band: number, cuts: readonly number[]): number | null {
  return band <= 1 ? null : cuts[band - 2]!;
}
