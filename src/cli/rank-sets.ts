import { orgPeriodKey } from "../engine/dataset/org-period.js";
import type { Rating } from "../engine/rate.js";
import { quantileType7 } from "../engine/stats/quantile.js";
import type { RankIntervalKind } from "../engine/stats/rank-intervals.js";
import { periodUncertainty, type PeriodUncertainty, type Uncertainty } from "../engine/uncertainty/category-probabilities.js";
import { periodRankSets, rankRefusal, type PeriodRankSets, type RankSets } from "../engine/uncertainty/rank-sets.js";
import { bootstrapPeriodThreaded } from "./bootstrap-threads.js";
import { UsageError } from "./failures.js";
import type { Inputs } from "./inputs.js";
import type { UncertaintyFlags } from "./uncertainty.js";

/** csranks' default coverage. */
const RANK_LEVEL = 0.95;

/**
 * One bootstrap of the rating, keeping each draw's scores, serving both the category probabilities
 * (when asked for) and the rank sets: the same draws as --uncertainty alone makes.
 */
export async function drawnWithRanks(
  inputs: Inputs,
  rating: Rating,
  flags: UncertaintyFlags & { rankIntervals: RankIntervalKind },
): Promise<{ uncertainty: Uncertainty | undefined; rankSets: RankSets }> {
  const refusal = rankRefusal(inputs.framework);
  if (refusal !== null) throw new UsageError(`--rank-intervals: ${refusal}`);
  const scores = new Map(rating.organisations.map((o) => [orgPeriodKey(o.code, o.period), o.score]));
  const probabilities: PeriodUncertainty[] = [];
  const sets: PeriodRankSets[] = [];
  let index = 0;
  for (const period of inputs.periods()) {
    const periodIndex = index++;
    const draws = await bootstrapPeriodThreaded(inputs.framework, period, periodIndex, { draws: flags.draws, seed: flags.seed, keepScores: true }, flags.threads);
    if (flags.uncertainty) probabilities.push(periodUncertainty(draws, inputs.framework.categories.length));
    const estimates = draws.codes.map((code) => scores.get(orgPeriodKey(code, draws.period)) ?? null);
    sets.push(periodRankSets(draws, estimates, { kind: flags.rankIntervals, level: RANK_LEVEL, seed: flags.seed, periodIndex }));
  }
  return {
    uncertainty: flags.uncertainty ? { draws: flags.draws, seed: flags.seed, periods: probabilities } : undefined,
    rankSets: { kind: flags.rankIntervals, level: RANK_LEVEL, draws: flags.draws, seed: flags.seed, periods: sets },
  };
}

/** The summary's line about the sets: their median width, and how many cover the whole league. */
export function rankSetsNote(sets: RankSets): string {
  const widths: number[] = [];
  let whole = 0;
  let ranked = 0;
  for (const p of sets.periods) {
    ranked += p.organisations.length;
    for (const o of p.organisations) {
      widths.push(o.rankUpper - o.rankLower + 1);
      if (o.rankLower === 1 && o.rankUpper === p.ranked) whole++;
    }
  }
  widths.sort((a, b) => a - b);
  const median = widths.length === 0 ? 0 : quantileType7(widths, 0.5);
  return `${Math.round(sets.level * 100)}% ${sets.kind} confidence sets for the ranks of ${ranked} organisations (${sets.draws} draws, seed ${sets.seed}): median ${median} ranks wide; ${whole} cover the whole league\n`;
}
