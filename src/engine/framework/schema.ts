import { z } from "zod";
import { isStrictlyMonotone, thresholdCutsProblem } from "./cuts.js";
import { DEFAULT_CATEGORIES, NOT_RATED, scaleCategories } from "./categories.js";
import { unitProblem } from "./units.js";

export const Polarity = z.enum(["higher", "lower"]);
export type Polarity = z.infer<typeof Polarity>;

/** Free text; its multiplier and how it is shown come from units.ts. */
export const Unit = z
  .string()
  .trim()
  .min(1)
  .superRefine((unit, ctx) => {
    const problem = unitProblem(unit);
    if (problem) ctx.addIssue({ code: "custom", message: `unit ${problem}` });
  });
export type Unit = z.infer<typeof Unit>;

const ThresholdsScoring = z.strictObject({
  method: z.literal("thresholds"),
  /** One cut per boundary between bands, best band's cut first. */
  cuts: z.array(z.number().finite()).min(1),
});

/** The value's confidence interval against the indicator's standard: significantly better, meets, misses, significantly worse. */
const StandardCiScoring = z.strictObject({
  method: z.literal("standard-ci"),
  statistic: z.enum(["proportion", "rate"]),
  confidence: z.union([z.literal(0.95), z.literal(0.998)]),
});

/** Bands by position among all organisations of the period: cut points at these percentiles (R type 7). */
const QuantilesScoring = z.strictObject({
  method: z.literal("quantiles"),
  percentiles: z.array(z.number().gt(0).lt(100)).min(1),
});

/** The NHS Oversight Framework 2025/26 score by rank, 1.00 (best) to 4.00 (worst); it feeds the mean as a score, not a band. */
const RankScoreScoring = z.strictObject({
  method: z.literal("rank-score"),
});

/** Spiegelhalter's z-score against the pooled national value, optionally adjusted for over-dispersion. */
const ZScoreScoring = z.strictObject({
  method: z.literal("z-score"),
  statistic: z.enum(["proportion", "ratio"]),
  overdispersion: z.enum(["none", "multiplicative", "additive"]).default("multiplicative"),
  trim: z.number().min(0).lt(0.5).default(0.1),
  /** Cuts on the polarity-adjusted z (higher is better whatever the indicator's polarity), best band's cut first. */
  cuts: z.array(z.number().finite()).min(1),
});

/** A published label (e.g. a self-assessment) mapped to a band; labels are matched ignoring case and outer spaces. */
const CategoricalScoring = z.strictObject({
  method: z.literal("categorical"),
  bands: z.record(z.string().min(1), z.number().int().positive()),
});

export const Scoring = z.discriminatedUnion("method", [
  ThresholdsScoring,
  StandardCiScoring,
  QuantilesScoring,
  RankScoreScoring,
  ZScoreScoring,
  CategoricalScoring,
]);
export type Scoring = z.infer<typeof Scoring>;
export type ScoringOf<M extends Scoring["method"]> = Extract<Scoring, { method: M }>;

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
  cuts: z.array(z.number().finite()).min(1).optional(),
  /** Instead of fixed cuts: cut at these percentiles of all organisations' means in the period (NOF 2025/26). */
  quantiles: z.array(z.number().gt(0).lt(100)).min(1).optional(),
});
export type MeanScoreAggregation = z.infer<typeof MeanScoreAggregation>;

/** Which of an organisation's scored indicators a condition looks at, and which bands it counts. */
const BandSelector = {
  /** Only these indicators (default: all of the framework's). */
  indicators: z.array(z.string()).min(1).optional(),
  band: z.number().int().positive().optional(),
  bandAtMost: z.number().int().positive().optional(),
  bandAtLeast: z.number().int().positive().optional(),
};

export type Condition =
  | { count: { indicators?: string[]; band?: number; bandAtMost?: number; bandAtLeast?: number; atLeast?: number; atMost?: number } }
  | { every: { indicators?: string[]; band?: number; bandAtMost?: number; bandAtLeast?: number } }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/**
 * The rules' condition language: `count` compares how many scored indicators are in the selected
 * bands with atLeast/atMost; `every` holds when each selected indicator is scored and in the bands;
 * `all`, `any` and `not` combine conditions.
 */
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      count: z.strictObject({ ...BandSelector, atLeast: z.number().int().nonnegative().optional(), atMost: z.number().int().nonnegative().optional() }),
    }),
    z.strictObject({ every: z.strictObject(BandSelector) }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
);

export const Rule = z.strictObject({
  /** How `decided_by` names the rule; default "rule N". */
  name: z.string().min(1).optional(),
  if: Condition,
  then: z.string().min(1),
});
export type Rule = z.infer<typeof Rule>;

/** An ordered list of rules over the counts of indicators per band: the first that holds decides. */
const RulesAggregation = z.strictObject({
  method: z.literal("rules"),
  rules: z.array(Rule).min(1),
  /** The category when no rule holds. */
  otherwise: z.string().min(1),
});

export const Aggregation = z.discriminatedUnion("method", [MeanScoreAggregation, RulesAggregation]);
export type Aggregation = z.infer<typeof Aggregation>;

const OverrideWhen = {
  column: z.string().min(1),
  equals: z.array(z.string()).min(1),
};

/**
 * Changes the category after aggregation when a column of the values file holds one of the values
 * (compared ignoring case): `capAt` makes it no better than that category (the NOF financial
 * override); `setTo` puts the organisation in that category whatever its scores (NOF segment 5, from
 * a published list). A category that only `setTo` gives is not on the aggregation's scale.
 */
export const Override = z.union([
  z.strictObject({ ...OverrideWhen, capAt: z.string().min(1) }),
  z.strictObject({ ...OverrideWhen, setTo: z.string().min(1) }),
]);
export type Override = z.infer<typeof Override>;

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
    overrides: z.array(Override).optional(),
    leagueTable: z.boolean().optional(),
  })
  .superRefine((fw, ctx) => {
    const seen = new Set<string>();
    const scale = scaleCategories(fw.categories, fw.overrides ?? []);
    fw.indicators.forEach((ind, i) => {
      if (seen.has(ind.id)) {
        ctx.addIssue({ code: "custom", path: ["indicators", i, "id"], message: `duplicate indicator "${ind.id}"` });
      }
      seen.add(ind.id);
      for (const { path, message } of scoringProblems(ind, scale.length, fw.aggregation.method)) {
        ctx.addIssue({ code: "custom", path: ["indicators", i, "scoring", ...path], message });
      }
    });
    if (new Set(fw.categories).size !== fw.categories.length) {
      ctx.addIssue({ code: "custom", path: ["categories"], message: "category names must be different" });
    }
    if (fw.categories.includes(NOT_RATED)) {
      ctx.addIssue({ code: "custom", path: ["categories"], message: `"${NOT_RATED}" is reserved` });
    }
    for (const { path, message } of aggregationProblems(fw.aggregation, fw.categories, scale.length, seen)) {
      ctx.addIssue({ code: "custom", path: ["aggregation", ...path], message });
    }
    (fw.overrides ?? []).forEach((o, i) => {
      const [key, target] = "capAt" in o ? (["capAt", o.capAt] as const) : (["setTo", o.setTo] as const);
      if (!fw.categories.includes(target)) {
        ctx.addIssue({ code: "custom", path: ["overrides", i, key], message: `"${target}" is not one of the categories` });
      }
    });
    if (scale.length < 2) {
      ctx.addIssue({ code: "custom", path: ["overrides"], message: "the scores need at least two categories that no setTo override takes" });
    }
  });
export type Framework = z.infer<typeof Framework>;
/** A framework as written in a file, before defaults are filled in. */
export type FrameworkInput = z.input<typeof Framework>;

interface Problem {
  path: (string | number)[];
  message: string;
}

function scoringProblems(ind: Indicator, categories: number, aggregation: Aggregation["method"]): Problem[] {
  const scoring = ind.scoring;
  switch (scoring.method) {
    case "thresholds": {
      const problem = thresholdCutsProblem(scoring.cuts, ind.polarity, categories);
      return problem ? [{ path: ["cuts"], message: problem }] : [];
    }
    case "standard-ci":
      return ind.standard === undefined ? [{ path: ["method"], message: `standard-ci needs the indicator's "standard"` }] : [];
    case "quantiles":
      return isStrictlyMonotone(scoring.percentiles, "ascending") ? [] : [{ path: ["percentiles"], message: "percentiles must be strictly ascending" }];
    case "rank-score":
      return aggregation === "rules"
        ? [{ path: ["method"], message: "rank-score gives a score, not a band: combine it with mean-score, not rules" }]
        : [];
    case "z-score":
      return isStrictlyMonotone(scoring.cuts, "descending")
        ? []
        : [{ path: ["cuts"], message: `cuts on the polarity-adjusted z must fall from the best band to the worst (got ${scoring.cuts.join(", ")})` }];
    case "categorical":
      return Object.keys(scoring.bands).length === 0 ? [{ path: ["bands"], message: "give at least one label" }] : [];
  }
}

/** `scaled`: how many categories the aggregation's scale has (those no setTo override takes). */
function aggregationProblems(agg: Aggregation, categories: readonly string[], scaled: number, indicatorIds: ReadonlySet<string>): Problem[] {
  if (agg.method === "rules") {
    const problems: Problem[] = [];
    agg.rules.forEach((rule, i) => {
      if (!categories.includes(rule.then)) problems.push({ path: ["rules", i, "then"], message: `"${rule.then}" is not one of the categories` });
      for (const id of conditionIndicators(rule.if)) {
        if (!indicatorIds.has(id)) problems.push({ path: ["rules", i, "if"], message: `unknown indicator "${id}"` });
      }
    });
    if (!categories.includes(agg.otherwise)) problems.push({ path: ["otherwise"], message: `"${agg.otherwise}" is not one of the categories` });
    return problems;
  }
  if ((agg.cuts === undefined) === (agg.quantiles === undefined)) {
    return [{ path: [], message: `mean-score takes either "cuts" or "quantiles"` }];
  }
  const [key, cuts] = agg.cuts !== undefined ? (["cuts", agg.cuts] as const) : (["quantiles", agg.quantiles!] as const);
  if (cuts.length !== scaled - 1) {
    return [{ path: [key], message: `${scaled} categories need ${scaled - 1} ${key}, got ${cuts.length}` }];
  }
  return isStrictlyMonotone(cuts, "ascending") ? [] : [{ path: [key], message: `${key} must be strictly ascending` }];
}

function conditionIndicators(c: Condition): string[] {
  if ("count" in c) return c.count.indicators ?? [];
  if ("every" in c) return c.every.indicators ?? [];
  if ("all" in c) return c.all.flatMap(conditionIndicators);
  if ("any" in c) return c.any.flatMap(conditionIndicators);
  return conditionIndicators(c.not);
}

