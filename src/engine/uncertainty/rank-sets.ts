import { lookupByOrgPeriod } from "../dataset/org-period.js";
import type { Framework } from "../framework/schema.js";
import { expectedRanks } from "../stats/expected-rank.js";
import { Random } from "../stats/random.js";
import { rankIntervals, type RankIntervalKind } from "../stats/rank-intervals.js";
import type { PeriodDraws } from "./bootstrap.js";

/** One organisation's confidence set for its rank in its period's league, and its expected rank. */
export interface RankSet {
  code: string;
  period: string | null;
  rankLower: number;
  rankUpper: number;
  expectedRank: number;
}

export interface PeriodRankSets {
  period: string | null;
  /** How many organisations were ranked (those rated). */
  ranked: number;
  /** The rated organisations, in the draws' (code) order. */
  organisations: RankSet[];
}

export interface RankSetOptions {
  kind: RankIntervalKind;
  level: number;
  seed: number;
  /** The period's place in period order, which names the critical values' random stream. */
  periodIndex: number;
}

/**
 * Why a framework's organisations cannot be ranked, or null when they can. A rules aggregation gives
 * its category from counts of bands, and the weighted mean of its bands orders nothing it decides.
 */
export function rankRefusal(framework: Framework): string | null {
  return framework.aggregation.method === "rules"
    ? `framework ${framework.id} gives its categories by rules over indicator bands, with no score to rank organisations by`
    : null;
}

/**
 * A score's variance below this share of the largest is taken as none: the score did not move in the
 * draws (its values held fixed, or its bands the same in every draw). Far below any sampling variance.
 */
const FIXED_SHARE = 1e-14;
/** The random stream of the critical values, apart from the bootstrap's (which are named by draw). */
const RANK_STREAM = 0x52414e4b;

/**
 * Rank confidence sets (rankIntervals, csranks' method) for a period of a mean-score framework, whose
 * score is the 1 (best) .. N (worst) scale's weighted mean, so lower is better. The estimates are the
 * rated scores (`estimates`, in the draws' order, null when not rated: those organisations are left
 * out); their covariance is that of the bootstrap draws' scores (`draws.scores`), over the draws in
 * which every ranked organisation was rated.
 *
 * A pair whose difference has no variance (both scores fixed in every draw) is known exactly:
 * rankIntervals cannot studentise it, so every variance is given a floor of FIXED_SHARE times the
 * largest. Such a pair's difference is then either 0 (equal scores: never told apart) or, for any
 * two different scores on the scale, hundreds of floors' standard deviations, so told apart at any
 * level; and the floor is below the Cholesky factor's tolerance (1e-10 of the largest), so the fixed
 * scores add nothing random to the critical values. Every other pair's variance moves by 1e-14.
 * Expected ranks (Lingsma et al. 2009) take the draws' standard errors, with fixed pairs counted exactly.
 */
export function periodRankSets(draws: PeriodDraws, estimates: readonly (number | null)[], options: RankSetOptions): PeriodRankSets {
  if (draws.scores === null) throw new RangeError("rank sets need the draws' scores (keepScores)");
  const n = draws.codes.length;
  const ranked = estimates.flatMap((e, i) => (e === null ? [] : [i]));
  const m = ranked.length;
  const usable: number[] = [];
  for (let d = 0; d < draws.draws; d++) if (ranked.every((i) => Number.isFinite(draws.scores![d * n + i]!))) usable.push(d);
  const covariance = scoreCovariance(draws.scores, n, ranked, usable);
  const largest = Math.max(0, ...ranked.map((_, a) => covariance[a]![a]!));
  const floor = largest * FIXED_SHARE;
  for (let a = 0; a < m; a++) covariance[a]![a]! += floor;
  const values = ranked.map((i) => estimates[i]!);
  const sets =
    largest === 0
      ? exactSets(values)
      : rankIntervals({
          estimates: values,
          covariance,
          better: "lower",
          kind: options.kind,
          level: options.level,
          random: new Random(options.seed, RANK_STREAM, options.periodIndex),
        });
  const expected = expectedRanks(
    values,
    covariance.map((row, a) => (row[a]! > floor ? Math.sqrt(row[a]! - floor) : 0)),
    "lower",
  );
  return {
    period: draws.period,
    ranked: m,
    organisations: ranked.map((i, a) => ({
      code: draws.codes[i]!,
      period: draws.period,
      rankLower: sets[a]!.rankLower,
      rankUpper: sets[a]!.rankUpper,
      expectedRank: expected[a]!,
    })),
  };
}

/** The sample covariance (divisor d − 1) of the ranked organisations' scores over the given draws. */
function scoreCovariance(scores: Float64Array, n: number, ranked: readonly number[], usable: readonly number[]): number[][] {
  const m = ranked.length;
  const mean = new Float64Array(m);
  for (const d of usable) for (let a = 0; a < m; a++) mean[a]! += scores[d * n + ranked[a]!]!;
  for (let a = 0; a < m; a++) mean[a]! /= Math.max(usable.length, 1);
  const out = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  const centred = new Float64Array(m);
  for (const d of usable) {
    for (let a = 0; a < m; a++) centred[a] = scores[d * n + ranked[a]!]! - mean[a]!;
    for (let a = 0; a < m; a++) {
      const row = out[a]!;
      const ca = centred[a]!;
      for (let b = 0; b <= a; b++) row[b]! += ca * centred[b]!;
    }
  }
  const divisor = Math.max(usable.length - 1, 1);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b <= a; b++) {
      out[a]![b]! /= divisor;
      out[b]![a] = out[a]![b]!;
    }
  }
  return out;
}

/** With no score varying at all, each set is the ranks its exactly known score shares (ties together). */
function exactSets(values: readonly number[]): { rankLower: number; rankUpper: number }[] {
  return values.map((v) => ({
    rankLower: 1 + values.filter((w) => w < v).length,
    rankUpper: values.length - values.filter((w) => w > v).length,
  }));
}

/** Rank sets of a whole rating, period by period, with how they were made. */
export interface RankSets {
  kind: RankIntervalKind;
  level: number;
  draws: number;
  seed: number;
  periods: PeriodRankSets[];
}

/** An organisation's rank set, or null where it is not ranked. */
export type RankSetOf = (org: { code: string; period: string | null }) => RankSet | null;

/** Look an organisation's rank set up by code and period. */
export function rankSetOf(sets: RankSets): RankSetOf {
  return lookupByOrgPeriod(sets.periods);
}
