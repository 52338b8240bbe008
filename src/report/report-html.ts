import type { Comparison } from "../engine/compare/compare.js";
import { valueCuts } from "../engine/framework/bands.js";
import { NOT_RATED } from "../engine/framework/categories.js";
import type { Rating } from "../engine/rate.js";
import type { CutSensitivity } from "../engine/sensitivity/cut-sensitivity.js";
import type { XmrOptions } from "../engine/stats/spc/xmr-chart.js";
import type { Trend } from "../engine/trend/trend.js";
import { probabilityOf, type Uncertainty } from "../engine/uncertainty/category-probabilities.js";
import { rankSetOf, type RankSets } from "../engine/uncertainty/rank-sets.js";
import type { ComparisonLabels } from "../io/output/comparison.js";
import { formatValue } from "../io/output/format-number.js";
import { comparisonSection } from "./comparison-section.js";
import { esc } from "./html-escape.js";
import { hasControlLimits, indicatorPlot } from "./indicator-plot.js";
import { orgTable } from "./org-table.js";
import { PAGE_SCRIPT } from "./page-script.js";
import { PAGE_STYLE, TREND_STYLE } from "./page-style.js";
import { scorePlot } from "./score-plot.js";
import { sensitivitySection } from "./sensitivity-section.js";
import { categoryColour } from "./palette.js";
import { shapeIcon } from "./shape.js";
import { summarySection } from "./summary-section.js";
import { trendSection } from "./trend-section.js";

export interface ReportOptions {
  /** The comparison of an earlier graded table (old) with this rating (new), and what to call each. */
  comparison?: { comparison: Comparison; labels: ComparisonLabels };
  /** Each fixed cut moved and who changes category (rate --sensitivity). */
  sensitivity?: CutSensitivity[];
  /** The XmR charts of the values' periods (report --trend): icons in the table, and one organisation's charts when `org` names it. */
  trend?: { trend: Trend; org: string | null; options: XmrOptions };
  /** The bootstrap of the categories (rate --uncertainty): probabilities in the table, count intervals in the summary. */
  uncertainty?: Uncertainty;
  /** Confidence sets for the ranks by score (rate --rank-intervals): a column in the table. */
  rankSets?: RankSets;
}

/**
 * The whole report as one self-contained HTML document: inline CSS, inline SVG and an optional
 * inline script; nothing is fetched. The same rating gives the same bytes.
 */
export function reportHtml(rating: Rating, options: ReportOptions = {}): string {
  const fw = rating.framework;
  const periods = rating.summary.periods.map((p) => p.period).filter((p): p is string => p !== null);
  const total = rating.summary.periods.reduce((sum, p) => sum + p.total, 0);
  const meta = `${total} organisations${periods.length === 0 ? "" : ` · ${periods.length === 1 ? "period" : "periods"} ${periods.join(", ")}`} · ${fw.indicators.length} indicators · framework <code>${esc(fw.id)}</code>`;
  const about = [fw.source && `<p><strong>Source.</strong> ${esc(fw.source)}</p>`, fw.caveats && `<p><strong>Caveats.</strong> ${esc(fw.caveats)}</p>`].filter(Boolean).join("");
  const n = fw.categories.length;
  const anyNotRated = rating.organisations.some((o) => o.categoryIndex === null || o.indicators.some((r) => r.band === null));
  const legend = [...fw.categories.map((c, i) => ({ c, i: i as number | null })), ...(anyNotRated ? [{ c: `${NOT_RATED} / unscored`, i: null }] : [])]
    .map(({ c, i }) => `<li>${shapeIcon(categoryColour(i, n))}${i === null ? esc(c) : `band ${i + 1}: ${esc(c)}`}</li>`)
    .join("");
  const figures = fw.indicators.map((ind, k) => {
    const scored = rating.organisations.filter((o) => o.indicators[k]!.band !== null).length;
    const unscored = rating.organisations.length - scored;
    const cuts = valueCuts(ind).map(formatValue).join(" / ");
    const standard = ind.standard === undefined ? "" : `; national standard ${formatValue(ind.standard)} (solid line)`;
    const funnel = rating.organisations.some((o) => o.indicators[k]!.denominator !== null);
    const limits = funnel && hasControlLimits(ind) ? " Curves: 95% (dotted) and 99.8% (solid grey) control limits around the standard (PHE funnel, Wilson score): a dot outside them differs from the standard by more than chance." : "";
    return `<figure id="indicator-${esc(ind.id)}"><h3>${esc(ind.label)}</h3>${indicatorPlot(fw, k, rating.organisations)}<figcaption>${
      funnel ? "Each organisation's value against its denominator: small organisations scatter more." : "Each organisation's value."
    } ${ind.polarity === "higher" ? "Higher" : "Lower"} is better. ${cuts === "" ? `Banded by ${esc(ind.scoring.method)}` : `Band cuts ${esc(cuts)} (dashed lines; a value on a cut takes the better band)`}${esc(standard)}. ${scored} scored${unscored > 0 ? `, ${unscored} unscored (not drawn)` : ""}. ${limits} Hover over a dot for the organisation.</figcaption></figure>`;
  });
  const compare = options.comparison ? comparisonSection(options.comparison.comparison, options.comparison.labels) : "";
  const table = orgTable(fw, rating.organisations, {
    trend: options.trend?.trend ?? null,
    probabilityOf: options.uncertainty && probabilityOf(options.uncertainty),
    rankSetOf: options.rankSets && rankSetOf(options.rankSets),
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${esc(fw.title)}</title>
<style>${PAGE_STYLE}${options.trend ? TREND_STYLE : ""}</style>
</head>
<body>
<main>
<header><h1>${esc(fw.title)}</h1><p class="meta">${meta}</p>${about === "" ? "" : `<div class="about">${about}</div>`}</header>
${summarySection(rating.summary, options.uncertainty)}
<section id="indicators" aria-labelledby="indicators-h"><h2 id="indicators-h">Indicators</h2><ul class="legend">${legend}</ul>
${[scorePlot(fw, rating.organisations), ...figures].filter(Boolean).join("\n")}</section>
${compare}
${options.sensitivity ? sensitivitySection(options.sensitivity) : ""}
${options.trend === undefined || options.trend.org === null ? "" : `${trendSection(options.trend.trend, options.trend.org, options.trend.options)}\n`}${table}
<footer>Made with ccg-ratings. Colours are paired with shapes and labels, so the page reads in greyscale.</footer>
</main>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
