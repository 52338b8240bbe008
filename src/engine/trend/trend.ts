import type { Dataset, OrgRecord } from "../dataset/schema.js";
import { measure } from "../dataset/measure.js";
import { error, hasErrors, warning, type Diagnostic, type Origin } from "../diagnostics.js";
import type { Framework, Indicator } from "../framework/schema.js";
import { duplicateRecords } from "../rate.js";
import { SHORT_SERIES, xmrChart, type XmrChart, type XmrOptions } from "../stats/spc/xmr-chart.js";
import { compareText } from "../text-order.js";
import { assuranceTarget } from "./assurance-target.js";
import { orderPeriods, type PeriodKind } from "./period-order.js";

export interface TrendOptions extends XmrOptions {
  /** Only this organisation's series; null: every organisation's. */
  org: string | null;
  /** Only this indicator's series; null: every charted indicator's. */
  indicator: string | null;
}

export interface TrendSeries {
  code: string;
  /** The name in the organisation's latest period. */
  name: string;
  indicator: Indicator;
  /** The period of each point, in time order; periods without a value have no point. */
  periods: string[];
  chart: XmrChart;
  /** The standard or cut the assurance icon tests against (assuranceTarget). */
  target: number | null;
}

export interface Trend {
  /** Every period of the values, in time order. */
  periods: string[];
  periodKind: PeriodKind;
  /** By organisation code, then the framework's indicator order; series without a single value are left out. */
  series: TrendSeries[];
  /** Organisation x indicator series with no value in any period. */
  empty: number;
  /** Indicators whose values are labels, which have no chart. */
  uncharted: string[];
  /** One W_SHORT_SERIES per series of fewer than SHORT_SERIES points. */
  warnings: Diagnostic[];
}

export type TrendOutcome = { ok: true; trend: Trend } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Statistical process control over periods: one XmR chart per organisation x indicator series, its
 * points in time order (orderPeriods), as NHS England's "Making Data Count" reads them
 * (stats/spc/xmr-chart.ts).
 */
export function trend(framework: Framework, dataset: Dataset, options: TrendOptions): TrendOutcome {
  const first = dataset.records[0];
  if (!dataset.hasPeriods) {
    return {
      ok: false,
      diagnostics: [error("E_NO_PERIODS", "the values have no period column: a trend needs one row per organisation and period (name the column with --period-col)", first?.origin ? { file: first.origin.file } : {})],
    };
  }
  const labels = new Map<string, Origin | undefined>();
  const column = dataset.periodColumn;
  for (const r of dataset.records) {
    if (!labels.has(r.period!)) labels.set(r.period!, r.origin === undefined || column === undefined ? r.origin : { ...r.origin, column });
  }
  const order = orderPeriods([...labels].map(([label, origin]) => (origin === undefined ? { label } : { label, origin })));
  if (!order.ok) return order;
  const position = new Map(order.periods.map((p, i) => [p, i]));

  const byOrg = new Map<string, OrgRecord[]>();
  for (const r of dataset.records) {
    if (options.org !== null && r.code !== options.org) continue;
    const list = byOrg.get(r.code);
    if (list) list.push(r);
    else byOrg.set(r.code, [r]);
  }
  const charted = framework.indicators.filter((ind) => ind.scoring.method !== "categorical" && (options.indicator === null || ind.id === options.indicator));
  const diagnostics: Diagnostic[] = [];
  const series: TrendSeries[] = [];
  let empty = 0;
  for (const code of [...byOrg.keys()].sort(compareText)) {
    const records = byOrg.get(code)!.sort((a, b) => position.get(a.period!)! - position.get(b.period!)!);
    diagnostics.push(...duplicateRecords(records));
    for (const indicator of charted) {
      const periods: string[] = [];
      const values: number[] = [];
      for (const r of records) {
        const m = measure(indicator, r.observations[indicator.id]);
        if (m.kind === "invalid") diagnostics.push(m.diagnostic);
        else if (m.kind === "value") {
          periods.push(r.period!);
          values.push(m.value);
        }
      }
      if (values.length === 0) {
        empty++;
        continue;
      }
      const target = assuranceTarget(indicator);
      const chart = xmrChart(values, indicator.polarity, target, options);
      if (chart.short) {
        diagnostics.push(
          warning("W_SHORT_SERIES", `${code} ${indicator.id}: ${values.length} of ${SHORT_SERIES} points needed for firm limits; charted with trial limits`, records[0]!.origin),
        );
      }
      series.push({ code, name: records.at(-1)!.name, indicator, periods, chart, target });
    }
  }
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  const uncharted = framework.indicators.filter((ind) => ind.scoring.method === "categorical").map((ind) => ind.id);
  return { ok: true, trend: { periods: order.periods, periodKind: order.kind, series, empty, uncharted, warnings: diagnostics } };
}
