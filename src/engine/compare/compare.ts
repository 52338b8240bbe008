import { error, type Diagnostic } from "../diagnostics.js";
import { NOT_RATED } from "../framework/categories.js";
import { compareText } from "../text-order.js";
import type { GradedRow, GradedRows } from "./graded-rows.js";
import { successorOf, type SuccessorMap } from "./successors.js";

/**
 * `up N` / `down N` / `same` for an organisation in both tables under its own code; `merged` for a
 * predecessor compared with its successor; `new` / `gone` for an organisation in only one table;
 * `now rated` / `now not rated` when one side is Not rated, which is neither better nor worse.
 */
export interface ComparisonRow {
  code: string;
  name: string;
  /** The code in the newer table when it differs (a merger or a new code), else null. */
  successorCode: string | null;
  oldCategory: string | null;
  newCategory: string | null;
  change: string;
  /** Categories moved up (positive) or down (negative); null when either side is missing or Not rated. */
  steps: number | null;
  oldScore: number | null;
  newScore: number | null;
  scoreChange: number | null;
  /** League-table ranks, where both tables rank; rankChange is places climbed (old rank minus new). */
  oldRank: number | null;
  newRank: number | null;
  rankChange: number | null;
}

export const NEW = "new";
export const GONE = "gone";

export interface TransitionMatrix {
  /** Old categories, then Not rated, then `new` (in the newer table only). */
  rows: string[];
  /** New categories, then Not rated, then `gone` (in the older table only). */
  columns: string[];
  counts: number[][];
}

export interface ComparisonCounts {
  up: number;
  down: number;
  same: number;
  merged: number;
  new: number;
  gone: number;
  /** Organisations up minus organisations down (merged predecessors included). */
  net: number;
}

export interface Comparison {
  categories: string[];
  /** Whether both tables carry league-table ranks, so that rank movement means something. */
  ranked: boolean;
  rows: ComparisonRow[];
  matrix: TransitionMatrix;
  counts: ComparisonCounts;
}

export interface CompareOptions {
  map: SuccessorMap;
  allowDifferentFrameworks: boolean;
}

export type CompareOutcome = { ok: true; comparison: Comparison } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Compare two rated tables. Codes of the older table are mapped to their successors first; a
 * merged organisation gives one row per predecessor, each compared with the successor, and counts
 * in the matrix and in up/down like any other. Rows are in code order, so the output is stable.
 */
export function compare(older: GradedRows, newer: GradedRows, options: CompareOptions): CompareOutcome {
  const diagnostics = frameworkProblems(older, newer, options.allowDifferentFrameworks);
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const categories = newer.categories;
  const rank = new Map(categories.map((c, i) => [c, i]));
  for (const row of [...older.rows, ...newer.rows]) {
    if (row.category !== NOT_RATED && !rank.has(row.category)) {
      diagnostics.push(error("E_UNKNOWN_CATEGORY", `category "${row.category}" of ${row.code} is not one of: ${categories.join(", ")}`, row.origin));
    }
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  const newByCode = new Map(newer.rows.map((r) => [r.code, r]));
  const matched = new Set<string>();
  const rows: ComparisonRow[] = older.rows.map((old) => {
    const code = successorOf(options.map, old.code, (c) => newByCode.has(c));
    const now = newByCode.get(code);
    if (now === undefined) return row(old, null, code === old.code ? null : code, GONE, rank);
    matched.add(code);
    return row(old, now, code === old.code ? null : code, code === old.code ? null : "merged", rank);
  });
  for (const now of newer.rows) if (!matched.has(now.code)) rows.push(row(null, now, null, NEW, rank));
  rows.sort((a, b) => compareText(a.code, b.code) || compareText(a.successorCode ?? "", b.successorCode ?? ""));
  const ranked = isRanked(older) && isRanked(newer);
  return { ok: true, comparison: { categories: [...categories], ranked, rows, matrix: transitionMatrix(categories, rows), counts: countChanges(rows) } };
}

function isRanked(table: GradedRows): boolean {
  return table.rows.some((r) => r.rank != null);
}

function frameworkProblems(older: GradedRows, newer: GradedRows, allowDifferent: boolean): Diagnostic[] {
  if (allowDifferent) return [];
  if (older.frameworkId !== null && newer.frameworkId !== null && older.frameworkId !== newer.frameworkId) {
    return [
      error(
        "E_FRAMEWORK_MISMATCH",
        `the tables were rated with different frameworks (${older.frameworkId} and ${newer.frameworkId}); add --allow-different-frameworks to compare them by category name`,
      ),
    ];
  }
  if (older.categories.join("\u0000") !== newer.categories.join("\u0000")) {
    return [
      error(
        "E_FRAMEWORK_MISMATCH",
        `the tables have different categories (${older.categories.join(", ")} / ${newer.categories.join(", ")}); add --allow-different-frameworks to compare them by category name`,
      ),
    ];
  }
  return [];
}

function row(old: GradedRow | null, now: GradedRow | null, successorCode: string | null, fixed: string | null, rank: ReadonlyMap<string, number>): ComparisonRow {
  const before = old === null ? undefined : rank.get(old.category);
  const after = now === null ? undefined : rank.get(now.category);
  const steps = before === undefined || after === undefined ? null : before - after;
  const scoreChange = old?.score == null || now?.score == null ? null : now.score - old.score;
  const oldRank = old?.rank ?? null;
  const newRank = now?.rank ?? null;
  return {
    code: (old ?? now)!.code,
    name: (old ?? now)!.name,
    successorCode,
    oldCategory: old?.category ?? null,
    newCategory: now?.category ?? null,
    change: fixed ?? changeText(steps, old!.category, now!.category),
    steps,
    oldScore: old?.score ?? null,
    newScore: now?.score ?? null,
    scoreChange,
    oldRank,
    newRank,
    rankChange: oldRank === null || newRank === null ? null : oldRank - newRank,
  };
}

function changeText(steps: number | null, before: string, after: string): string {
  if (steps === null) return before === after ? "same" : after === NOT_RATED ? "now not rated" : "now rated";
  return steps > 0 ? `up ${steps}` : steps < 0 ? `down ${-steps}` : "same";
}

function transitionMatrix(categories: readonly string[], rows: readonly ComparisonRow[]): TransitionMatrix {
  const rowLabels = [...categories, NOT_RATED, NEW];
  const columnLabels = [...categories, NOT_RATED, GONE];
  const counts = rowLabels.map(() => columnLabels.map(() => 0));
  for (const r of rows) {
    const i = r.oldCategory === null ? rowLabels.length - 1 : rowLabels.indexOf(r.oldCategory);
    const j = r.newCategory === null ? columnLabels.length - 1 : columnLabels.indexOf(r.newCategory);
    counts[i]![j]!++;
  }
  return { rows: rowLabels, columns: columnLabels, counts };
}

function countChanges(rows: readonly ComparisonRow[]): ComparisonCounts {
  const count = (test: (r: ComparisonRow) => boolean) => rows.filter(test).length;
  const up = count((r) => (r.steps ?? 0) > 0);
  const down = count((r) => (r.steps ?? 0) < 0);
  return {
    up,
    down,
    same: count((r) => r.change === "same" || (r.change === "merged" && r.steps === 0)),
    merged: count((r) => r.change === "merged"),
    new: count((r) => r.change === NEW),
    gone: count((r) => r.change === GONE),
    net: up - down,
  };
}
