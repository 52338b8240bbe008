import type { Rating } from "../../engine/rate.js";
import { csvRecord } from "./csv-record.js";
import { gradedRows } from "./graded-table.js";
import { renderMarkdown } from "./markdown.js";

export const OUTPUT_FORMATS = ["csv", "json", "md"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function renderRating(rating: Rating, format: OutputFormat): string {
  return [...renderRatingChunks(rating, format)].join("");
}

/** The same text as renderRating, in pieces, so that a large CSV goes to its file without being held whole. */
export function renderRatingChunks(rating: Rating, format: OutputFormat): Iterable<string> {
  if (format === "md") return [renderMarkdown(rating)];
  return format === "json" ? [renderJson(rating)] : csvChunks(rating);
}

/** Rows a chunk: few enough pieces for the writer, none of them large. */
const CSV_CHUNK_ROWS = 1000;

function* csvChunks(rating: Rating): Generator<string> {
  const { columns, csvLines } = gradedRows(rating);
  let batch: string[] = [csvRecord(columns)];
  for (const line of csvLines) {
    batch.push(line);
    if (batch.length >= CSV_CHUNK_ROWS) {
      yield batch.join("");
      batch = [];
    }
  }
  if (batch.length > 0) yield batch.join("");
}

function renderJson(rating: Rating): string {
  const { columns, rows } = gradedRows(rating);
  const fw = rating.framework;
  const doc = {
    framework: { id: fw.id, title: fw.title, categories: fw.categories, source: fw.source, caveats: fw.caveats },
    summary: rating.summary.periods.map((p) => ({
      period: p.period,
      counts: Object.fromEntries(fw.categories.map((c, i) => [c, p.counts[i]!])),
      not_rated: p.notRated,
      total: p.total,
    })),
    organisations: [...rows].map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]!]))),
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
