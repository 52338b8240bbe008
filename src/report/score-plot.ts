import { meanCuts } from "../engine/aggregate/aggregate.js";
import { groupByPeriod } from "../engine/dataset/period-groups.js";
import type { Framework } from "../engine/framework/schema.js";
import type { RatedOrg } from "../engine/rate.js";
import { compareText } from "../engine/text-order.js";
import { formatFixed, formatValue } from "../io/output/format-number.js";
import { esc } from "./html-escape.js";
import { categoryColour } from "./palette.js";
import { axis, H, M, W } from "./plot-frame.js";
import { shapeSvg } from "./shape.js";
import { linear, niceTicks } from "./ticks.js";

const DOT = 3.8;

/**
 * The distribution of the organisations' mean scores, one strip per period, with the cuts that made
 * the categories (the period's quantiles where the framework cuts by quantiles): where an
 * organisation sits against the next cut is the question the NOF segmentation raises first. Each dot
 * is coloured by the category given, so an override shows as a dot outside its cut's zone.
 */
export function scorePlot(framework: Framework, organisations: readonly RatedOrg[]): string {
  const agg = framework.aggregation;
  if (agg.method !== "mean-score") return "";
  const periods = groupByPeriod(organisations.filter((o) => o.score !== null));
  if (periods.length === 0) return "";
  const strips = periods.map(({ period, items }) => ({ period, items, cuts: meanCuts(agg, items.map((o) => o.score!)) }));
  const all = strips.flatMap((s) => [...s.items.map((o) => o.score!), ...s.cuts]);
  const ticks = niceTicks(Math.min(...all), Math.max(...all), 7);
  const x = linear(Math.min(ticks[0]!, ...all), Math.max(ticks.at(-1)!, ...all), M.left, W - M.right);
  const plotH = H - M.top - M.bottom;
  const rowH = plotH / strips.length;
  const n = framework.categories.length;
  const parts: string[] = [`<svg class="plot" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="plot-scores-t"><title id="plot-scores-t">Mean scores of ${organisations.length} organisations, with the category cuts</title>`];
  parts.push(axis("x", ticks, x, M.top + plotH, "mean score (1 is best)"));
  strips.forEach((strip, r) => {
    const top = M.top + r * rowH;
    if (strip.period !== null) parts.push(`<text class="ref-label" x="${(W - M.right + 6).toFixed(1)}" y="${(top + rowH / 2 + 4).toFixed(1)}">${esc(strip.period)}</text>`);
    strip.cuts.forEach((c, i) => {
      const at = x(c).toFixed(1);
      parts.push(`<line class="cut" x1="${at}" x2="${at}" y1="${top.toFixed(1)}" y2="${(top + rowH).toFixed(1)}"/>`);
      parts.push(`<text class="ref-label" x="${(x(c) + 3).toFixed(1)}" y="${(top + 10 + (i % 2) * 12).toFixed(1)}">${esc(formatFixed(c, 3))}</text>`);
    });
    [...strip.items]
      .sort((a, b) => a.score! - b.score! || compareText(a.code, b.code))
      .forEach((o, i) => {
        // The same deterministic spread as the indicator strips: equal scores stay apart without randomness.
        const jitter = ((i * 0.6180339887) % 1) * 0.7 + 0.2;
        const tip = `${o.code} ${o.name}${o.period === null ? "" : ` ${o.period}`}: mean ${formatValue(Number(o.score!.toFixed(3)))}; ${o.category}${o.cappedBy === null ? "" : ` (${o.cappedBy})`}`;
        parts.push(shapeSvg(categoryColour(o.categoryIndex, n), x(o.score!), top + jitter * rowH, DOT, `<title>${esc(tip)}</title>`));
      });
  });
  parts.push("</svg>");
  const how = agg.cuts === undefined ? `the ${agg.quantiles!.join(", ")}th percentiles of the period's means` : "the framework's fixed cuts";
  return `<figure id="scores"><h3>Mean scores and the category cuts</h3>${parts.join("")}<figcaption>Each organisation's mean score; dashed lines are the cuts (${esc(how)}), a mean on a cut taking the better category. Dots are coloured and shaped by the category given, so one an override moved sits outside its cut's zone. Hover over a dot for the organisation.</figcaption></figure>`;
}
