import { measure } from "../dataset/measure.js";
import type { Observation } from "../dataset/schema.js";
import type { Indicator } from "../framework/schema.js";
import { isShareUnit, unitMultiplier } from "../framework/units.js";
import type { Outcome } from "../scoring/outcome.js";
import { zForConfidence } from "../stats/normal.js";
import type { Random } from "../stats/random.js";

/** How an observation is drawn. */
export const SAMPLER = { unscored: 0, fixed: 1, proportion: 2, count: 3, normal: 4 } as const;

/**
 * One indicator's observations in one period as the bootstrap draws them, organisation i at [i], in
 * rating order: worked out once, so that a draw only reads numbers.
 */
export interface IndicatorSamplers {
  kind: Uint8Array;
  /** proportion: the Beta's first shape; count: the Gamma's shape; normal: the mean; fixed: the value (a label's band). */
  a: Float64Array;
  /** proportion: the Beta's second shape; normal: the standard deviation. */
  b: Float64Array;
  /** proportion and count: the denominator, which a draw keeps. */
  denominator: Float64Array;
  multiplier: number;
  /** Values held fixed because they came with neither a standard error nor an interval (labels are not counted). */
  heldFixed: number;
}

/** The 95% interval's half-width in standard errors, for a value given with its interval. */
const Z95 = zForConfidence(0.95);

/**
 * Each organisation's sampling distribution, from its observation and the base rating's outcome (an
 * indicator unscored there stays unscored in every draw: what is missing does not come and go).
 * Counts are drawn from their Jeffreys posteriors, the reference priors of a binomial proportion and a
 * Poisson mean (Jeffreys 1946; Brown, Cai & DasGupta, Statistical Science 16(2), 2001, for the
 * proportion's interval): p ~ Beta(r + 1/2, n - r + 1/2), so that 0 of n and n of n still vary, and a
 * count's mean ~ Gamma(r + 1/2). A proportion is a share unit's fraction (or a method's `proportion`
 * statistic), anything else a Poisson count over its denominator. A bare value with a standard error,
 * or a 95% interval (se = width / 2z), is Normal; a bare value with neither is held fixed.
 */
export function indicatorSamplers(indicator: Indicator, column: readonly (Observation | undefined)[], outcomes: readonly Outcome[]): IndicatorSamplers {
  const n = outcomes.length;
  const s: IndicatorSamplers = {
    kind: new Uint8Array(n),
    a: new Float64Array(n),
    b: new Float64Array(n),
    denominator: new Float64Array(n),
    multiplier: unitMultiplier(indicator.unit),
    heldFixed: 0,
  };
  const statistic = "statistic" in indicator.scoring ? indicator.scoring.statistic : null;
  const share = statistic === null ? isShareUnit(indicator.unit) : statistic === "proportion";
  for (let i = 0; i < n; i++) {
    const outcome = outcomes[i]!;
    if (outcome.kind === "unscored") continue;
    if (indicator.scoring.method === "categorical") {
      s.kind[i] = SAMPLER.fixed;
      s.a[i] = outcome.score;
      continue;
    }
    const obs = column[i]!;
    const { numerator: r, denominator: den } = obs;
    if (r !== undefined && den !== undefined) {
      const proportion = share && r <= den;
      s.kind[i] = proportion ? SAMPLER.proportion : SAMPLER.count;
      s.a[i] = r + 0.5;
      s.b[i] = proportion ? den - r + 0.5 : 0;
      s.denominator[i] = den;
      continue;
    }
    const m = measure(indicator, obs);
    const value = m.kind === "value" ? m.value : Number.NaN;
    const se = obs.se ?? (obs.ciLower !== undefined && obs.ciUpper !== undefined ? (obs.ciUpper - obs.ciLower) / (2 * Z95) : undefined);
    s.a[i] = value;
    if (se === undefined) {
      s.kind[i] = SAMPLER.fixed;
      s.heldFixed++;
    } else {
      s.kind[i] = SAMPLER.normal;
      s.b[i] = se;
    }
  }
  return s;
}

/** One draw of an observation: its value in the indicator's unit and, for counts, the numerator it stands for. */
export interface Drawn {
  value: number;
  /** NaN when the observation has no counts. */
  numerator: number;
}

/**
 * Draw organisation i's observation into `out`, from the stream `key` (see streamKey). Each observation
 * has a stream of its own, so a larger numerator draws from the same underlying numbers (common random
 * numbers) and moves the draw one way, nearly always: a Gamma draw is monotone in its shape when the
 * Marsaglia-Tsang proposal is accepted at the same try, which it is in all but a few per cent of draws.
 */
export function drawObservation(s: IndicatorSamplers, i: number, random: Random, key: number, out: Drawn): void {
  switch (s.kind[i]) {
    case SAMPLER.proportion: {
      random.restart(key);
      const x = random.gamma(s.a[i]!);
      const p = x / (x + random.gamma(s.b[i]!));
      out.value = p * s.multiplier;
      out.numerator = p * s.denominator[i]!;
      return;
    }
    case SAMPLER.count: {
      random.restart(key);
      const mean = random.gamma(s.a[i]!);
      out.value = (mean * s.multiplier) / s.denominator[i]!;
      out.numerator = mean;
      return;
    }
    case SAMPLER.normal:
      random.restart(key);
      out.value = s.a[i]! + s.b[i]! * random.normal();
      out.numerator = Number.NaN;
      return;
    default:
      out.value = s.a[i]!;
      out.numerator = Number.NaN;
  }
}
