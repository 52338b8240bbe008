import { z } from "zod";

export const DEFAULT_CATEGORIES = [
  "Top performing",
  "Performing well",
  "Needs improvement",
  "Greatest need for improvement",
] as const;

export const NOT_RATED = "Not rated";

export const Polarity = z.enum(["higher", "lower"]);
export type Polarity = z.infer<typeof Polarity>;

export const Unit = z.enum(["%", "per 1000", "per 100000", "ratio", "score", "count"]);
export type Unit = z.infer<typeof Unit>;

export const ThresholdsScoring = z.strictObject({
  method: z.literal("thresholds"),
  /** One cut per boundary between bands, best band's cut first. */
  cuts: z.array(z.number().finite()).min(1),
});

export const Scoring = z.discriminatedUnion("method", [ThresholdsScoring]);
export type Scoring = z.infer<typeof Scoring>;

/** Indicator ids become column names (`<id>_band`), so they keep to characters that need no quoting. */
export const INDICATOR_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export const Indicator = z.strictObject({
  id: z.string().regex(INDICATOR_ID, "letters, digits, '_', '.', '-' only, starting with a letter or digit"),
  label: z.string().min(1),
  polarity: Polarity,
  unit: Unit.default("%"),
  standard: z.number().finite().optional(),
  weight: z.number().finite().positive().default(1),
  minDenominator: z.number().finite().nonnegative().optional(),
  scoring: Scoring,
});
export type Indicator = z.infer<typeof Indicator>;

export const MeanScoreAggregation = z.strictObject({
  method: z.literal("mean-score"),
  /** Ascending cuts on the 1 (best) .. N (worst) scale; a mean exactly on a cut takes the better category. */
  cuts: z.array(z.number().finite()).min(1),
});

export const Aggregation = z.discriminatedUnion("method", [MeanScoreAggregation]);
export type Aggregation = z.infer<typeof Aggregation>;

export const Framework = z
  .strictObject({
    id: z.string().min(1),
    title: z.string().min(1),
    categories: z.array(z.string().min(1)).min(2).default([...DEFAULT_CATEGORIES]),
    minIndicators: z.number().int().positive().default(1),
    source: z.string().default(""),
    caveats: z.string().default(""),
    indicators: z.array(Indicator).min(1),
    aggregation: Aggregation.default({ method: "mean-score", cuts: [1.5, 2.5, 3.5] }),
  })
  .superRefine((fw, ctx) => {
    const seen = new Set<string>();
    fw.indicators.forEach((ind, i) => {
      if (seen.has(ind.id)) {
        ctx.addIssue({ code: "custom", path: ["indicators", i, "id"], message: `duplicate indicator "${ind.id}"` });
      }
      seen.add(ind.id);
      const problem = thresholdCutsProblem(ind.scoring.cuts, ind.polarity, fw.categories.length);
      if (problem) ctx.addIssue({ code: "custom", path: ["indicators", i, "scoring", "cuts"], message: problem });
    });
    if (new Set(fw.categories).size !== fw.categories.length) {
      ctx.addIssue({ code: "custom", path: ["categories"], message: "category names must be different" });
    }
    if (fw.categories.includes(NOT_RATED)) {
      ctx.addIssue({ code: "custom", path: ["categories"], message: `"${NOT_RATED}" is reserved` });
    }
    const aggCuts = fw.aggregation.cuts;
    if (aggCuts.length !== fw.categories.length - 1) {
      ctx.addIssue({
        code: "custom",
        path: ["aggregation", "cuts"],
        message: `${fw.categories.length} categories need ${fw.categories.length - 1} cuts, got ${aggCuts.length}`,
      });
    } else if (!isStrictlyMonotone(aggCuts, "ascending")) {
      ctx.addIssue({ code: "custom", path: ["aggregation", "cuts"], message: "cuts must be strictly ascending" });
    }
  });
export type Framework = z.infer<typeof Framework>;
/** A framework as written in a file, before defaults are filled in. */
export type FrameworkInput = z.input<typeof Framework>;

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

function isStrictlyMonotone(values: readonly number[], direction: "ascending" | "descending"): boolean {
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1]!;
    const cur = values[i]!;
    if (direction === "ascending" ? !(cur > prev) : !(cur < prev)) return false;
  }
  return true;
}

/** Values given as numerator/denominator are scaled by the unit: a proportion of 0.57 is 57 "%". */
export function unitMultiplier(unit: Unit): number {
  switch (unit) {
    case "%":
      return 100;
    case "per 1000":
      return 1000;
    case "per 100000":
      return 100000;
    default:
      return 1;
  }
}

/** Units for which a numerator can never exceed its denominator (a share of a population). */
export function isShareUnit(unit: Unit): boolean {
  return unit === "%" || unit === "per 1000" || unit === "per 100000";
}
