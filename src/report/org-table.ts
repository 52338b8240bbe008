import { bandCount } from "../engine/framework/bands.js";
import type { Framework } from "../engine/framework/schema.js";
import type { RatedOrg } from "../engine/rate.js";
import type { Trend, TrendSeries } from "../engine/trend/trend.js";
import type { ProbabilityOf } from "../engine/uncertainty/category-probabilities.js";
import type { RankSetOf } from "../engine/uncertainty/rank-sets.js";
import { formatFixed, formatValue } from "../io/output/format-number.js";
import { esc } from "./html-escape.js";
import { periodLeagueRanks } from "./league-rank.js";
import { categoryColour } from "./palette.js";
import { shapeIcon } from "./shape.js";
import { ASSURANCE_ORDER, assuranceLabel, VARIATION_ORDER, variationLabel } from "./spc-labels.js";

/**
 * Every organisation as a plain HTML table (readable, and printable, without JavaScript). Each cell
 * carries its exact sort key in data-sort; the page script adds sorting and filtering. With a trend,
 * each charted indicator gains a column of Making Data Count's icons, on the row of the series' last
 * period, the point the variation icon describes. With a bootstrap, each category's probability and
 * that of the category given follow the category; with rank sets, one column gives each organisation's.
 */
export function orgTable(
  framework: Framework,
  organisations: readonly RatedOrg[],
  { trend = null, probabilityOf, rankSetOf }: { trend?: Trend | null; probabilityOf?: ProbabilityOf | undefined; rankSetOf?: RankSetOf | undefined } = {},
): string {
  const periods = organisations.some((o) => o.period !== null);
  const n = framework.categories.length;
  const ranks = periodLeagueRanks(organisations);
  const spc = trend === null ? null : new Map(trend.series.map((s) => [`${s.code}\u0000${s.indicator.id}`, s]));
  const th = (label: string, type: "number" | "text", title = "", rightAligned = type === "number") =>
    `<th scope="col" data-type="${type}"${title === "" ? "" : ` title="${esc(title)}"`}${rightAligned ? ' class="num"' : ""}>${esc(label)}</th>`;
  const head = [
    th("Rank", "number", "league table: by category, then mean score; ties share a rank"),
    th("Code", "text"),
    th("Name", "text"),
    ...(periods ? [th("Period", "text")] : []),
    ...framework.indicators.flatMap((ind) => [
      th(ind.label, "number", `${ind.label} (${ind.unit})`),
      th("Band", "number", `${ind.label}: band, 1 is best`),
      ...(trend !== null && !trend.uncharted.includes(ind.id) ? [th("SPC", "number", `${ind.label}: variation and assurance over the periods (Making Data Count)`, false)] : []),
    ]),
    th("Score", "number", "weighted mean band, 1 is best"),
    th("Category", "number", "sorts best first", false),
    ...(probabilityOf === undefined
      ? []
      : [...framework.categories.map((c, k) => th(`p${k + 1}`, "number", `probability of ${c} across the bootstrap draws`)), th("Confidence", "number", "probability of the category given")]),
    ...(rankSetOf === undefined ? [] : [th("Rank set", "number", "95% confidence set for the rank by score among those rated (rate --rank-intervals)")]),
  ];
  const body = organisations.map((org, i) => {
    const num = (v: number | null, shown: string) => `<td class="num" data-sort="${v === null ? "" : formatValue(v)}">${shown}</td>`;
    const cells = [
      num(ranks[i]!, ranks[i] === null ? "" : String(ranks[i])),
      `<td class="code">${esc(org.code)}</td>`,
      `<td>${esc(org.name)}</td>`,
      ...(periods ? [`<td>${esc(org.period ?? "")}</td>`] : []),
      ...org.indicators.flatMap((r, k) => {
        const bands = bandCount(framework.indicators[k]!);
        const value = r.value === null ? `<span class="missing" title="${esc(r.unscored ?? "")}">—</span>` : formatFixed(r.value, 1);
        const band = r.band === null ? "" : `${shapeIcon(categoryColour(r.band - 1, bands))}${r.band}`;
        return [num(r.value, value), num(r.band, band), ...(spc === null || trend!.uncharted.includes(r.id) ? [] : [spcCell(spc.get(`${org.code}\u0000${r.id}`), org.period)])];
      }),
      num(org.score, org.score === null ? "" : formatFixed(org.score, 2)),
      `<td class="category" data-sort="${org.categoryIndex ?? n}">${shapeIcon(categoryColour(org.categoryIndex, n))}${esc(org.category)}</td>`,
    ];
    if (probabilityOf !== undefined) {
      const p = probabilityOf(org);
      const cell = (x: number | null | undefined) => (x === null || x === undefined ? num(null, "") : num(x, formatFixed(x, 3)));
      cells.push(...framework.categories.map((_, k) => cell(p?.[k])), cell(org.categoryIndex === null ? null : p?.[org.categoryIndex]));
    }
    if (rankSetOf !== undefined) {
      const set = rankSetOf(org);
      cells.push(set === null ? num(null, "") : num(set.rankLower, `${set.rankLower}–${set.rankUpper}`));
    }
    return `<tr data-search="${esc(`${org.code} ${org.name}`.toLowerCase())}">${cells.join("")}</tr>`;
  });
  return `<section id="organisations" aria-labelledby="orgs-h"><h2 id="orgs-h">All organisations</h2>
<div class="table-tools" id="tools" hidden><label for="filter">Filter by name or code</label> <input id="filter" type="search" autocomplete="off" placeholder="e.g. Leeds or 02V"> <output id="shown" for="filter" aria-live="polite">${organisations.length} of ${organisations.length} shown</output> <span class="hint">Click a column heading to sort.</span></div>
<div class="table-wrap"><table id="orgs"><thead><tr>${head.join("")}</tr></thead><tbody>${body.join("\n")}</tbody></table></div></section>`;
}

/** The icons of the series, on its last period's row; sorted by variation, then assurance. */
function spcCell(series: TrendSeries | undefined, period: string | null): string {
  if (series === undefined || series.periods.at(-1) !== period) return `<td class="spc" data-sort=""></td>`;
  const key = VARIATION_ORDER.indexOf(series.chart.variation) * 10 + ASSURANCE_ORDER.indexOf(series.chart.assurance);
  return `<td class="spc" data-sort="${key}">${variationLabel(series.chart.variation)} ${assuranceLabel(series.chart.assurance)}</td>`;
}
