import { meanCuts } from "../aggregate/aggregate.js";
import { meanCategoryIndex, weightedMeans } from "../aggregate/mean-score.js";
import { applyOverrides } from "../aggregate/overrides.js";
import { applyRules } from "../aggregate/rules.js";
import { groupByPeriod } from "../dataset/period-groups.js";
import type { Dataset } from "../dataset/schema.js";
import { scaleCategories } from "../framework/categories.js";
import type { Framework } from "../framework/schema.js";
import { ratingOrder, type PeriodColumns } from "../rate.js";
import { observationColumns, scoreIndicator } from "../scoring/score-indicator.js";
import { Random, seedKey, streamKey } from "../stats/random.js";
import { scoreDraw } from "./draw-scoring.js";
import { drawObservation, indicatorSamplers, type Drawn, type IndicatorSamplers } from "./observation-sampler.js";

export interface BootstrapOptions {
  /** How many draws; each is a whole rating of the period. */
  draws: number;
  seed: number;
  /** Keep each draw's aggregated score of every organisation (see PeriodDraws.scores): what rank intervals need. */
  keepScores?: boolean;
}

/** A period's draws, counted. K is the number of the framework's categories. */
export interface PeriodDraws {
  period: string | null;
  /** The organisations in rating order (code order), as the period's rated rows. */
  codes: string[];
  draws: number;
  /** How many draws put organisation i in category k, at [i * (K + 1) + k]; k = K counts the draws it was not rated. */
  orgCounts: Uint32Array;
  /** How many organisations draw d put in category k, at [d * (K + 1) + k] (k = K: not rated). */
  drawCounts: Uint32Array;
  /**
   * With `keepScores`: organisation i's aggregated score (the weighted mean, before any override) in draw d,
   * at [d * codes.length + i], NaN when not rated. From it, each organisation's score variance and the
   * covariance between two, without a second bootstrap.
   */
  scores: Float64Array | null;
  /** Per indicator with any, how many organisations' values are held fixed (a bare value with no standard error or interval). */
  heldFixed: { indicator: string; organisations: number }[];
}

/**
 * The whole rating drawn again and again: a parametric bootstrap of the framework's categories. In
 * draw d (1..N) every observation is drawn from its sampling distribution (see indicatorSamplers) with
 * the stream named by (seed, d, period, indicator, organisation), so any draw can be made anywhere and
 * gives the same numbers; then the draw is scored (relative methods from the draw's values),
 * aggregated and overridden as the rating is, and each organisation's category counted.
 */
export function bootstrap(framework: Framework, dataset: Dataset, options: BootstrapOptions): PeriodDraws[] {
  return groupByPeriod(dataset.records).map(({ period, items }, p) => {
    const columns = observationColumns(framework.indicators, items);
    return bootstrapPeriod(framework, { period, records: items, column: (j) => columns[j]! }, p, options);
  });
}

/** One period's draws; `periodIndex` is its place in period order, which names its streams. */
export function bootstrapPeriod(framework: Framework, input: PeriodColumns, periodIndex: number, options: BootstrapOptions): PeriodDraws {
  const plan = planPeriod(framework, input);
  return periodDraws(framework, plan, options, [drawRange(framework, plan, periodIndex, options, 0, options.draws)]);
}

/**
 * What does not change from draw to draw, worked out once: plain data and typed arrays, so that it can
 * go to another thread, which draws a range of the draws with it (drawRange).
 */
export interface PeriodPlan {
  period: string | null;
  codes: string[];
  samplers: IndicatorSamplers[];
  /** Organisation i's category once overridden, for each aggregated category k (k = K: not rated), at [i * (K + 1) + k]; K again when it stays not rated. */
  overridden: Uint16Array;
}

export function planPeriod(framework: Framework, input: PeriodColumns): PeriodPlan {
  const order = ratingOrder(input.records);
  const group = order.map((i) => input.records[i]!);
  const samplers = framework.indicators.map((indicator, j) => {
    const column = input.column(j);
    const sorted = order.map((i) => column[i]);
    return indicatorSamplers(indicator, sorted, scoreIndicator(indicator, input.period, sorted, []).outcomes);
  });
  const K = framework.categories.length;
  const overridden = new Uint16Array(group.length * (K + 1));
  group.forEach((record, i) => {
    for (let k = 0; k <= K; k++) {
      const capped = applyOverrides(framework.overrides ?? [], framework.categories, record.attributes ?? {}, k === K ? null : k);
      overridden[i * (K + 1) + k] = capped === null ? K : capped.categoryIndex;
    }
  });
  return { period: input.period, codes: group.map((r) => r.code), samplers, overridden };
}

/** Draws [from, to) of a period, counted: PeriodDraws' arrays for those draws alone. */
export interface DrawRange {
  from: number;
  to: number;
  orgCounts: Uint32Array;
  /** Draw from + t at [t * (K + 1) + k]. */
  drawCounts: Uint32Array;
  scores: Float64Array | null;
}

/** The ranges' counts put together (in any order: each draw is counted in exactly one). */
export function periodDraws(framework: Framework, plan: PeriodPlan, options: BootstrapOptions, ranges: readonly DrawRange[]): PeriodDraws {
  const K = framework.categories.length;
  const n = plan.codes.length;
  const out: PeriodDraws = {
    period: plan.period,
    codes: plan.codes,
    draws: options.draws,
    orgCounts: new Uint32Array(n * (K + 1)),
    drawCounts: new Uint32Array(options.draws * (K + 1)),
    scores: options.keepScores ? new Float64Array(options.draws * n) : null,
    heldFixed: framework.indicators.flatMap((ind, j) => (plan.samplers[j]!.heldFixed > 0 ? [{ indicator: ind.id, organisations: plan.samplers[j]!.heldFixed }] : [])),
  };
  for (const r of ranges) {
    for (let x = 0; x < r.orgCounts.length; x++) out.orgCounts[x]! += r.orgCounts[x]!;
    out.drawCounts.set(r.drawCounts, r.from * (K + 1));
    if (out.scores !== null && r.scores !== null) out.scores.set(r.scores, r.from * n);
  }
  return out;
}

/** Draws [from, to) of a period, counted; the arrays each draw fills are made once and reused. */
export function drawRange(framework: Framework, plan: PeriodPlan, periodIndex: number, options: BootstrapOptions, from: number, to: number): DrawRange {
  const n = plan.codes.length;
  const m = framework.indicators.length;
  const K = framework.categories.length;
  const out: DrawRange = {
    from,
    to,
    orgCounts: new Uint32Array(n * (K + 1)),
    drawCounts: new Uint32Array((to - from) * (K + 1)),
    scores: options.keepScores ? new Float64Array((to - from) * n) : null,
  };
  const values = new Float64Array(n);
  const numerators = new Float64Array(n);
  const bands = framework.indicators.map(() => new Float64Array(n));
  const scores = framework.indicators.map(() => new Float64Array(n));
  const means = new Float64Array(n);
  const aggregate = aggregator(framework);
  const random = new Random(options.seed);
  const drawn: Drawn = { value: 0, numerator: 0 };
  const base = seedKey(options.seed);
  for (let d = from; d < to; d++) {
    // Draws are numbered from 1 in their streams, as the method states them.
    const periodKey = streamKey(streamKey(base, d + 1), periodIndex);
    for (let j = 0; j < m; j++) {
      const s = plan.samplers[j]!;
      const indicatorKey = streamKey(periodKey, j);
      for (let i = 0; i < n; i++) {
        drawObservation(s, i, random, streamKey(indicatorKey, i), drawn);
        values[i] = drawn.value;
        numerators[i] = drawn.numerator;
      }
      scoreDraw(framework.indicators[j]!, s, values, numerators, bands[j]!, scores[j]!);
    }
    weightedMeans(framework, scores, means);
    const categoryOf = aggregate(means, bands);
    const row = (d - from) * (K + 1);
    for (let i = 0; i < n; i++) {
      const k = plan.overridden[i * (K + 1) + categoryOf(i)]!;
      out.orgCounts[i * (K + 1) + k]!++;
      out.drawCounts[row + k]!++;
    }
    out.scores?.set(means, (d - from) * n);
  }
  return out;
}

/**
 * How a draw's means (and, for rules, bands) become each organisation's category before overrides, K
 * when not rated: aggregatePeriod's decisions without its texts. Given a draw, it gives organisation
 * i's category; quantile cuts of the means are taken then, from that draw's means.
 */
function aggregator(framework: Framework): (means: Float64Array, bands: readonly Float64Array[]) => (i: number) => number {
  const K = framework.categories.length;
  const agg = framework.aggregation;
  if (agg.method === "rules") {
    const index = new Map(framework.categories.map((c, k) => [c, k]));
    const ids = framework.indicators.map((ind) => ind.id);
    const held = new Map<string, number | null>();
    return (means, bands) => (i) => {
      if (Number.isNaN(means[i]!)) return K;
      for (let j = 0; j < ids.length; j++) {
        const band = bands[j]![i]!;
        held.set(ids[j]!, Number.isNaN(band) ? null : band);
      }
      return index.get(applyRules(agg.rules, agg.otherwise, held).category)!;
    };
  }
  const onScale = scaleCategories(framework.categories, framework.overrides ?? []).map((c) => framework.categories.indexOf(c));
  return (means) => {
    const cuts = agg.cuts ?? meanCuts(agg, Array.from(means).filter((x) => !Number.isNaN(x)));
    return (i) => {
      const mean = means[i]!;
      return Number.isNaN(mean) ? K : onScale[meanCategoryIndex(mean, cuts)]!;
    };
  };
}
