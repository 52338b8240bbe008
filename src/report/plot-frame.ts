import { formatValue } from "../io/output/format-number.js";
import { esc } from "./html-escape.js";

/** Every plot's size and margins, in SVG units: the right margin holds line labels. */
export const W = 760;
export const H = 320;
export const M = { left: 56, right: 132, top: 14, bottom: 46 };

/** An axis along the bottom (x) or the left (y) of the plot, its ticks and its label; ticks are numbers unless `tickText` names them. */
export function axis(which: "x" | "y", ticks: number[], scale: (v: number) => number, at: number, label: string, tickText: (t: number) => string = formatValue): string {
  const out: string[] = [`<g class="axis">`];
  if (which === "x") {
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${at}" y2="${at}"/>`);
    for (const t of ticks) {
      const p = scale(t).toFixed(1);
      out.push(`<line x1="${p}" x2="${p}" y1="${at}" y2="${at + 4}"/><text x="${p}" y="${at + 16}" text-anchor="middle">${esc(tickText(t))}</text>`);
    }
    out.push(`<text class="axis-label" x="${M.left + (W - M.left - M.right) / 2}" y="${H - 8}" text-anchor="middle">${esc(label)}</text>`);
  } else {
    out.push(`<line x1="${at}" x2="${at}" y1="${M.top}" y2="${H - M.bottom}"/>`);
    for (const t of ticks) {
      const p = scale(t).toFixed(1);
      out.push(`<line x1="${at - 4}" x2="${at}" y1="${p}" y2="${p}"/><text x="${at - 7}" y="${(Number(p) + 4).toFixed(1)}" text-anchor="end">${esc(tickText(t))}</text>`);
    }
    const mid = M.top + (H - M.top - M.bottom) / 2;
    out.push(`<text class="axis-label" transform="translate(14 ${mid}) rotate(-90)" text-anchor="middle">${esc(label)}</text>`);
  }
  out.push("</g>");
  return out.join("");
}
