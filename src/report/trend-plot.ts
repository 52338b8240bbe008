import type { TrendSeries } from "../engine/trend/trend.js";
import { formatValue } from "../io/output/format-number.js";
import { pointFlag } from "../io/output/trend-table.js";
import { esc } from "./html-escape.js";
import { rightLabels, type Label } from "./indicator-plot.js";
import { axis, H, M, W } from "./plot-frame.js";
import { shapeSvg } from "./shape.js";
import { pointColour } from "./spc-labels.js";
import { linear, niceTicks } from "./ticks.js";

/** Period labels along the axis: at most this many, evenly spaced, so they do not overlap. */
const MAX_PERIOD_TICKS = 8;

/**
 * One series' XmR chart as inline SVG: the values joined in period order, the mean (solid), the
 * process limits (solid grey), the two-sigma lines (dotted) and the target (bold), each labelled at
 * the right; special-cause points in the colour and shape of improvement or concern, each naming
 * its period, value and rule on hover.
 */
export function trendPlot(s: TrendSeries): string {
  const { chart, periods, indicator } = s;
  const l = chart.limits;
  const lines = l === null ? [] : [l.mean, l.lpl, l.upl, l.lowerTwoSigma, l.upperTwoSigma];
  const all = [...chart.points.map((p) => p.value), ...lines, ...(s.target === null ? [] : [s.target])];
  const lo0 = Math.min(...all);
  const hi0 = Math.max(...all);
  const pad = (hi0 - lo0 || Math.abs(hi0) || 1) * 0.06;
  const yTicks = niceTicks(lo0 - pad, hi0 + pad, 6);
  const y = linear(Math.min(lo0 - pad, yTicks[0]!), Math.max(hi0 + pad, yTicks.at(-1)!), H - M.bottom, M.top);
  const n = chart.points.length;
  const x = linear(-0.5, n - 0.5, M.left, W - M.right);
  const step = Math.ceil(n / MAX_PERIOD_TICKS);
  // The last period is always labelled: it is the one the variation icon describes.
  const xTicks = Array.from({ length: n }, (_, i) => i).filter((i) => (n - 1 - i) % step === 0);
  const id = `trend-${esc(s.code)}-${esc(indicator.id)}`;
  const title = `${s.code} ${indicator.label}: ${n} points${l === null ? "" : `, mean ${formatValue(round(l.mean))}, process limits ${formatValue(round(l.lpl))} to ${formatValue(round(l.upl))}`}`;
  const parts = [`<svg class="plot" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-t"><title id="${id}-t">${esc(title)}</title>`];
  parts.push(axis("x", xTicks, x, H - M.bottom, "period", (i) => periods[i]!));
  parts.push(axis("y", yTicks, y, M.left, `value, ${indicator.unit} (${indicator.polarity} is better)`));
  const hline = (v: number, cls: string) => `<line class="${cls}" x1="${M.left}" x2="${W - M.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"/>`;
  const labels: Label[] = [];
  if (l !== null) {
    parts.push(hline(l.lowerTwoSigma, "limit95"), hline(l.upperTwoSigma, "limit95"), hline(l.lpl, "limit998"), hline(l.upl, "limit998"), hline(l.mean, "spc-mean"));
    labels.push(
      { at: y(l.upl), text: `UPL ${formatValue(round(l.upl))}`, cls: "" },
      { at: y(l.mean), text: `mean ${formatValue(round(l.mean))}`, cls: "" },
      { at: y(l.lpl), text: `LPL ${formatValue(round(l.lpl))}`, cls: "" },
    );
  }
  if (s.target !== null) {
    parts.push(hline(s.target, "standard"));
    labels.push({ at: y(s.target), text: `target ${formatValue(s.target)}`, cls: " standard-label" });
  }
  parts.push(rightLabels(labels));
  parts.push(`<path class="spc-line" fill="none" d="${chart.points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)} ${y(p.value).toFixed(1)}`).join("")}"/>`);
  chart.points.forEach((p, i) => {
    const flag = pointFlag(p.cause, p.type);
    const tip = `${periods[i]}: ${formatValue(p.value)}${flag === "" ? ", common cause" : `, ${flag}`}`;
    parts.push(shapeSvg(pointColour(p.type), x(i), y(p.value), p.cause === null ? 3.2 : 4.6, `<title>${esc(tip)}</title>`, p.cause === null ? "dot" : "dot special"));
  });
  parts.push("</svg>");
  return parts.join("");
}

/** Labels to two decimals: a line's label names it, the table gives the digits. */
function round(v: number): number {
  return Number(v.toFixed(2));
}
