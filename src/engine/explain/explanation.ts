import { holds } from "../aggregate/rules.js";
import { valueCuts } from "../framework/bands.js";
import type { Framework } from "../framework/schema.js";
import type { IndicatorResult, RatedOrg, Rating } from "../rate.js";
import { nearestTexts } from "../text-distance.js";

export interface IndicatorExplanation extends IndicatorResult {
  label: string;
  polarity: Framework["indicators"][number]["polarity"];
  unit: string;
  weight: number;
  cuts: number[];
  /** How much the mean score would fall if this indicator were one band better (0 when unscored or in band 1). */
  meanGainPerBand: number;
}

/** A rule of a rules aggregation, and whether it held for this organisation. */
export interface RuleCheck {
  name: string;
  then: string;
  held: boolean;
}

export interface Explanation {
  code: string;
  name: string;
  period: string | null;
  indicators: IndicatorExplanation[];
  scored: number;
  minIndicators: number;
  score: number | null;
  aggregationCuts: number[];
  /** How the aggregate is formed, so a reader is not told a mean decided when rules did. */
  aggregation: "mean" | "rules";
  /** For a rules aggregation: every rule in order (the first that holds decides), then the fallback. */
  rules: RuleCheck[] | null;
  otherwise: string | null;
  category: string;
  categoryIndex: number | null;
  decidedBy: string;
  cappedBy: string | null;
  /** The category one up, or null in the best category or when not rated. */
  nextCategory: string | null;
  toNextCategory: number | null;
  /** League-table place and how many are ranked, with `leagueTable`; null otherwise. */
  rank: number | null;
  rankOf: number | null;
}

export type ExplainOutcome =
  | { ok: true; explanations: Explanation[] }
  | { ok: false; problem: "unknown-org"; nearest: string[] }
  | { ok: false; problem: "unknown-period"; periods: string[] };

const SUGGESTIONS = 3;

/** One organisation's rating, step by step, in every period it was rated in or in the one asked for. */
export function explain(rating: Rating, code: string, period: string | null): ExplainOutcome {
  const own = rating.organisations.filter((o) => o.code === code);
  if (own.length === 0) {
    return { ok: false, problem: "unknown-org", nearest: nearestTexts(code, rating.organisations.map((o) => o.code), SUGGESTIONS) };
  }
  const chosen = period === null ? own : own.filter((o) => o.period === period);
  if (chosen.length === 0) return { ok: false, problem: "unknown-period", periods: own.map((o) => o.period ?? "") };
  return { ok: true, explanations: chosen.map((org) => explainOrg(rating.framework, org)) };
}

function explainOrg(framework: Framework, org: RatedOrg): Explanation {
  const scoredWeight = framework.indicators.reduce((sum, ind, i) => sum + (org.indicators[i]!.score === null ? 0 : ind.weight), 0);
  const indicators = framework.indicators.map((ind, i) => {
    const result = org.indicators[i]!;
    const canImprove = result.band !== null && result.band > 1;
    return {
      ...result,
      label: ind.label,
      polarity: ind.polarity,
      unit: ind.unit,
      weight: ind.weight,
      cuts: valueCuts(ind),
      meanGainPerBand: canImprove ? ind.weight / scoredWeight : 0,
    };
  });
  const index = org.categoryIndex;
  const agg = framework.aggregation;
  const bands = new Map(framework.indicators.map((ind, i) => [ind.id, org.indicators[i]!.band]));
  const rules =
    agg.method === "rules" ? agg.rules.map((rule, i) => ({ name: rule.name ?? `rule ${i + 1}`, then: rule.then, held: holds(rule.if, bands) })) : null;
  return {
    code: org.code,
    name: org.name,
    period: org.period,
    indicators,
    scored: org.scored,
    minIndicators: framework.minIndicators,
    score: org.score,
    // Rules have no cuts; quantile cuts depend on the period's other organisations, and decidedBy states them.
    aggregationCuts: agg.method === "mean-score" ? [...(agg.cuts ?? [])] : [],
    aggregation: agg.method === "rules" ? "rules" : "mean",
    rules,
    otherwise: agg.method === "rules" ? agg.otherwise : null,
    category: org.category,
    categoryIndex: index,
    decidedBy: org.decidedBy,
    cappedBy: org.cappedBy,
    nextCategory: index === null || index === 0 ? null : framework.categories[index - 1]!,
    toNextCategory: org.toNextCategory,
    rank: org.rank,
    rankOf: org.rankOf,
  };
}
