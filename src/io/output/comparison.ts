import type { Comparison, ComparisonCounts, ComparisonRow } from "../../engine/compare/compare.js";
import { csvRecord } from "./csv-record.js";
import { formatFixed } from "./format-number.js";
import { escapeCell } from "./markdown.js";

export const COMPARISON_FORMATS = ["csv", "json", "md"] as const;
export type ComparisonFormat = (typeof COMPARISON_FORMATS)[number];

/** What the two sides are called in the output: their periods, or their file names. */
export interface ComparisonLabels {
  old: string;
  new: string;
}

const COLUMNS = ["org_code", "org_name", "successor_code", "old_category", "new_category", "change", "old_score", "new_score", "score_change"] as const;
/** Only where both tables carry league-table ranks, so that other comparisons keep their columns. */
const RANK_COLUMNS = ["old_rank", "new_rank", "rank_change"] as const;
const SCORE_DECIMALS = 3;

function columnsOf(comparison: Comparison): string[] {
  return comparison.ranked ? [...COLUMNS, ...RANK_COLUMNS] : [...COLUMNS];
}

export function renderComparison(comparison: Comparison, labels: ComparisonLabels, format: ComparisonFormat): string {
  if (format === "json") return renderJson(comparison, labels);
  if (format === "md") return renderMarkdown(comparison, labels);
  return [columnsOf(comparison), ...comparison.rows.map((r) => cells(r, comparison.ranked).map((c) => c ?? ""))].map(csvRecord).join("");
}

/** `up 20, down 15 (net +5); same 150; merged 3; new 1; gone 0` */
export function countsLine(counts: ComparisonCounts): string {
  const net = counts.net > 0 ? `+${counts.net}` : String(counts.net);
  return `up ${counts.up}, down ${counts.down} (net ${net}); same ${counts.same}; merged ${counts.merged}; new ${counts.new}; gone ${counts.gone}`;
}

/** `+12`, `-3`, `0`: places climbed in the league table. */
export function rankChangeText(change: number): string {
  return change > 0 ? `+${change}` : String(change);
}

function cells(r: ComparisonRow, ranked: boolean): (string | null)[] {
  const score = (x: number | null) => (x === null ? null : formatFixed(x, SCORE_DECIMALS));
  const out = [r.code, r.name, r.successorCode, r.oldCategory, r.newCategory, r.change, score(r.oldScore), score(r.newScore), score(r.scoreChange)];
  if (ranked) out.push(r.oldRank === null ? null : String(r.oldRank), r.newRank === null ? null : String(r.newRank), r.rankChange === null ? null : rankChangeText(r.rankChange));
  return out;
}

function renderJson(comparison: Comparison, labels: ComparisonLabels): string {
  const round = (x: number | null) => (x === null ? null : Number(formatFixed(x, SCORE_DECIMALS)));
  const doc = {
    old: labels.old,
    new: labels.new,
    categories: comparison.categories,
    counts: comparison.counts,
    matrix: comparison.matrix,
    organisations: comparison.rows.map((r) => ({
      org_code: r.code,
      org_name: r.name,
      successor_code: r.successorCode,
      old_category: r.oldCategory,
      new_category: r.newCategory,
      change: r.change,
      steps: r.steps,
      old_score: round(r.oldScore),
      new_score: round(r.newScore),
      score_change: round(r.scoreChange),
      ...(comparison.ranked ? { old_rank: r.oldRank, new_rank: r.newRank, rank_change: r.rankChange } : {}),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function renderMarkdown(comparison: Comparison, labels: ComparisonLabels): string {
  const { matrix } = comparison;
  const lines = [`## Ratings ${labels.old} -> ${labels.new}`, "", `${capitalise(countsLine(comparison.counts))}.`, ""];
  lines.push(mdRow(["old \\ new", ...matrix.columns]), mdRule(["---", ...matrix.columns.map(() => "---:")]));
  matrix.rows.forEach((label, i) => lines.push(mdRow([label, ...matrix.counts[i]!.map(String)])));
  const changed = comparison.rows.filter((r) => r.change !== "same");
  lines.push("", `### Organisations that changed (${changed.length})`, "");
  if (changed.length === 0) lines.push("None.");
  else {
    const columns = columnsOf(comparison);
    lines.push(mdRow(columns), mdRule(columns.map(() => "---")));
    for (const r of changed) lines.push(mdRow(cells(r, comparison.ranked).map((c) => c ?? "")));
  }
  return `${lines.join("\n")}\n`;
}

function mdRow(cells: readonly string[]): string {
  return `| ${cells.map(escapeCell).join(" | ")} |`;
}

/** The line under a table's head, which is syntax, not cells. */
function mdRule(rules: readonly string[]): string {
  return `| ${rules.join(" | ")} |`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
