import { lookupByOrgPeriod } from "../dataset/org-period.js";
import type { Dataset } from "../dataset/schema.js";
import type { Framework } from "../framework/schema.js";
import { quantileType7 } from "../stats/quantile.js";
import { bootstrap, type BootstrapOptions, type PeriodDraws } from "./bootstrap.js";

/** How often the draws gave an organisation each category. */
export interface CategoryProbabilities {
  code: string;
  period: string | null;
  /** The share of draws in each of the framework's categories, best first; null when it is not rated in any draw. */
  probabilities: number[] | null;
}

/** Per category, the count across draws: its mean, and the central 95% of draws (type-7 quantiles, rounded to whole organisations). */
export interface CountInterval {
  expected: number;
  lower: number;
  upper: number;
}

export interface PeriodUncertainty {
  period: string | null;
  draws: number;
  organisations: CategoryProbabilities[];
  /** One per category, in the framework's order. */
  counts: CountInterval[];
  heldFixed: PeriodDraws["heldFixed"];
}

/** A period's draws, counted, as probabilities per organisation and count intervals per category. */
export function periodUncertainty(draws: PeriodDraws, categories: number): PeriodUncertainty {
  const K = categories;
  const N = draws.draws;
  const organisations = draws.codes.map((code, i): CategoryProbabilities => {
    const row = draws.orgCounts.subarray(i * (K + 1), (i + 1) * (K + 1));
    return { code, period: draws.period, probabilities: row[K] === N ? null : Array.from(row.subarray(0, K), (c) => c / N) };
  });
  const counts = Array.from({ length: K }, (_, k): CountInterval => {
    const perDraw = Array.from({ length: N }, (_, d) => draws.drawCounts[d * (K + 1) + k]!).sort((a, b) => a - b);
    const expected = perDraw.reduce((a, b) => a + b, 0) / N;
    return { expected, lower: Math.round(quantileType7(perDraw, 0.025)), upper: Math.round(quantileType7(perDraw, 0.975)) };
  });
  return { period: draws.period, draws: N, organisations, counts, heldFixed: draws.heldFixed };
}

/** A bootstrap of a whole rating, period by period (in period order). */
export interface Uncertainty {
  draws: number;
  seed: number;
  periods: PeriodUncertainty[];
}

/** The bootstrap of a rating as a library caller wants it: what renderRating and reportHtml take. */
export function categoryProbabilities(framework: Framework, dataset: Dataset, options: BootstrapOptions): Uncertainty {
  const periods = bootstrap(framework, dataset, options).map((d) => periodUncertainty(d, framework.categories.length));
  return { draws: options.draws, seed: options.seed, periods };
}

/** Each organisation's category probabilities, or null where it is not rated. */
export type ProbabilityOf = (org: { code: string; period: string | null }) => readonly number[] | null;

/** Look an organisation's probabilities up by code and period. */
export function probabilityOf(uncertainty: Uncertainty): ProbabilityOf {
  const find = lookupByOrgPeriod(uncertainty.periods);
  return (org) => find(org)?.probabilities ?? null;
}
