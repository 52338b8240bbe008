import { z } from "zod";

export const Origin = z.object({
  file: z.string().optional(),
  sheet: z.string().optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
});

/**
 * One organisation's input for one indicator, as read: a value, or a numerator and denominator from
 * which the engine computes the value, or nothing (with the reason).
 */
export const Observation = z.object({
  value: z.number().nullable(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  /** The label as written, for categorical indicators (a self-assessment such as "Fully met"). */
  text: z.string().optional(),
  /** A bare value's standard error, in its unit, as published: what the bootstrap draws it with. */
  se: z.number().optional(),
  /** A bare value's 95% confidence interval, as published: the bootstrap's standard error when no `se` is given. */
  ciLower: z.number().optional(),
  ciUpper: z.number().optional(),
  missing: z.enum(["empty", "suppressed"]).optional(),
  /** The publisher's own comparison of the value with its benchmark, as written (Fingertips: Better, Similar, Worse, ...). */
  comparison: z.string().optional(),
  origin: Origin.optional(),
  denominatorOrigin: Origin.optional(),
});
export type Observation = z.infer<typeof Observation>;

export const OrgRecord = z.object({
  code: z.string().min(1),
  name: z.string(),
  period: z.string().nullable(),
  observations: z.record(z.string(), Observation),
  /** Non-indicator columns the framework's overrides look at (e.g. a financial-deficit flag), by column name. */
  attributes: z.record(z.string(), z.string()).optional(),
  origin: Origin.optional(),
});
export type OrgRecord = z.infer<typeof OrgRecord>;
/** A record without its observations: all that a rated row takes from it. */
export type RecordHead = Omit<OrgRecord, "observations">;

export const Dataset = z.object({
  records: z.array(OrgRecord),
  hasPeriods: z.boolean(),
  /** The 1-based column of the periods in the values file, for a message about a period label. */
  periodColumn: z.number().int().positive().optional(),
});
export type Dataset = z.infer<typeof Dataset>;
