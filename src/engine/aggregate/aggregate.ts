import { quantilesType7 } from "../stats/quantile.js";
import type { Framework, MeanScoreAggregation } from "../framework/schema.js";
import { scaleCategories } from "../framework/categories.js";
import { categoriseMean } from "./mean-score.js";
import { applyRules } from "./rules.js";

/** One organisation's scored indicators as the aggregation sees them. */
export interface ScoredIndicators {
  /** By indicator id, in the framework's order: the band (null when unscored or when the method gives only a score). */
  bands: ReadonlyMap<string, number | null>;
  /** The weighted mean of the scores (see weightedMeans); null when too few indicators are scored. */
  mean: number | null;
}

export interface Aggregated {
  score: number | null;
  /** 0-based index into the categories; null when not rated. */
  categoryIndex: number | null;
  decidedBy: string;
  toNextCategory: number | null;
}

/**
 * Aggregate every organisation of one period. Quantile cuts of the means need all of the period's
 * rated organisations, so the whole period goes in at once.
 */
export function aggregatePeriod(framework: Framework, orgs: readonly ScoredIndicators[]): Aggregated[] {
  const need = `fewer than ${framework.minIndicators} scored`;
  const agg = framework.aggregation;
  const cuts = agg.method === "rules" ? [] : meanCuts(agg, orgs.flatMap((org) => (org.mean === null ? [] : [org.mean])));
  // A cut's category index on the scale, as an index into all the framework's categories.
  const onScale = scaleCategories(framework.categories, framework.overrides ?? []).map((c) => framework.categories.indexOf(c));
  return orgs.map((org): Aggregated => {
    const mean = org.mean;
    if (mean === null) return { score: null, categoryIndex: null, decidedBy: need, toNextCategory: null };
    if (agg.method === "rules") {
      const match = applyRules(agg.rules, agg.otherwise, org.bands);
      return { score: mean, categoryIndex: framework.categories.indexOf(match.category), decidedBy: match.decidedBy, toNextCategory: null };
    }
    const { categoryIndex, decidedBy, toNextCategory } = categoriseMean(mean, cuts);
    return { score: mean, categoryIndex: onScale[categoryIndex]!, decidedBy, toNextCategory };
  });
}

/** The cuts of a period's means: the fixed ones, or the quantiles (R type 7) of the rated organisations' means. */
export function meanCuts(agg: MeanScoreAggregation, means: readonly number[]): number[] {
  return agg.cuts ?? quantilesType7(means, agg.quantiles!.map((q) => q / 100));
}
