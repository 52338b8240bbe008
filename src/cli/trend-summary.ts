import type { ChalkInstance } from "chalk";
import { ASSURANCES } from "../engine/stats/spc/assurance.js";
import { POINT_TYPES } from "../engine/stats/spc/xmr-chart.js";
import type { Trend } from "../engine/trend/trend.js";
import { ICON_NAMES } from "../io/output/trend-table.js";
import { aligned } from "./aligned.js";

/** How many series show each variation icon and each assurance icon, for the terminal. */
export function trendSummary(trend: Trend, title: string, chalk: ChalkInstance): string {
  const count = (pick: (s: Trend["series"][number]) => string, key: string) => String(trend.series.filter((s) => pick(s) === key).length);
  const rows = [
    ["Variation (last point)", "Series"],
    ...POINT_TYPES.map((t) => [ICON_NAMES[t]!, count((s) => s.chart.variation, t)]),
    ["Assurance", ""],
    ...ASSURANCES.map((a) => [ICON_NAMES[a]!, count((s) => s.chart.assurance, a)]),
  ];
  const heads = new Set([0, POINT_TYPES.length + 1]);
  const table = aligned(rows, [false, true]).map((line, i) => (heads.has(i) ? chalk.bold(line) : line));
  const periods = trend.periods;
  const short = trend.series.filter((s) => s.chart.short).length;
  const notes = [
    `${trend.series.length} series over ${periods.length} periods (${periods[0]} to ${periods.at(-1)})${short > 0 ? `; ${short} with fewer than 13 points (trial limits)` : ""}`,
    ...(trend.empty > 0 ? [`${trend.empty} organisation x indicator series with no value in any period, not charted`] : []),
    ...(trend.uncharted.length > 0 ? [`not charted (labels, not values): ${trend.uncharted.join(", ")}`] : []),
  ];
  return `${chalk.bold(`${title}: trend`)}\n${notes.join("\n")}\n${table.join("\n")}\n`;
}
