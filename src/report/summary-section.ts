import { NOT_RATED } from "../engine/framework/categories.js";
import type { Summary } from "../engine/rate.js";
import type { Uncertainty } from "../engine/uncertainty/category-probabilities.js";
import { esc } from "./html-escape.js";
import { categoryColour } from "./palette.js";
import { shapeIcon } from "./shape.js";

interface Slice {
  label: string;
  index: number | null;
  count: number;
}

/**
 * The headline counts: per period a bar split by category (each slice labelled with its count, so
 * the bar reads in greyscale), and the same counts as a table that needs no picture at all. With a
 * bootstrap, each count across the draws beside it: the mean and the central 95% of draws.
 */
export function summarySection(summary: Summary, uncertainty?: Uncertainty): string {
  const n = summary.categories.length;
  const withNotRated = summary.periods.some((p) => p.notRated > 0);
  const slicesOf = (p: Summary["periods"][number]): Slice[] => [
    ...summary.categories.map((label, i) => ({ label, index: i, count: p.counts[i]! })),
    ...(withNotRated ? [{ label: NOT_RATED, index: null, count: p.notRated }] : []),
  ];
  const bars = summary.periods.map((p) => {
    const slices = slicesOf(p);
    let x = 0;
    const rects = slices.map((s) => {
      const w = p.total === 0 ? 0 : (1000 * s.count) / p.total;
      const c = categoryColour(s.index, n);
      const text = w >= 34 ? `<text x="${(x + w / 2).toFixed(1)}" y="29" text-anchor="middle" class="${c.name === "yellow" ? "on-light" : "on-dark"}">${s.count}</text>` : "";
      const rect = `<g><title>${esc(`${s.label}: ${s.count} of ${p.total}`)}</title><rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="44" fill="${c.hex}"/>${text}</g>`;
      x += w;
      return rect;
    });
    const caption = p.period === null ? "" : `<div class="bar-period">${esc(p.period)}</div>`;
    return `${caption}<svg class="bar" viewBox="0 0 1000 44" preserveAspectRatio="none" role="img" aria-label="${esc(slices.map((s) => `${s.label} ${s.count}`).join(", "))}">${rects.join("")}</svg>`;
  });

  const multi = summary.periods.length > 1 || summary.periods[0]?.period !== null;
  const drawnHead = (p: Summary["periods"][number]) => (uncertainty === undefined ? "" : `<th scope="col" class="num">${esc(multi ? `${p.period ?? ""} drawn` : "Drawn")} (95%)</th>`);
  const head = multi
    ? summary.periods.map((p) => `<th scope="col" class="num">${esc(p.period ?? "")}</th>${drawnHead(p)}`).join("")
    : `<th scope="col" class="num">Organisations</th><th scope="col" class="num">Share</th>${drawnHead(summary.periods[0]!)}`;
  const drawn = (period: number, index: number | null) => {
    if (uncertainty === undefined) return "";
    const c = index === null ? undefined : uncertainty.periods[period]?.counts[index];
    return `<td class="num">${c === undefined ? "" : `${c.expected.toFixed(1)} (${c.lower}–${c.upper})`}</td>`;
  };
  const share = (count: number, total: number) => (total === 0 ? "0.0%" : `${((100 * count) / total).toFixed(1)}%`);
  const rows = slicesOf(summary.periods[0] ?? { period: null, counts: [], notRated: 0, total: 0 }).map((s, row) => {
    const cells = summary.periods.map((p, i) => {
      const count = slicesOf(p)[row]!.count;
      const attrs = `data-category="${esc(s.label)}" data-period="${esc(p.period ?? "")}"`;
      return multi
        ? `<td class="num"><span class="count" ${attrs}>${count}</span> <span class="share">(${share(count, p.total)})</span></td>${drawn(i, s.index)}`
        : `<td class="num"><span class="count" ${attrs}>${count}</span></td><td class="num">${share(count, p.total)}</td>${drawn(i, s.index)}`;
    });
    const c = categoryColour(s.index, n);
    return `<tr><th scope="row"><span class="swatch">${shapeIcon(c)}</span>${esc(s.label)}</th>${cells.join("")}</tr>`;
  });
  const totals = summary.periods.map((p, i) => `<td class="num"><span class="total" data-period="${esc(p.period ?? "")}">${p.total}</span></td>${multi ? "" : "<td></td>"}${drawn(i, null)}`);
  return `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Headline counts</h2>${bars.join("")}
<table class="counts"><thead><tr><th scope="col">Category</th>${head}</tr></thead><tbody>${rows.join("")}</tbody><tfoot><tr><th scope="row">Total</th>${totals.join("")}</tr></tfoot></table></section>`;
}
