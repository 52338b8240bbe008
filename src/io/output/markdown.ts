import { NOT_RATED } from "../../engine/framework/categories.js";
import type { Rating } from "../../engine/rate.js";
import { probabilityOf, type Uncertainty } from "../../engine/uncertainty/category-probabilities.js";
import { rankSetOf, type RankSets } from "../../engine/uncertainty/rank-sets.js";
import { formulaSafe } from "./formula-safe.js";
import { gradedRows } from "./graded-table.js";

const GRADED_HEADING = "## Graded table";

/**
 * The summary counts and the graded table as GitHub-flavoured Markdown, ready to paste into a
 * report or a pull request. Cells hold the same text as the CSV.
 */
export function renderMarkdown(rating: Rating, uncertainty?: Uncertainty, rankSets?: RankSets): string {
  const { categories, periods } = rating.summary;
  const multi = periods.length > 1 || periods[0]?.period !== null;
  const share = (n: number, total: number) => (total === 0 ? "0.0%" : `${((100 * n) / total).toFixed(1)}%`);
  const summaryHead = ["Category", ...(multi ? periods.map((p) => p.period ?? "") : ["Count", "Share"])];
  const line = (label: string, pick: (p: (typeof periods)[number]) => number) =>
    multi ? [label, ...periods.map((p) => `${pick(p)} (${share(pick(p), p.total)})`)] : [label, String(pick(periods[0]!)), share(pick(periods[0]!), periods[0]!.total)];
  const summaryRows = [
    ...categories.map((c, i) => line(c, (p) => p.counts[i]!)),
    ...(periods.some((p) => p.notRated > 0) ? [line(NOT_RATED, (p) => p.notRated)] : []),
    ["**Total**", ...(multi ? periods.map((p) => String(p.total)) : [String(periods[0]?.total ?? 0), ""])],
  ];
  const { columns, textRows } = gradedRows(rating, uncertainty && probabilityOf(uncertainty), rankSets && rankSetOf(rankSets));
  const graded = [...textRows];
  const numeric = columns.map((c) => c !== "org_code" && c !== "org_name" && c !== "period" && c !== "category" && c !== "decided_by" && c !== "notes");
  return [
    `# ${escapeCell(rating.framework.title)}`,
    "",
    markdownTable(summaryHead, summaryRows, summaryHead.map((_, i) => i > 0)),
    "",
    GRADED_HEADING,
    "",
    markdownTable(columns, graded, numeric),
    "",
  ].join("\n");
}

/** The graded table back out of renderMarkdown's text (for --check), or null when there is none. */
export function parseMarkdownGradedTable(text: string): { columns: string[]; rows: string[][] } | null {
  const lines = text.split(/\r?\n/);
  const start = lines.indexOf(GRADED_HEADING);
  if (start === -1) return null;
  const body = lines.slice(start + 1).filter((l) => l.startsWith("|"));
  if (body.length < 2) return null;
  const cells = (l: string) => l.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, "|"));
  return { columns: cells(body[0]!), rows: body.slice(2).map(cells) };
}

/** A GitHub-flavoured Markdown table; numeric columns right-aligned. */
export function markdownTable(head: string[], rows: string[][], rightAligned: boolean[]): string {
  const row = (cells: string[]) => `| ${cells.map(escapeCell).join(" | ")} |`;
  return [`| ${head.map(escapeCell).join(" | ")} |`, `|${rightAligned.map((r) => (r ? " ---: " : " --- ")).join("|")}|`, ...rows.map(row)].join("\n");
}

/** A cell's text for a Markdown table: pipes escaped, lines joined, formulas made safe as in CSV. */
export function escapeCell(text: string): string {
  return formulaSafe(text).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
