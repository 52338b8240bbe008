import { SHORT_SERIES, type XmrOptions } from "../engine/stats/spc/xmr-chart.js";
import type { Trend } from "../engine/trend/trend.js";
import { seriesFlags } from "../io/output/trend-table.js";
import { esc } from "./html-escape.js";
import { COMMON_CAUSE_COLOUR, CONCERN_COLOUR, IMPROVEMENT_COLOUR } from "./palette.js";
import { shapeIcon } from "./shape.js";
import { assuranceLabel, variationLabel } from "./spc-labels.js";
import { trendPlot } from "./trend-plot.js";

/**
 * One organisation's XmR chart for each charted indicator (NHS England's "Making Data Count", as
 * `ccg-ratings trend` computes them), each with its icons and the rules that fired.
 */
export function trendSection(trend: Trend, org: string, options: XmrOptions): string {
  const own = trend.series.filter((s) => s.code === org);
  const name = own[0]?.name ?? "";
  const how = [
    options.baseline === null ? "mean and limits from all points" : `mean and limits from the first ${options.baseline} points`,
    options.screenOutliers ? "moving ranges of 3.267 times their average or more left out of it" : "every moving range kept (as the Excel tool)",
    `runs of ${options.runLength}`,
    options.twoInThree === "2-3sigma" ? "two of three points between two and three sigma" : "two of three points beyond two sigma",
  ].join("; ");
  const legend = [
    `<li>${shapeIcon(IMPROVEMENT_COLOUR)}special cause improvement</li>`,
    `<li>${shapeIcon(CONCERN_COLOUR)}special cause concern</li>`,
    `<li>${shapeIcon(COMMON_CAUSE_COLOUR)}common cause</li>`,
  ].join("");
  const figures = own.map((s) => {
    const flags = seriesFlags(s);
    const short = s.chart.short ? ` Fewer than ${SHORT_SERIES} points: trial limits, to be revised as points come.` : "";
    return `<figure id="trend-${esc(s.indicator.id)}"><h3>${esc(s.indicator.label)}</h3>${trendPlot(s)}<figcaption><span class="spc-icons">${variationLabel(s.chart.variation)} ${assuranceLabel(s.chart.assurance)}</span> ${s.chart.points.length} points, ${esc(s.periods[0]!)} to ${esc(s.periods.at(-1)!)}. ${
      flags === "" ? "No special cause." : `Rules that fired: ${esc(flags)}.`
    }${esc(short)} Hover over a point for its period and rule.</figcaption></figure>`;
  });
  const body = own.length === 0 ? "<p>No charted indicator has a value for this organisation.</p>" : figures.join("\n");
  return `<section id="trend" aria-labelledby="trend-h"><h2 id="trend-h">Trend: ${esc(org)} ${esc(name)}</h2><p>XmR charts over ${trend.periods.length} periods (${esc(trend.periods[0] ?? "")} to ${esc(trend.periods.at(-1) ?? "")}), read by NHS England's Making Data Count rules: ${esc(how)}. Solid grey lines are the process limits (mean &#177; 2.66 &#215; average moving range), dotted ones two sigma, the bold one the target.</p><ul class="legend">${legend}</ul>
${body}</section>`;
}
