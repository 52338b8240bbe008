import { bandCount, valueCuts } from "../engine/framework/bands.js";
import type { Framework, Indicator } from "../engine/framework/schema.js";
import { isShareUnit, unitMultiplier } from "../engine/framework/units.js";
import type { RatedOrg } from "../engine/rate.js";
import { bandByThresholds } from "../engine/scoring/thresholds.js";
import { proportionFunnelLimits, type ProportionFunnelLimits } from "../engine/stats/funnel.js";
import { formatValue } from "../io/output/format-number.js";
import { esc } from "./html-escape.js";
import { axis, H, M, W } from "./plot-frame.js";
import { categoryColour } from "./palette.js";
import { shapeSvg } from "./shape.js";
import { linear, niceTicks } from "./ticks.js";

const DOT = 4.2;

interface Dot {
  org: RatedOrg;
  value: number;
  band: number;
  denominator: number | null;
  numerator: number | null;
}

/**
 * One indicator's plot as inline SVG: a funnel (value against denominator) when the values come from
 * numerator and denominator, else a strip of values. The bands are shaded behind the dots, the cuts
 * are dashed lines and the standard a solid one; each dot is coloured and shaped by its band and
 * names its organisation on hover.
 */
export function indicatorPlot(framework: Framework, index: number, organisations: readonly RatedOrg[]): string {
  const indicator = framework.indicators[index]!;
  const dots: Dot[] = organisations.flatMap((org) => {
    const r = org.indicators[index]!;
    return r.value === null || r.band === null ? [] : [{ org, value: r.value, band: r.band, denominator: r.denominator, numerator: r.numerator }];
  });
  // Labels (categorical) and rank scores have no banded value on an axis to draw.
  if (dots.length === 0) return `<p class="no-plot">No banded values to plot (scoring: ${esc(indicator.scoring.method)}).</p>`;
  const funnel = dots.every((d) => d.denominator !== null);
  const cuts = valueCuts(indicator);
  const marks = [...cuts, ...(indicator.standard === undefined ? [] : [indicator.standard])];
  const values = [...dots.map((d) => d.value), ...marks];
  const lo0 = Math.min(...values);
  const hi0 = Math.max(...values);
  const pad = (hi0 - lo0 || Math.abs(hi0) || 1) * 0.06;
  const vTicks = niceTicks(lo0 - pad, hi0 + pad, 6);
  const [vlo, vhi] = [Math.min(lo0 - pad, vTicks[0]!), Math.max(hi0 + pad, vTicks.at(-1)!)];
  const title = `${indicator.label}: ${funnel ? "value against denominator" : "values"} of ${dots.length} organisations`;
  const id = `plot-${esc(indicator.id)}`;
  const parts: string[] = [`<svg class="plot" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-t"><title id="${id}-t">${esc(title)}</title>`];
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;

  if (funnel) {
    const dmax = Math.max(...dots.map((d) => d.denominator!));
    const xTicks = niceTicks(0, dmax * 1.04, 7);
    const x = linear(0, Math.max(dmax * 1.04, xTicks.at(-1)!), M.left, M.left + plotW);
    const y = linear(vlo, vhi, M.top + plotH, M.top);
    parts.push(bandShading(indicator, vlo, vhi, (a, b) => `<rect x="${M.left}" y="${y(b).toFixed(1)}" width="${plotW}" height="${(y(a) - y(b)).toFixed(1)}"`));
    parts.push(axis("x", xTicks, x, M.top + plotH, "denominator (people counted)"));
    parts.push(axis("y", vTicks, y, M.left, unitLabel(indicator)));
    const refs = referenceLines(indicator, (v) => `x1="${M.left}" x2="${M.left + plotW}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"`, y);
    const limits = controlLimits(indicator, x, y, Math.max(dmax * 1.04, xTicks.at(-1)!), id);
    parts.push(refs.lines, limits.paths, rightLabels([...refs.labels, ...limits.labels]));
    for (const d of dots) parts.push(dot(framework, indicator, d, x(d.denominator!), y(d.value)));
  } else {
    const x = linear(vlo, vhi, M.left, M.left + plotW);
    parts.push(bandShading(indicator, vlo, vhi, (a, b) => `<rect x="${x(a).toFixed(1)}" y="${M.top}" width="${(x(b) - x(a)).toFixed(1)}" height="${plotH}"`));
    parts.push(axis("x", vTicks, x, M.top + plotH, unitLabel(indicator)));
    const refs = referenceLines(indicator, (v) => `x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${M.top}" y2="${M.top + plotH}"`, x);
    parts.push(refs.lines, topLabels(refs.labels));
    const sorted = [...dots].sort((a, b) => a.value - b.value);
    sorted.forEach((d, i) => {
      // A deterministic spread (golden-ratio steps) keeps equal values apart without randomness.
      const jitter = ((i * 0.6180339887) % 1) * 0.8 + 0.1;
      parts.push(dot(framework, indicator, d, x(d.value), M.top + jitter * plotH));
    });
  }
  parts.push("</svg>");
  return parts.join("");
}

/** True when the report draws 95% and 99.8% control limits around the indicator's standard. */
export function hasControlLimits(indicator: Indicator): boolean {
  const p = indicator.standard === undefined ? NaN : indicator.standard / unitMultiplier(indicator.unit);
  return isShareUnit(indicator.unit) && p > 0 && p < 1;
}

/**
 * PHE's funnel limits (Wilson-based, 2 and 3 sigma) around the standard as a proportion, drawn over
 * the denominators on the axis and clipped to the plot, labelled at the right-hand end.
 */
function controlLimits(indicator: Indicator, x: (n: number) => number, y: (v: number) => number, nmax: number, id: string): { paths: string; labels: Label[] } {
  if (!hasControlLimits(indicator)) return { paths: "", labels: [] };
  const scale = unitMultiplier(indicator.unit);
  const p = indicator.standard! / scale;
  const steps = 120;
  const rows = Array.from({ length: steps + 1 }, (_, i) => nmax ** (i / steps)).map((n) => ({ n, l: proportionFunnelLimits(n, p, 1) }));
  const path = (pick: (l: ProportionFunnelLimits) => number) =>
    rows.map(({ n, l }, i) => `${i === 0 ? "M" : "L"}${x(n).toFixed(1)} ${y(pick(l) * scale).toFixed(1)}`).join("");
  const end = rows.at(-1)!.l;
  const paths = `<clipPath id="${id}-clip"><rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}"/></clipPath><g clip-path="url(#${id}-clip)" fill="none"><path class="limit95" d="${path((l) => l.lower2s)}"/><path class="limit95" d="${path((l) => l.upper2s)}"/><path class="limit998" d="${path((l) => l.lower3s)}"/><path class="limit998" d="${path((l) => l.upper3s)}"/></g>`;
  const labels = [
    { at: y(end.upper3s * scale), text: "99.8%", cls: "" },
    { at: y(end.upper2s * scale), text: "95%", cls: "" },
    { at: y(end.lower2s * scale), text: "95%", cls: "" },
    { at: y(end.lower3s * scale), text: "99.8%", cls: "" },
  ];
  return { paths, labels };
}

/** A line's label: its position along the value axis in pixels, and its text. */
export interface Label {
  at: number;
  text: string;
  cls: string;
}

const LABEL_GAP = 12;

/** Labels to the right of a funnel plot, nudged apart vertically so that close lines stay readable. */
export function rightLabels(labels: Label[]): string {
  const sorted = [...labels].sort((a, b) => a.at - b.at);
  const ys = sorted.map((l) => l.at);
  for (let i = 1; i < ys.length; i++) ys[i] = Math.max(ys[i]!, ys[i - 1]! + LABEL_GAP);
  const overflow = ys.length === 0 ? 0 : ys.at(-1)! - (H - M.bottom);
  for (let i = ys.length - 1; overflow > 0 && i >= 0; i--) ys[i] = Math.min(ys[i]! - overflow, i + 1 < ys.length ? ys[i + 1]! - LABEL_GAP : Infinity);
  const x = (W - M.right + 6).toFixed(1);
  return sorted.map((l, i) => `<text class="ref-label${l.cls}" x="${x}" y="${(ys[i]! + 4).toFixed(1)}">${esc(l.text)}</text>`).join("");
}

/** Labels above a strip plot's lines, on a second row where two would collide. */
function topLabels(labels: Label[]): string {
  const sorted = [...labels].sort((a, b) => a.at - b.at);
  let lastOnFirstRow = -Infinity;
  return sorted
    .map((l) => {
      const firstRow = l.at - lastOnFirstRow > 90;
      if (firstRow) lastOnFirstRow = l.at;
      return `<text class="ref-label${l.cls}" x="${(l.at + 3).toFixed(1)}" y="${M.top + (firstRow ? 10 : 22)}">${esc(l.text)}</text>`;
    })
    .join("");
}

function unitLabel(indicator: Indicator): string {
  return `value, ${indicator.unit} (${indicator.polarity} is better)`;
}

/** Each band's stretch of the value axis, faintly in its colour. */
function bandShading(indicator: Indicator, lo: number, hi: number, rect: (a: number, b: number) => string): string {
  const valueScale = valueCuts(indicator);
  if (valueScale.length === 0) return "";
  const cuts = [...valueScale].sort((a, b) => a - b).filter((c) => c > lo && c < hi);
  const edges = [lo, ...cuts, hi];
  const bands = bandCount(indicator);
  const out: string[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const mid = (edges[i]! + edges[i + 1]!) / 2;
    const { band } = bandByThresholds(mid, valueScale, indicator.polarity);
    out.push(`${rect(edges[i]!, edges[i + 1]!)} class="band-zone" fill="${categoryColour(band - 1, bands).hex}"/>`);
  }
  return out.join("");
}

function referenceLines(indicator: Indicator, line: (v: number) => string, at: (v: number) => number): { lines: string; labels: Label[] } {
  const s = indicator.standard;
  const cuts = valueCuts(indicator);
  const lines = cuts.map((c) => `<line class="cut" ${line(c)}/>`);
  const labels = cuts.filter((c) => c !== s).map((c) => ({ at: at(c), text: `cut ${formatValue(c)}`, cls: "" }));
  if (s !== undefined) {
    lines.push(`<line class="standard" ${line(s)}/>`);
    labels.push({ at: at(s), text: `${cuts.includes(s) ? "standard = cut" : "standard"} ${formatValue(s)}`, cls: " standard-label" });
  }
  return { lines: lines.join(""), labels };
}

function dot(framework: Framework, indicator: Indicator, d: Dot, x: number, y: number): string {
  const bands = bandCount(indicator);
  const bandName = framework.categories.length === bands ? framework.categories[d.band - 1]! : `band ${d.band}`;
  const fraction = d.numerator !== null && d.denominator !== null ? ` = ${formatValue(d.numerator)} / ${formatValue(d.denominator)}` : "";
  const period = d.org.period === null ? "" : ` ${d.org.period}`;
  const tip = `${d.org.code} ${d.org.name}${period}: ${formatValue(Number(d.value.toFixed(2)))}${fraction}, band ${d.band} (${bandName}); category ${d.org.category}`;
  return shapeSvg(categoryColour(d.band - 1, bands), x, y, DOT, `<title>${esc(tip)}</title>`);
}
