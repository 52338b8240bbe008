import { stringify } from "csv-stringify/sync";
import type { Rating } from "../../engine/rate.js";
import { csvCellText, gradedTable } from "./graded-table.js";
import { renderMarkdown } from "./markdown.js";

export const OUTPUT_FORMATS = ["csv", "json", "md"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function renderRating(rating: Rating, format: OutputFormat): string {
  if (format === "md") return renderMarkdown(rating);
  return format === "json" ? renderJson(rating) : renderCsv(rating);
}

function renderCsv(rating: Rating): string {
  const { columns, fixed, rows } = gradedTable(rating);
  const text = rows.map((row) => row.map((cell, i) => csvCellText(cell, fixed[i]!)));
  return stringify([columns, ...text], { record_delimiter: "\n" });
}

function renderJson(rating: Rating): string {
  const { columns, rows } = gradedTable(rating);
  const fw = rating.framework;
  const doc = {
    framework: { id: fw.id, title: fw.title, categories: fw.categories, source: fw.source, caveats: fw.caveats },
    summary: rating.summary.periods.map((p) => ({
      period: p.period,
      counts: Object.fromEntries(fw.categories.map((c, i) => [c, p.counts[i]!])),
      not_rated: p.notRated,
      total: p.total,
    })),
    organisations: rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]!]))),
    statistics: rating.statistics.map((s) => ({
      indicator: s.indicator,
      ...(rating.summary.periods.length > 1 || s.period !== null ? { period: s.period } : {}),
      national: s.national,
      phi: s.phi,
      tau2: s.tau2,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
