import type { Rating } from "../../engine/rate.js";
import { probabilityOf, type Uncertainty } from "../../engine/uncertainty/category-probabilities.js";
import { csvRecord } from "./csv-record.js";
import { gradedRows } from "./graded-table.js";
import { renderMarkdown } from "./markdown.js";

export const OUTPUT_FORMATS = ["csv", "json", "md"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function renderRating(rating: Rating, format: OutputFormat, uncertainty?: Uncertainty): string {
  return [...renderRatingChunks(rating, format, uncertainty)].join("");
}

/** The same text as renderRating, in pieces, so that a large CSV goes to its file without being held whole. */
export function renderRatingChunks(rating: Rating, format: OutputFormat, uncertainty?: Uncertainty): Iterable<string> {
  if (format === "md") return [renderMarkdown(rating, uncertainty)];
  return format === "json" ? [renderJson(rating, uncertainty)] : csvChunks(rating, uncertainty);
}

/** Rows a chunk: few enough pieces for the writer, none of them large. */
const CSV_CHUNK_ROWS = 1000;

function* csvChunks(rating: Rating, uncertainty: Uncertainty | undefined): Generator<string> {
  const { columns, csvLines } = gradedRows(rating, uncertainty && probabilityOf(uncertainty));
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

function renderJson(rating: Rating, uncertainty: Uncertainty | undefined): string {
  const { columns, rows } = gradedRows(rating, uncertainty && probabilityOf(uncertainty));
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
    ...(uncertainty === undefined ? {} : { uncertainty: uncertaintyJson(rating, uncertainty) }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The bootstrap's settings, and per period each category's count across draws and the values held fixed. */
function uncertaintyJson(rating: Rating, u: Uncertainty) {
  const categories = rating.framework.categories;
  return {
    draws: u.draws,
    seed: u.seed,
    periods: u.periods.map((p) => ({
      period: p.period,
      counts: Object.fromEntries(categories.map((c, k) => [c, p.counts[k]!])),
      held_fixed: p.heldFixed,
    })),
  };
}
