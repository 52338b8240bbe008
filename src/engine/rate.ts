import { z } from "zod";
import { categoriseMean, weightedMean } from "./aggregate/mean-score.js";
import { measure } from "./dataset/measure.js";
import { groupByPeriod } from "./dataset/period-groups.js";
import type { Dataset, OrgRecord } from "./dataset/schema.js";
import { error, hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import { NOT_RATED, type Framework, type Indicator } from "./framework/schema.js";
import { bandByThresholds, nextBandTarget } from "./scoring/thresholds.js";
import { compareText } from "./text-order.js";

export const IndicatorResult = z.object({
  id: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  band: z.number().int().nullable(),
  decidedBy: z.string().nullable(),
  /** The value that would move this indicator up one band; null in the best band or when unscored. */
  nextBandAt: z.number().nullable(),
  /** Why the indicator is unscored, or null when it is scored. */
  unscored: z.string().nullable(),
});
export type IndicatorResult = z.infer<typeof IndicatorResult>;

export const RatedOrg = z.object({
  code: z.string(),
  name: z.string(),
  period: z.string().nullable(),
  indicators: z.array(IndicatorResult),
  scored: z.number().int(),
  score: z.number().nullable(),
  /** 0-based index into the framework's categories; null when not rated. */
  categoryIndex: z.number().int().nullable(),
  category: z.string(),
  decidedBy: z.string(),
  toNextCategory: z.number().nullable(),
  notes: z.string(),
});
export type RatedOrg = z.infer<typeof RatedOrg>;

export const PeriodSummary = z.object({
  period: z.string().nullable(),
  /** Counts per category, in the framework's order. */
  counts: z.array(z.number().int()),
  notRated: z.number().int(),
  total: z.number().int(),
});
export const Summary = z.object({
  categories: z.array(z.string()),
  periods: z.array(PeriodSummary),
});
export type Summary = z.infer<typeof Summary>;

export interface Rating {
  framework: Framework;
  organisations: RatedOrg[];
  summary: Summary;
  warnings: Diagnostic[];
}

export type RateOutcome = { ok: true; rating: Rating } | { ok: false; diagnostics: Diagnostic[] };

/**
 * The rating engine: a framework and per-organisation observations in, one rated row per organisation
 * and period out, in a stable order (organisation code, then period) whatever the input order.
 * Every problem found is returned, not only the first.
 */
export function rate(framework: Framework, dataset: Dataset): RateOutcome {
  const diagnostics: Diagnostic[] = [];
  const records = [...dataset.records].sort(byCodeThenPeriod);
  diagnostics.push(...duplicateRecords(records));

  const organisations = groupByPeriod(records)
    .flatMap((group) => ratePeriod(framework, group.items, diagnostics))
    .sort(byCodeThenPeriod);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  return {
    ok: true,
    rating: {
      framework,
      organisations,
      summary: summarise(framework, organisations),
      warnings: sortDiagnostics(diagnostics),
    },
  };
}

/**
 * One period's organisations, rated together: relative methods (quantiles, rank-score, z-score) rank
 * an organisation among the others of the same period only, so they see one period at a time here.
 */
function ratePeriod(framework: Framework, records: readonly OrgRecord[], diagnostics: Diagnostic[]): RatedOrg[] {
  return records.map((record) => rateRecord(framework, record, diagnostics));
}

function rateRecord(framework: Framework, record: OrgRecord, diagnostics: Diagnostic[]): RatedOrg {
  const indicators = framework.indicators.map((indicator) => scoreIndicator(indicator, record, diagnostics));
  const scored = framework.indicators.flatMap((indicator, i) => {
    const band = indicators[i]!.band;
    return band === null ? [] : [{ band, weight: indicator.weight }];
  });
  const unscored = indicators.filter((r) => r.unscored !== null);
  const total = framework.indicators.length;
  const reasons = unscored.map((r) => `${r.id}: ${r.unscored}`).join("; ");
  const coverage = unscored.length === 0 ? "" : `${scored.length} of ${total} indicators scored (${reasons})`;

  if (scored.length < framework.minIndicators || scored.length === 0) {
    const need = `fewer than ${framework.minIndicators} scored`;
    return {
      ...identity(record),
      indicators,
      scored: scored.length,
      score: null,
      categoryIndex: null,
      category: NOT_RATED,
      decidedBy: need,
      toNextCategory: null,
      notes: [coverage, `not rated: ${need}`].filter(Boolean).join("; "),
    };
  }
  const mean = weightedMean(scored);
  const { categoryIndex, decidedBy, toNextCategory } = categoriseMean(mean, framework.aggregation.cuts);
  return {
    ...identity(record),
    indicators,
    scored: scored.length,
    score: mean,
    categoryIndex,
    category: framework.categories[categoryIndex]!,
    decidedBy,
    toNextCategory,
    notes: coverage,
  };
}

function scoreIndicator(indicator: Indicator, record: OrgRecord, diagnostics: Diagnostic[]): IndicatorResult {
  const obs = record.observations[indicator.id];
  const base = {
    id: indicator.id,
    numerator: obs?.numerator ?? null,
    denominator: obs?.denominator ?? null,
  };
  const m = measure(indicator, obs);
  if (m.kind === "invalid") diagnostics.push(m.diagnostic);
  if (m.kind !== "value") {
    return { ...base, value: null, band: null, decidedBy: null, nextBandAt: null, unscored: m.kind === "missing" ? m.reason : "invalid" };
  }
  const { band, decidedBy } = bandByThresholds(m.value, indicator.scoring.cuts, indicator.polarity);
  return { ...base, value: m.value, band, decidedBy, nextBandAt: nextBandTarget(band, indicator.scoring.cuts), unscored: null };
}

function identity(record: OrgRecord) {
  return { code: record.code, name: record.name, period: record.period };
}

function byCodeThenPeriod(a: { code: string; period: string | null }, b: { code: string; period: string | null }): number {
  return compareText(a.code, b.code) || compareText(a.period ?? "", b.period ?? "");
}

function duplicateRecords(sorted: readonly OrgRecord[]): Diagnostic[] {
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

function summarise(framework: Framework, organisations: readonly RatedOrg[]): Summary {
  return {
    categories: [...framework.categories],
    periods: groupByPeriod(organisations).map(({ period, items: orgs }) => {
      const counts = framework.categories.map(() => 0);
      let notRated = 0;
      for (const org of orgs) {
        if (org.categoryIndex === null) notRated++;
        else counts[org.categoryIndex]!++;
      }
      return { period, counts, notRated, total: orgs.length };
    }),
  };
}
