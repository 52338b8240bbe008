import { BARE, bareMissing, type BareValues } from "../dataset/bare-values.js";
import { measure } from "../dataset/measure.js";
import type { Observation, OrgRecord } from "../dataset/schema.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Indicator } from "../framework/schema.js";
import { unitMultiplier } from "../framework/units.js";
import type { IndicatorResult, IndicatorStatistic } from "../rate.js";
import { scoreByLabel } from "./categorical.js";
import type { Measured, Outcome } from "./outcome.js";
import { withBareValues, withValues } from "./outcome.js";
import { scoreByQuantiles } from "./quantiles.js";
import { scoreByRank } from "./rank-score.js";
import { scoreAgainstStandard } from "./standard-ci.js";
import { cutText, nextBandTarget, thresholdBand } from "./thresholds.js";
import { scoreByZ } from "./z-score.js";

/**
 * One indicator scored for every organisation of a period, in the records' order. The results are
 * made one at a time when asked, so that they die young instead of living as long as the period
 * (bench/README.md, "Figures behind the source's comments").
 */
export interface IndicatorScores {
  /** What the method said of each organisation: all that aggregation reads. */
  outcomes: readonly Outcome[];
  /** Organisation i's result, a new object each time. */
  result(i: number): IndicatorResult;
  statistic: IndicatorStatistic;
}

/** One indicator's observations for a period's organisations: as objects, or as bare values where each is one. */
export type IndicatorObservations = readonly (Observation | undefined)[] | BareValues;

/**
 * Score one indicator for every organisation of one period. Relative methods (quantiles, rank-score,
 * z-score) see the whole period at once; the others score each organisation on its own.
 */
export function scoreIndicator(indicator: Indicator, period: string | null, observations: IndicatorObservations, diagnostics: Diagnostic[]): IndicatorScores {
  const bare = isBare(observations) ? observations : null;
  const objects = isBare(observations) ? null : observations;
  // Bare values become Measured objects only for the methods that read those: thresholds, the common
  // method, reads the numbers where they are (a GP-level period has 150,000).
  const measuredItems = objects === null ? null : measuredObservations(indicator, objects, diagnostics);
  const items = () => measuredItems ?? measuredBare(bare!);
  const scoring = indicator.scoring;
  let phi: number | null = null;
  let tau2: number | null = null;
  let outcomes: Outcome[];
  switch (scoring.method) {
    case "thresholds": {
      // The outcome depends on the band alone, so each band's is made once and shared by every
      // organisation in it: a million equal objects (and strings) otherwise.
      const byBand = [...scoring.cuts, null].map((_, i): Outcome => {
        const band = i + 1;
        return { kind: "scored", band, score: band, decidedBy: cutText(band, scoring.cuts, indicator.polarity), nextBandAt: nextBandTarget(band, scoring.cuts) };
      });
      const banded = (value: number) => byBand[thresholdBand(value, scoring.cuts, indicator.polarity) - 1]!;
      outcomes = bare === null ? withValues(items(), banded) : withBareValues(bare, banded);
      break;
    }
    case "standard-ci":
      outcomes = scoreAgainstStandard(indicator, scoring, items());
      break;
    case "quantiles":
      outcomes = scoreByQuantiles(indicator, scoring, items());
      break;
    case "rank-score":
      outcomes = scoreByRank(indicator, items());
      break;
    case "z-score":
      ({ outcomes, phi, tau2 } = scoreByZ(indicator, scoring, items()));
      break;
    case "categorical":
      outcomes = scoreByLabel(indicator, scoring, items(), diagnostics);
      break;
  }
  const kept = objects === null ? keptOfBare(bare!) : keptOfObservations(objects, measuredItems!);
  // Bare values have no counts to pool.
  const national = objects === null ? null : pooled(indicator, measuredItems!);
  return { outcomes, result: resultMaker(indicator, kept, outcomes), statistic: { indicator: indicator.id, period, national, phi, tau2 } };
}

function isBare(observations: IndicatorObservations): observations is BareValues {
  return !Array.isArray(observations);
}

function measuredObservations(indicator: Indicator, observations: readonly (Observation | undefined)[], diagnostics: Diagnostic[]): Measured[] {
  // Plain loops rather than chains of map: this body runs for every organisation and indicator, a
  // million times at GP level, and each map allocates a closure and an array of its own.
  const items: Measured[] = new Array(observations.length);
  for (let i = 0; i < observations.length; i++) items[i] = measured(indicator, observations[i], diagnostics);
  return items;
}

function measuredBare(bare: BareValues): Measured[] {
  const items: Measured[] = new Array(bare.kinds.length);
  for (let i = 0; i < items.length; i++) {
    const value = bare.kinds[i] === BARE.value ? bare.values[i]! : null;
    items[i] = { value, numerator: null, denominator: null, missing: value === null ? bareMissing(bare, i) : null, text: undefined, origin: undefined };
  }
  return items;
}

/** What each organisation's result needs kept once the indicator is scored (a value is 9 bytes here). */
interface Kept {
  values: Float64Array;
  hasValue: Uint8Array;
  texts: (string | null)[] | null;
  numerators: (number | null)[] | null;
  denominators: (number | null)[] | null;
  comparisons: (string | undefined)[] | null;
}

function keptOfObservations(observations: readonly (Observation | undefined)[], items: readonly Measured[]): Kept {
  const n = items.length;
  const kept: Kept = { values: new Float64Array(n), hasValue: new Uint8Array(n), texts: null, numerators: null, denominators: null, comparisons: null };
  for (let i = 0; i < n; i++) {
    const { value, text } = items[i]!;
    const obs = observations[i];
    if (value !== null) {
      kept.values[i] = value;
      kept.hasValue[i] = 1;
    }
    if (text !== undefined) (kept.texts ??= new Array<string | null>(n).fill(null))[i] = text;
    if (obs?.numerator !== undefined) (kept.numerators ??= new Array<number | null>(n).fill(null))[i] = obs.numerator;
    if (obs?.denominator !== undefined) (kept.denominators ??= new Array<number | null>(n).fill(null))[i] = obs.denominator;
    if (obs?.comparison !== undefined) (kept.comparisons ??= new Array<string | undefined>(n))[i] = obs.comparison;
  }
  return kept;
}

function keptOfBare(bare: BareValues): Kept {
  const hasValue = new Uint8Array(bare.kinds.length);
  for (let i = 0; i < hasValue.length; i++) if (bare.kinds[i] === BARE.value) hasValue[i] = 1;
  return { values: bare.values, hasValue, texts: null, numerators: null, denominators: null, comparisons: null };
}

/**
 * Each organisation's result, from what it needs kept in arrays, so that the measured items and the
 * observations can go once the indicator is scored.
 */
function resultMaker(indicator: Indicator, kept: Kept, outcomes: readonly Outcome[]): (i: number) => IndicatorResult {
  const { values, hasValue, texts, numerators, denominators, comparisons } = kept;
  const id = indicator.id;
  // One object literal of one shape for every result: GP level makes about a million of them, and
  // spreading a shared base into two shapes cost more than the scoring itself.
  return (i) => {
    const outcome = outcomes[i]!;
    const scored = outcome.kind === "scored";
    return {
      id,
      value: hasValue[i] === 1 ? values[i]! : null,
      text: texts === null ? null : texts[i]!,
      numerator: numerators === null ? null : numerators[i]!,
      denominator: denominators === null ? null : denominators[i]!,
      band: scored ? outcome.band : null,
      score: scored ? outcome.score : null,
      decidedBy: scored ? outcome.decidedBy : null,
      nextBandAt: scored ? outcome.nextBandAt : null,
      ciLower: scored ? (outcome.ciLower ?? null) : null,
      ciUpper: scored ? (outcome.ciUpper ?? null) : null,
      z: scored ? (outcome.z ?? null) : null,
      unscored: scored ? null : outcome.reason,
      // Undefined, not null, where there is none: JSON then leaves it out, and outputs without one stay as they were.
      comparison: comparisons === null ? undefined : comparisons[i],
    };
  };
}

/**
 * Each indicator's observations, in the records' order. Gathered a record at a time, so that a record's
 * observations are read together while they are in the CPU cache, where a pass over every record per
 * indicator waits on memory (bench/README.md, "Figures behind the source's comments").
 */
export function observationColumns(indicators: readonly Indicator[], records: readonly OrgRecord[]): (Observation | undefined)[][] {
  const columns = indicators.map(() => new Array<Observation | undefined>(records.length));
  for (let i = 0; i < records.length; i++) {
    const observations = records[i]!.observations;
    for (let j = 0; j < indicators.length; j++) columns[j]![i] = observations[indicators[j]!.id];
  }
  return columns;
}

function measured(indicator: Indicator, obs: Observation | undefined, diagnostics: Diagnostic[]): Measured {
  const m = measure(indicator, obs);
  if (m.kind === "invalid") diagnostics.push(m.diagnostic);
  const counted = m.kind === "value" && obs?.numerator !== undefined && obs.denominator !== undefined;
  return {
    value: m.kind === "value" ? m.value : null,
    numerator: counted ? obs.numerator! : null,
    denominator: counted ? obs.denominator! : null,
    missing: m.kind === "value" ? null : m.kind === "missing" ? m.reason : "invalid",
    text: obs?.text,
    origin: obs?.origin,
  };
}

/** The national value as the pooled ratio of all counts, in the indicator's unit; null without counts. */
function pooled(indicator: Indicator, items: readonly Measured[]): number | null {
  let num = 0;
  let den = 0;
  for (const item of items) {
    if (item.numerator === null || item.denominator === null) continue;
    num += item.numerator;
    den += item.denominator;
  }
  return den === 0 ? null : (num * unitMultiplier(indicator.unit)) / den;
}
