import { SPECIAL_CAUSE_RULES, type SpecialCause } from "../../engine/stats/spc/special-cause.js";
import type { PointType, XmrOptions } from "../../engine/stats/spc/xmr-chart.js";
import type { Trend, TrendSeries } from "../../engine/trend/trend.js";
import { csvRecord } from "./csv-record.js";
import { formatValue } from "./format-number.js";
import { escapeCell, markdownTable } from "./markdown.js";

const SERIES_COLUMNS = ["org_code", "indicator", "points", "mean", "lpl", "upl", "last_value", "variation", "assurance", "flags"] as const;
const POINT_COLUMNS = ["org_code", "indicator", "period", "value", "mean", "lpl", "upl", "flag"] as const;
const NUMERIC = new Set(["points", "mean", "lpl", "upl", "last_value", "value"]);

/** The icons' names as Making Data Count's guidance words them, shared by the terminal summary and the HTML report. */
export const ICON_NAMES: Record<string, string> = {
  special_cause_improvement: "Special cause improvement",
  special_cause_concern: "Special cause concern",
  common_cause: "Common cause",
  consistent_pass: "Consistently passes the target",
  consistent_fail: "Consistently fails the target",
  inconsistent: "Hits and misses the target",
  none: "No target",
};

/** "improvement" or "concern", as a flag names a special cause. */
function effect(type: PointType): string {
  return type === "special_cause_improvement" ? "improvement" : "concern";
}

/**
 * Which rules fired in the series, compactly: each rule (in the rules' priority order) with the number
 * of points it flagged as improvement and as concern, e.g. "outside-limits 1 concern; shift 7 improvement".
 */
export function seriesFlags(s: TrendSeries): string {
  const parts: string[] = [];
  for (const rule of SPECIAL_CAUSE_RULES) {
    for (const type of ["special_cause_improvement", "special_cause_concern"] as const) {
      const n = s.chart.points.filter((p) => p.cause?.rule === rule && p.type === type).length;
      if (n > 0) parts.push(`${rule} ${n} ${effect(type)}`);
    }
  }
  return parts.join("; ");
}

/** A point's flag: its rule and whether it is improvement or concern; empty for common cause. */
export function pointFlag(cause: SpecialCause | null, type: PointType): string {
  return cause === null ? "" : `${cause.rule} ${effect(type)}`;
}

const num = (x: number | undefined | null) => (x === undefined || x === null ? "" : formatValue(x));

/** One row per series (or with `points`, per point), each cell's text in the columns' order. */
function trendRows(trend: Trend, points: boolean): { columns: readonly string[]; rows: string[][] } {
  if (!points) {
    return {
      columns: SERIES_COLUMNS,
      rows: trend.series.map((s) => {
        const l = s.chart.limits;
        return [s.code, s.indicator.id, String(s.chart.points.length), num(l?.mean), num(l?.lpl), num(l?.upl), num(s.chart.points.at(-1)?.value), s.chart.variation, s.chart.assurance, seriesFlags(s)];
      }),
    };
  }
  return {
    columns: POINT_COLUMNS,
    rows: trend.series.flatMap((s) => {
      const l = s.chart.limits;
      return s.chart.points.map((p, i) => [s.code, s.indicator.id, s.periods[i]!, num(p.value), num(l?.mean), num(l?.lpl), num(l?.upl), pointFlag(p.cause, p.type)]);
    }),
  };
}

export interface TrendDocument {
  framework: { id: string; title: string };
  options: XmrOptions;
  trend: Trend;
}

/** The trend as CSV, JSON or Markdown; the three carry the same rows and cells. */
export function renderTrend(doc: TrendDocument, format: "csv" | "json" | "md", points: boolean): string {
  const { columns, rows } = trendRows(doc.trend, points);
  if (format === "csv") return [columns, ...rows].map(csvRecord).join("");
  const key = points ? "points" : "series";
  if (format === "json") {
    const o = doc.options;
    const typed = rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, NUMERIC.has(c) ? (r[i] === "" ? null : Number(r[i])) : r[i]])));
    const json = {
      framework: doc.framework,
      periods: doc.trend.periods,
      options: { baseline: o.baseline, screen_outliers: o.screenOutliers, run_length: o.runLength, two_in_three: o.twoInThree },
      [key]: typed,
    };
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  const heading = `# ${escapeCell(doc.framework.title)}: trend over ${doc.trend.periods.length} periods (${escapeCell(doc.trend.periods[0] ?? "")} to ${escapeCell(doc.trend.periods.at(-1) ?? "")})`;
  return [heading, "", `## ${points ? "Points" : "Series"}`, "", markdownTable([...columns], rows, columns.map((c) => NUMERIC.has(c))), ""].join("\n");
}
