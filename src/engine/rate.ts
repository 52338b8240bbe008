import { aggregatePeriod, type Aggregated, type ScoredIndicators } from "./aggregate/aggregate.js";
import { leagueRanks } from "./aggregate/league-table.js";
import { weightedMeans } from "./aggregate/mean-score.js";
import { applyOverrides, type Capped } from "./aggregate/overrides.js";
import { bareValuesInOrder, type BareValues } from "./dataset/bare-values.js";
import { groupByPeriod } from "./dataset/period-groups.js";
import type { Dataset, Observation, OrgRecord, RecordHead } from "./dataset/schema.js";
import { error, hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import type { Framework } from "./framework/schema.js";
import { NOT_RATED } from "./framework/categories.js";
import type { Outcome } from "./scoring/outcome.js";
import { observationColumns, scoreIndicator, type IndicatorObservations, type IndicatorScores } from "./scoring/score-indicator.js";
import { compareText } from "./text-order.js";

/** What a rating gives back for one organisation, period and indicator. */
export interface IndicatorResult {
  id: string;
  value: number | null;
  /** The label as read, for categorical indicators. */
  text: string | null;
  numerator: number | null;
  denominator: number | null;
  /** 1 is the best band; null when unscored, or when the method gives a score only (rank-score). */
  band: number | null;
  /** What the aggregation averages: the band, or the method's own score on the same scale. */
  score: number | null;
  decidedBy: string | null;
  /** The value that would move this indicator up one band; null in the best band, when unscored, or when no single value does. */
  nextBandAt: number | null;
  /** The confidence interval, in the indicator's unit, for methods that compute one. */
  ciLower: number | null;
  ciUpper: number | null;
  /** The (over-dispersion adjusted) z-score, for z-score indicators. */
  z: number | null;
  /** Why the indicator is unscored, or null when it is scored. */
  unscored: string | null;
  /** The publisher's own comparison of the value with its benchmark, where the values file gives one (Fingertips). */
  comparison?: string;
}

/** National figures behind an indicator's scoring in one period. */
export interface IndicatorStatistic {
  indicator: string;
  period: string | null;
  /** The pooled value (all numerators over all denominators) in the indicator's unit; null without counts. */
  national: number | null;
  /** Over-dispersion factor and between-organisation variance, for z-score indicators. */
  phi: number | null;
  tau2: number | null;
}

export interface RatedOrg {
  code: string;
  name: string;
  period: string | null;
  indicators: IndicatorResult[];
  scored: number;
  score: number | null;
  /** 0-based index into the framework's categories; null when not rated. */
  categoryIndex: number | null;
  category: string;
  /** The cut or rule that decided the category, and any override. */
  decidedBy: string;
  toNextCategory: number | null;
  /** The override that capped the category (e.g. "capped at Segment 3 (deficit = yes)"), or null. */
  cappedBy: string | null;
  /** League-table position (with `leagueTable`): by category, then mean score; null otherwise or when not rated. */
  rank: number | null;
  /** How many organisations the league table ranks in the period (the 134 of "112 of 134"); null without a rank. */
  rankOf: number | null;
  notes: string;
}

export interface PeriodSummary {
  period: string | null;
  /** Counts per category, in the framework's order. */
  counts: number[];
  notRated: number;
  total: number;
}

export interface Summary {
  categories: string[];
  periods: PeriodSummary[];
}

export interface Rating {
  framework: Framework;
  organisations: RatedOrg[];
  summary: Summary;
  /** One entry per indicator and period, in the framework's order within each period. */
  statistics: IndicatorStatistic[];
  warnings: Diagnostic[];
}

export type RateOutcome = { ok: true; rating: Rating } | { ok: false; diagnostics: Diagnostic[] };

/** One period rated: the step rate() repeats for each period, public so that a caller can rate one period at a time. */
export interface PeriodRating {
  period: string | null;
  /** In organisation code order. */
  organisations: RatedOrg[];
  /** One per indicator, in the framework's order. */
  statistics: IndicatorStatistic[];
  summary: PeriodSummary;
  /** Every problem found in the period, errors included, unsorted. */
  diagnostics: Diagnostic[];
}

/** A period rated, each organisation's row turned into a T as it was made (see ratePeriodColumns). */
export type PeriodRatingOf<T> = Omit<PeriodRating, "organisations"> & { organisations: T[] };

/**
 * The rating engine: a framework and per-organisation observations in, one rated row per organisation
 * and period out, in a stable order (organisation code, then period) whatever the input order.
 * Every problem found is returned, not only the first.
 */
export function rate(framework: Framework, dataset: Dataset): RateOutcome {
  return collectPeriods(
    framework,
    groupByPeriod(dataset.records).map(({ period, items }) => ratePeriod(framework, period, items)),
  );
}

/**
 * Rate the records of one period, given in any order. Relative scoring and quantile cuts of the means
 * see only this period, so rating period by period gives the same results as rating them all at once.
 */
export function ratePeriod(framework: Framework, period: string | null, records: readonly OrgRecord[]): PeriodRating {
  const columns = observationColumns(framework.indicators, records);
  return ratePeriodColumns(framework, { period, records, column: (j) => columns[j]! });
}

/**
 * One period given as its records and, apart, each indicator's observations: what ratePeriod rates once
 * it has gathered them from the records. A caller that holds the values in a form of its own makes each
 * column only when asked, so that a period's observations are never all alive at once.
 */
export interface PeriodColumns {
  period: string | null;
  /** In any order; their observations, if any, are not read. */
  records: readonly RecordHead[];
  /** Indicator j's observations (framework order), in the records' order; asked for once per indicator. */
  column(j: number): readonly (Observation | undefined)[];
  /**
   * The same as bare values, or null where some observation is more than one (see BareValues): when
   * given, a rating asks for these first, and for the column only where it gets null.
   */
  bareValues?(j: number): BareValues | null;
}

/**
 * Rate one period given as columns, with the results ratePeriod gives for its records. With `each`,
 * each organisation's rated row is handed to it as soon as it is made, in organisation code order, and
 * only what it returns is kept: a caller that writes the rows as text never holds a period's results
 * all at once.
 */
export function ratePeriodColumns(framework: Framework, input: PeriodColumns): PeriodRating;
export function ratePeriodColumns<T>(framework: Framework, input: PeriodColumns, each: (org: RatedOrg) => T): PeriodRatingOf<T>;
export function ratePeriodColumns<T>(framework: Framework, input: PeriodColumns, each?: (org: RatedOrg) => T): PeriodRatingOf<T | RatedOrg> {
  const { period, records } = input;
  const order = ratingOrder(records);
  const group = order.map((i) => records[i]!);
  const diagnostics = duplicateRecords(group);
  const scores = framework.indicators.map((indicator, j) => scoreIndicator(indicator, period, observationsInOrder(input, j, order), diagnostics));
  const means = new Float64Array(group.length);
  weightedMeans(framework, scores.map((s) => scoreColumn(s.outcomes)), means);
  const aggregated = aggregatePeriod(framework, group.map((_, i) => scoredIndicators(framework, scores, i, means[i]!)));
  const placed = group.map((record, i) => placement(framework, record, aggregated[i]!));
  const ranks = framework.leagueTable ? leagueRanks(placed) : null;
  const rankOf = ranks === null ? null : ranks.filter((r) => r !== null).length;
  const organisations = group.map((record, i) => {
    const org = ratedOrg(framework, record, results(scores, i), aggregated[i]!, placed[i]!.capped, ranks === null ? null : ranks[i]!, rankOf);
    return each === undefined ? org : each(org);
  });
  return { period, organisations, statistics: scores.map((s) => s.statistic), summary: periodSummary(framework, period, placed), diagnostics };
}

/** The periods' ratings, in period order, as one rating, or every error found in any of them. */
export function collectPeriods(framework: Framework, periods: readonly PeriodRating[]): RateOutcome {
  const diagnostics = periods.flatMap((p) => p.diagnostics);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  return {
    ok: true,
    rating: {
      framework,
      organisations: periods.flatMap((p) => p.organisations).sort(byCodeThenPeriod),
      summary: { categories: [...framework.categories], periods: periods.map((p) => p.summary) },
      statistics: periods.flatMap((p) => p.statistics),
      warnings: sortDiagnostics(diagnostics),
    },
  };
}

/** Indicator j's observations, organisation k's at [k] taken from the records' [order[k]]. */
function observationsInOrder(input: PeriodColumns, j: number, order: readonly number[]): IndicatorObservations {
  const bare = input.bareValues?.(j) ?? null;
  if (bare !== null) return bareValuesInOrder(bare, order);
  const column = input.column(j);
  return order.map((i) => column[i]);
}

/** Only rules look at the bands by indicator; the means need just the scores. */
const NO_BANDS: ReadonlyMap<string, number | null> = new Map();

/** Each organisation's score, NaN where unscored, as weightedMeans reads them. */
function scoreColumn(outcomes: readonly Outcome[]): Float64Array {
  const column = new Float64Array(outcomes.length);
  for (let i = 0; i < outcomes.length; i++) {
    const outcome = outcomes[i]!;
    column[i] = outcome.kind === "scored" ? outcome.score : Number.NaN;
  }
  return column;
}

/** Organisation i's scored indicators, read from the outcomes without making its results; `mean` as weightedMeans gives it. */
function scoredIndicators(framework: Framework, scores: readonly IndicatorScores[], i: number, mean: number): ScoredIndicators {
  let bands = NO_BANDS;
  if (framework.aggregation.method === "rules") {
    const byId = new Map<string, number | null>();
    for (let j = 0; j < scores.length; j++) {
      const outcome = scores[j]!.outcomes[i]!;
      byId.set(framework.indicators[j]!.id, outcome.kind === "scored" ? outcome.band : null);
    }
    bands = byId;
  }
  return { bands, mean: Number.isNaN(mean) ? null : mean };
}

/** Organisation i's results, in the framework's order. */
function results(scores: readonly IndicatorScores[], i: number): IndicatorResult[] {
  // Filled by index, with no closure: this runs for every organisation and period.
  const out = new Array<IndicatorResult>(scores.length);
  for (let j = 0; j < scores.length; j++) out[j] = scores[j]!.result(i);
  return out;
}

/** Where an organisation is placed, any override applied: what the summary and the league table count. */
function placement(framework: Framework, record: RecordHead, aggregated: Aggregated): { categoryIndex: number | null; score: number | null; capped: Capped | null } {
  const capped = applyOverrides(framework.overrides ?? [], framework.categories, record.attributes ?? {}, aggregated.categoryIndex);
  return { categoryIndex: capped === null ? null : capped.categoryIndex, score: aggregated.score, capped };
}

// Every field in one literal, in RatedOrg's order: one object of one shape per organisation and period.
function ratedOrg(
  framework: Framework,
  record: RecordHead,
  indicators: IndicatorResult[],
  aggregated: Aggregated,
  capped: Capped | null,
  rank: number | null,
  rankOf: number | null,
): RatedOrg {
  // One pass, and the reasons' texts made only for the few unscored indicators.
  const reasons: string[] = [];
  for (let j = 0; j < indicators.length; j++) if (indicators[j]!.unscored !== null) reasons.push(`${indicators[j]!.id}: ${indicators[j]!.unscored}`);
  const scored = indicators.length - reasons.length;
  const coverage = reasons.length === 0 ? "" : `${scored} of ${indicators.length} indicators scored (${reasons.join("; ")})`;
  return {
    code: record.code,
    name: record.name,
    period: record.period,
    indicators,
    scored,
    score: aggregated.score,
    categoryIndex: capped === null ? null : capped.categoryIndex,
    category: capped === null ? NOT_RATED : framework.categories[capped.categoryIndex]!,
    decidedBy: capped === null || capped.reason === null ? aggregated.decidedBy : `${aggregated.decidedBy}; ${capped.reason}`,
    toNextCategory: capped !== null && capped.reason === null ? aggregated.toNextCategory : null,
    cappedBy: capped === null ? null : capped.reason,
    notes: capped === null ? [coverage, `not rated: ${aggregated.decidedBy}`].filter(Boolean).join("; ") : coverage,
    rank,
    rankOf: rank === null ? null : rankOf,
  };
}

/** The records' indexes in the order a period's rows are rated: sorted as indexes, the same stable order as sorting the records, so each column follows it. */
export function ratingOrder(records: readonly RecordHead[]): number[] {
  return Array.from(records.keys()).sort((a, b) => byCodeThenPeriod(records[a]!, records[b]!));
}

/** The order of a rating's rows: organisation code, then period. */
export function byCodeThenPeriod(a: { code: string; period: string | null }, b: { code: string; period: string | null }): number {
  return compareText(a.code, b.code) || compareText(a.period ?? "", b.period ?? "");
}

/** E_DUPLICATE_ORG for each record with the same organisation and period as the one before it. */
export function duplicateRecords(sorted: readonly RecordHead[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (prev.code === cur.code && prev.period === cur.period) {
      const [first, again] = (prev.origin?.line ?? 0) <= (cur.origin?.line ?? 0) ? [prev, cur] : [cur, prev];
      const when = cur.period === null ? "" : ` for period ${cur.period}`;
      const firstAt = first.origin?.line === undefined ? "" : ` (first at line ${first.origin.line})`;
      out.push(error("E_DUPLICATE_ORG", `organisation ${cur.code} appears more than once${when}${firstAt}`, again.origin));
    }
  }
  return out;
}

/** Counts per category and period, as the summary table and the JSON output give them. */
export function summarise(framework: Framework, organisations: readonly RatedOrg[]): Summary {
  return {
    categories: [...framework.categories],
    periods: groupByPeriod(organisations).map(({ period, items }) => periodSummary(framework, period, items)),
  };
}

function periodSummary(framework: Framework, period: string | null, orgs: readonly { categoryIndex: number | null }[]): PeriodSummary {
  const counts = framework.categories.map(() => 0);
  let notRated = 0;
  for (const org of orgs) {
    if (org.categoryIndex === null) notRated++;
    else counts[org.categoryIndex]!++;
  }
  return { period, counts, notRated, total: orgs.length };
}
