import type { Rating } from "../../engine/rate.js";
import { probabilityOf, type Uncertainty } from "../../engine/uncertainty/category-probabilities.js";
import { rankSetOf, type RankSets } from "../../engine/uncertainty/rank-sets.js";
import { csvRecord } from "./csv-record.js";
import { gradedRows } from "./graded-table.js";
import { renderMarkdown } from "./markdown.js";

export const OUTPUT_FORMATS = ["csv", "json", "md"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function renderRating(rating: Rating, format: OutputFormat, uncertainty?: Uncertainty, rankSets?: RankSets): string {
  return [...renderRatingChunks(rating, format, uncertainty, rankSets)].join("");
}

/** The same text as renderRating, in pieces, so that a large CSV goes to its file without being held whole. */
export function renderRatingChunks(rating: Rating, format: OutputFormat, uncertainty?: Uncertainty, rankSets?: RankSets): Iterable<string> {
  if (format === "md") return [renderMarkdown(rating, uncertainty, rankSets)];
  return format === "json" ? [renderJson(rating, uncertainty, rankSets)] : csvChunks(rating, uncertainty, rankSets);
}

/** An expected rank is a mean of pairwise probabilities; two decimals are as many as its standard errors carry. */
const EXPECTED_RANK_DECIMALS = 2;

/** Rows a chunk: few enough pieces for the writer, none of them large. */
const CSV_CHUNK_ROWS = 1000;

function* csvChunks(rating: Rating, uncertainty: Uncertainty | undefined, rankSets: RankSets | undefined): Generator<string> {
  const { columns, csvLines } = gradedRows(rating, uncertainty && probabilityOf(uncertainty), rankSets && rankSetOf(rankSets));
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

function renderJson(rating: Rating, uncertainty: Uncertainty | undefined, rankSets: RankSets | undefined): string {
  const setOf = rankSets && rankSetOf(rankSets);
  const { columns, rows } = gradedRows(rating, uncertainty && probabilityOf(uncertainty), setOf);
  const expectedRank = (org: Rating["organisations"][number]) => {
    const set = setOf?.(org);
    return set ? { expected_rank: Number(set.expectedRank.toFixed(EXPECTED_RANK_DECIMALS)) } : {};
  };
  const fw = rating.framework;
  const doc = {
    framework: { id: fw.id, title: fw.title, categories: fw.categories, source: fw.source, caveats: fw.caveats },
    summary: rating.summary.periods.map((p) => ({
      period: p.period,
      counts: Object.fromEntries(fw.categories.map((c, i) => [c, p.counts[i]!])),
      not_rated: p.notRated,
      total: p.total,
    })),
    organisations: [...rows].map((row, r) => ({ ...Object.fromEntries(columns.map((c, i) => [c, row[i]!])), ...expectedRank(rating.organisations[r]!) })),
    statistics: rating.statistics.map((s) => ({
      indicator: s.indicator,
      ...(rating.summary.periods.length > 1 || s.period !== null ? { period: s.period } : {}),
      national: s.national,
      phi: s.phi,
      tau2: s.tau2,
    })),
    ...(uncertainty === undefined ? {} : { uncertainty: uncertaintyJson(rating, uncertainty) }),
    ...(rankSets === undefined
      ? {}
      : { rank_intervals: { method: "csranks (Mogstad, Romano, Shaikh & Wilhelm 2023)", kind: rankSets.kind, level: rankSets.level, draws: rankSets.draws, seed: rankSets.seed } }),
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
