import { BARE, bareMissing, type BareValues } from "../dataset/bare-values.js";
import type { Origin } from "../diagnostics.js";

/** One organisation's input for one indicator once read: the value the engine computed, or why there is none. */
export interface Measured {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Why there is no value (null when there is one). */
  missing: string | null;
  text: string | undefined;
  origin: Origin | undefined;
}

/** What a scoring method says about one organisation's indicator. */
export type Outcome =
  | {
      kind: "scored";
      /** 1 is the best band; null for methods that give a score only (rank-score). */
      band: number | null;
      /** What the aggregation averages: the band, or the method's own score on the same 1 = best scale. */
      score: number;
      decidedBy: string;
      /** The value that would move the indicator up one band, where a single value does. */
      nextBandAt: number | null;
      ciLower?: number;
      ciUpper?: number;
      z?: number;
    }
  | { kind: "unscored"; reason: string };

export function unscored(reason: string): Outcome {
  return { kind: "unscored", reason };
}

/** Outcomes for the organisations that have a value, and the reason the rest are unscored. */
export function withValues(items: readonly Measured[], score: (value: number, item: Measured) => Outcome): Outcome[] {
  return items.map((item) => (item.value === null ? unscored(item.missing ?? "no value") : score(item.value, item)));
}

/** withValues for bare values, reading the numbers where they are. */
export function withBareValues(bare: BareValues, score: (value: number) => Outcome): Outcome[] {
  const outcomes: Outcome[] = new Array(bare.kinds.length);
  for (let i = 0; i < outcomes.length; i++) outcomes[i] = bare.kinds[i] === BARE.value ? score(bare.values[i]!) : unscored(bareMissing(bare, i));
  return outcomes;
}
