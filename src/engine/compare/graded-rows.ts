import { z } from "zod";
import { Origin } from "../dataset/schema.js";
import type { Rating } from "../rate.js";

/** One organisation's result as a comparison needs it: from a graded table on disk or from a fresh rating. */
export const GradedRow = z.object({
  code: z.string().min(1),
  name: z.string(),
  period: z.string().nullable(),
  category: z.string(),
  score: z.number().nullable(),
  /** The league-table rank, where the framework ranks (NOF); absent or null otherwise. */
  rank: z.number().int().positive().nullable().optional(),
  origin: Origin.optional(),
});
export type GradedRow = z.infer<typeof GradedRow>;

export const GradedRows = z.object({
  /** The framework's id when the table says it (graded JSON does, graded CSV does not). */
  frameworkId: z.string().nullable(),
  /** Category names, best first. */
  categories: z.array(z.string()),
  /** The period the rows are for, or null when the table has no period column. */
  period: z.string().nullable(),
  rows: z.array(GradedRow),
});
export type GradedRows = z.infer<typeof GradedRows>;

/** One period of a rating (null: the rating has no periods) as rows to compare. */
export function gradedRowsOf(rating: Rating, period: string | null): GradedRows {
  return {
    frameworkId: rating.framework.id,
    categories: [...rating.framework.categories],
    period,
    rows: rating.organisations
      .filter((o) => o.period === period)
      .map((o) => ({ code: o.code, name: o.name, period: o.period, category: o.category, score: o.score, rank: o.rank })),
  };
}
