import { z } from "zod";

/** What a rating gives back. */
export const IndicatorResult = z.object({
  id: z.string(),
  value: z.number().nullable(),
  /** The label as read, for categorical indicators. */
  text: z.string().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** 1 is the best band; null when unscored, or when the method gives a score only (rank-score). */
  band: z.number().int().nullable(),
  /** What the aggregation averages: the band, or the method's own score on the same scale. */
  score: z.number().nullable(),
  decidedBy: z.string().nullable(),
  /** The value that would move this indicator up one band; null in the best band, when unscored, or when no single value does. */
  nextBandAt: z.number().nullable(),
  /** The confidence interval, in the indicator's unit, for methods that compute one. */
  ciLower: z.number().nullable(),
  ciUpper: z.number().nullable(),
  /** The (over-dispersion adjusted) z-score, for z-score indicators. */
  z: z.number().nullable(),
  /** Why the indicator is unscored, or null when it is scored. */
  unscored: z.string().nullable(),
  /** The publisher's own comparison of the value with its benchmark, where the values file gives one (Fingertips). */
  comparison: z.string().optional(),
});
export type IndicatorResult = z.infer<typeof IndicatorResult>;

/** National figures behind an indicator's scoring in one period. */
export const IndicatorStatistic = z.object({
  indicator: z.string(),
  period: z.string().nullable(),
  /** The pooled value (all numerators over all denominators) in the indicator's unit; null without counts. */
  national: z.number().nullable(),
  /** Over-dispersion factor and between-organisation variance, for z-score indicators. */
  phi: z.number().nullable(),
  tau2: z.number().nullable(),
});
export type IndicatorStatistic = z.infer<typeof IndicatorStatistic>;

export const RatedOrg = z.object({
  code: z.string(),
  name: z.string(),
  period: z.string().nullable(),
  indicators: z.array(IndicatorResult),
  scored: z.number().int(),
  score: z.number().nullable(),
  /** 0-based index into the framework's categories; null when not rated. */
  categoryIndex: z.number().int().nullable(),
  category: z.string(),
  /** The cut or rule that decided the category, and any override. */
  decidedBy: z.string(),
  toNextCategory: z.number().nullable(),
  /** The override that capped the category (e.g. "capped at Segment 3 (deficit = yes)"), or null. */
  cappedBy: z.string().nullable(),
  /** League-table position (with `leagueTable`): by category, then mean score; null otherwise or when not rated. */
  rank: z.number().int().nullable(),
  /** How many organisations the league table ranks in the period (the 134 of "112 of 134"); null without a rank. */
  rankOf: z.number().int().nullable(),
  notes: z.string(),
});
export type RatedOrg = z.infer<typeof RatedOrg>;

export const PeriodSummary = z.object({
  period: z.string().nullable(),
  /** Counts per category, in the framework's order. */
  counts: z.array(z.number().int()),
  notRated: z.number().int(),
  total: z.number().int(),
});
export type PeriodSummary = z.infer<typeof PeriodSummary>;
export const Summary = z.object({
  categories: z.array(z.string()),
  periods: z.array(PeriodSummary),
});
export type Summary = z.infer<typeof Summary>;
