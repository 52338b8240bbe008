import type { Interval } from "./interval.js";
import { normalQuantile } from "./normal.js";
import { poissonInterval } from "./poisson-interval.js";

/** PHE's funnel-plot significance labels (PHEindicatormethods phe_funnel_significance). */
export type FunnelSignificance = "Low (0.001)" | "Low (0.025)" | "High (0.001)" | "High (0.025)" | "Not significant";

export type FunnelSide = "low" | "high";

/**
 * PHE's `sigma_adjustment`: the proportion at population N whose Wilson interval at the
 * two-sided level implied by p (0.975 for 2σ, 0.999 for 3σ) just reaches the average proportion,
 * i.e. the funnel line, times the multiplier. Unclamped: it can fall below 0 or above 1 for small N.
 */
export function sigmaAdjustment(
  p: number,
  population: number,
  averageProportion: number,
  side: FunnelSide,
  multiplier = 1,
): number {
  const q2 = normalQuantile(p) ** 2;
  const av = averageProportion;
  const n = population;
  const first = av * (n / q2 + 1);
  const adj = Math.sqrt(
    (-8 * av * (n / q2 + 1)) ** 2 - 64 * (1 / q2 + 1 / n) * av * (n * (av * (n / q2 + 2) - 1) + q2 * (av - 1)),
  );
  const last = 1 / q2 + 1 / n;
  const limit = side === "low" ? (first - adj / 8) / last : (first + adj / 8) / last;
  return (limit / n) * multiplier;
}

export interface ProportionFunnelLimits {
  lower2s: number;
  upper2s: number;
  lower3s: number;
  upper3s: number;
  baseline: number;
}

/**
 * Funnel lines for a proportion at one population, on the multiplier's scale (default 100, a
 * percentage), as in PHE's phe_funnels table. Lower lines are clamped at 0 and upper lines at 100.
 * Quirk kept from PHE: the upper clamp is 100 whatever the multiplier, so with multiplier 1 it never
 * bites and with multiplier 1000 it cuts lines that are still valid.
 */
export function proportionFunnelLimits(
  population: number,
  averageProportion: number,
  multiplier = 100,
): ProportionFunnelLimits {
  const line = (p: number, side: FunnelSide): number =>
    sigmaAdjustment(p, population, averageProportion, side, multiplier);
  return {
    lower2s: Math.max(0, line(0.975, "low")),
    upper2s: Math.min(100, line(0.975, "high")),
    lower3s: Math.max(0, line(0.999, "low")),
    upper3s: Math.min(100, line(0.999, "high")),
    baseline: averageProportion * multiplier,
  };
}

/**
 * Significance of one proportion x/n against the funnel around the average proportion (ΣO/Σn
 * over all units), compared on the unit scale with unclamped lines, in PHE's order: the 0.001
 * tests before the 0.025 tests, low before high.
 */
export function assignFunnelSignificance(
  numerator: number,
  denominator: number,
  averageProportion: number,
): FunnelSignificance {
  if (numerator < 0) throw new RangeError(`numerator must be >= 0, got ${numerator}`);
  if (denominator <= 0) throw new RangeError(`denominator must be > 0, got ${denominator}`);
  if (numerator > denominator) {
    throw new RangeError(`numerator ${numerator} exceeds denominator ${denominator} for a proportion`);
  }
  const value = numerator / denominator;
  const line = (p: number, side: FunnelSide): number => sigmaAdjustment(p, denominator, averageProportion, side);
  if (value < line(0.999, "low")) return "Low (0.001)";
  if (value < line(0.975, "low")) return "Low (0.025)";
  if (value > line(0.999, "high")) return "High (0.001)";
  if (value > line(0.975, "high")) return "High (0.025)";
  return "Not significant";
}

/**
 * Significance of an observed count O against an expected count E (PHE statistic "ratio").
 * The interval for O is exact below 10 events and Byar's from 10 (as for rates), divided by E,
 * and the target (1 for a ratio) is tested against it at 99.8% and then 95%. For PHE's "rate"
 * statistic pass E = derived denominator and target = the weighted average rate per unit.
 */
export function assignRatioFunnelSignificance(observed: number, expected: number, target = 1): FunnelSignificance {
  if (observed < 0) throw new RangeError(`observed must be >= 0, got ${observed}`);
  if (expected <= 0) throw new RangeError(`expected must be > 0, got ${expected}`);
  const interval = (confidence: number): Interval => {
    const counts = poissonInterval(observed, confidence);
    return { lower: counts.lower / expected, upper: counts.upper / expected };
  };
  const wide = interval(0.998);
  const narrow = interval(0.95);
  if (target < wide.lower) return "High (0.001)";
  if (target < narrow.lower) return "High (0.025)";
  if (target > wide.upper) return "Low (0.001)";
  if (target > narrow.upper) return "Low (0.025)";
  return "Not significant";
}

/** The tail probabilities of PHE's funnel lines: 0.025 for the 2σ (95%) lines, 0.001 for 3σ (99.8%). */
export const TWO_SIGMA_TAIL = 0.025;
export const THREE_SIGMA_TAIL = 0.001;

/** dv at which PHE (and Fingertips' PoisLow/PoisHigh) stop bisecting; see poissonFunnelMean. */
const BISECTION_STOP = 1e-7;
/** The series is stopped once past the mean and the next term is below this fraction of the total. */
const SERIES_STOP = 1e-10;
/** The running sums are scaled down by this factor whenever the total passes it, to avoid overflow. */
const RESCALE_AT = 1e30;

/**
 * P(from <= K <= to) for K ~ Poisson(mean), computed the way PHE's funnel code and Fingertips'
 * PoisLow/PoisHigh do: the terms mean^k/k! are summed from k = 0 without the e^-mean factor, and the
 * in-range sum is divided by the running total at the end. Stopping once a term falls below 1e-10
 * of the total drops a tail of that absolute size, which is a relative error of up to ~1e-7 in a
 * small upper-tail probability such as P(K >= 328 | 274.87) ≈ 0.001. It is kept because that error
 * flips some bisection steps in poissonFunnelMean, and so shows in PHE's published funnel tables
 * (the 99.8% line for 328 events moves by 5e-7 relative).
 */
function truncatedPoissonProbability(mean: number, from: number, to: number): number {
  let term = 1;
  let total = 0;
  let inRange = 0;
  for (let k = 0; k <= mean || term > total * SERIES_STOP; ) {
    total += term;
    if (k >= from && k <= to) inRange += term;
    if (total > RESCALE_AT) {
      total /= RESCALE_AT;
      inRange /= RESCALE_AT;
      term /= RESCALE_AT;
    }
    k += 1;
    term *= mean / k;
  }
  return inRange / total;
}

/**
 * The Poisson mean λ at which an observed count sits exactly on a funnel line: for bound "upper",
 * P(K <= observed | λ) = tail (λ is the upper confidence limit for the count); for "lower",
 * P(K >= observed | λ) = tail (the lower limit; 0 events give λ → 0).
 *
 * This reproduces PHE's published funnel tables, not the exact quantile (poissonExact and
 * gammaQuantile give that): PHE bisects v in (0, 1), with λ = (1 + observed)·v/(1 − v), halving
 * the step from 0.25 while it exceeds 1e-7, and evaluates the probabilities with a truncated series
 * (truncatedPoissonProbability). Its λ therefore differs from the exact limit: by the bisection's
 * resolution in v, 2^-24, which is (1 + observed)·2^-24/(1 − v)² in λ and so large relative to very
 * small λ (about 1e-4 for the 99.8% lower limit of 1 event, λ ≈ 0.001), and by up to about 5e-7
 * relative through the series truncation. Neither is visible on a funnel plot.
 */
export function poissonFunnelMean(observed: number, tail: number, bound: "lower" | "upper"): number {
  if (!(observed >= 0)) throw new RangeError(`observed must be >= 0, got ${observed}`);
  const meanAt = (v: number): number => ((1 + observed) * v) / (1 - v);
  const tooHigh = (lambda: number): boolean =>
    bound === "lower"
      ? truncatedPoissonProbability(lambda, observed, Number.POSITIVE_INFINITY) > tail
      : truncatedPoissonProbability(lambda, 0, observed) < tail;
  let v = 0.5;
  let dv = 0.5;
  while (dv > BISECTION_STOP) {
    dv /= 2;
    v += tooHigh(meanAt(v)) ? -dv : dv;
  }
  return meanAt(v);
}

export interface RatioFunnelRow {
  /** Expected count at which `observed` lies on the lower 2σ line, and the ratio O/E there. */
  lower2sExpected: number;
  lower2sRatio: number;
  upper2sExpected: number;
  upper2sRatio: number;
  lower3sExpected: number;
  lower3sRatio: number;
  upper3sExpected: number;
  upper3sRatio: number;
}

/**
 * One row of PHE's ratio funnel table, indexed by the observed count: a unit with this many events
 * is on the lower line when its expected count is the exact upper limit for the count, and on the
 * upper line when it is the exact lower limit. Ratios are O/E; PHE's "count" table shows O/E − 1 and
 * its "isr" table 100·O/E.
 */
export function ratioFunnelRow(observed: number): RatioFunnelRow {
  const lower2sExpected = poissonFunnelMean(observed, TWO_SIGMA_TAIL, "upper");
  const upper2sExpected = poissonFunnelMean(observed, TWO_SIGMA_TAIL, "lower");
  const lower3sExpected = poissonFunnelMean(observed, THREE_SIGMA_TAIL, "upper");
  const upper3sExpected = poissonFunnelMean(observed, THREE_SIGMA_TAIL, "lower");
  return {
    lower2sExpected,
    lower2sRatio: observed / lower2sExpected,
    upper2sExpected,
    upper2sRatio: observed / upper2sExpected,
    lower3sExpected,
    lower3sRatio: observed / lower3sExpected,
    upper3sExpected,
    upper3sRatio: observed / upper3sExpected,
  };
}

export interface RateFunnelRow {
  /** Population per year at which `events` lies on the lower 2σ line, and the rate there. */
  lower2sPopulationPerYear: number;
  lower2sRate: number;
  upper2sPopulationPerYear: number;
  upper2sRate: number;
  lower3sPopulationPerYear: number;
  lower3sRate: number;
  upper3sPopulationPerYear: number;
  upper3sRate: number;
  baseline: number;
}

/**
 * One row of PHE's rate funnel table, indexed by the number of events: the ratio funnel scaled by
 * the average rate per unit of population (Σevents / Σdenominator). Rates are per `multiplier`;
 * populations are per year of data, as PHE plots them.
 */
export function rateFunnelRow(
  events: number,
  averageRate: number,
  multiplier: number,
  yearsOfData: number,
): RateFunnelRow {
  const ratio = ratioFunnelRow(events);
  const population = (expected: number): number => expected / averageRate;
  const rate = (expected: number): number => (events / population(expected)) * multiplier;
  return {
    lower2sPopulationPerYear: population(ratio.lower2sExpected) / yearsOfData,
    lower2sRate: rate(ratio.lower2sExpected),
    upper2sPopulationPerYear: population(ratio.upper2sExpected) / yearsOfData,
    upper2sRate: rate(ratio.upper2sExpected),
    lower3sPopulationPerYear: population(ratio.lower3sExpected) / yearsOfData,
    lower3sRate: rate(ratio.lower3sExpected),
    upper3sPopulationPerYear: population(ratio.upper3sExpected) / yearsOfData,
    upper3sRate: rate(ratio.upper3sExpected),
    baseline: averageRate * multiplier,
  };
}
