import type { GradedRow, GradedRows } from "../../engine/compare/graded-rows.js";
import { error, hasErrors, type Diagnostic, type Origin } from "../../engine/diagnostics.js";
import { DEFAULT_CATEGORIES, NOT_RATED } from "../../engine/framework/categories.js";
import { compareText } from "../../engine/text-order.js";
import { parseCell } from "../cell.js";
import { numberIn, readGradedTable, type GradedTable, type GradedTableRow } from "./graded-table.js";

export interface GradedReadOptions {
  /** Category order to use for a CSV table, which does not say its framework; null: see toGradedRows. */
  categories: readonly string[] | null;
  /** The period to take from a table with a period column; null: the table must hold one period. */
  period: string | null;
}

export type GradedRead = { ok: true; table: GradedRows } | { ok: false; diagnostics: Diagnostic[] };

interface Candidate extends GradedRow {
  categoryAt: Origin;
}

/** A graded table written by `rate`, as CSV or JSON, read as the rows of one period to compare (see toGradedRows). */
export async function readGraded(text: string, file: string, options: GradedReadOptions): Promise<GradedRead> {
  const read = await readGradedTable(text, file);
  return read.ok ? toGradedRows(read.table, options) : read;
}

/**
 * One period of a graded table as rows to compare. JSON names its framework and categories. CSV does
 * not: its categories are the given ones (from --framework or --thresholds), else the four standard
 * categories followed by any others in order of appearance.
 */
export function toGradedRows(table: GradedTable, options: GradedReadOptions): GradedRead {
  const diagnostics = [...table.problems];
  const candidates: Candidate[] = [];
  for (const row of table.rows) {
    // Our own CSV made formula-looking cells safe for spreadsheets; the rating is of the text itself.
    // A CSV's cells come trimmed and an empty code is reported; a JSON's code is trimmed here, its
    // schema having refused an empty one (not a blank one, which is kept as "").
    const code = table.format === "json" ? row.text("org_code").trim() : row.text("org_code");
    if (table.format === "csv" && code === "") {
      diagnostics.push(error("E_EMPTY_ORG_CODE", "organisation code is empty", row.at("org_code")));
      continue;
    }
    candidates.push({
      code,
      name: row.text("org_name"),
      period: table.hasPeriods && row.cell("period") !== null ? row.text("period") : null,
      category: row.text("category"),
      score: numberIn(row, "score", diagnostics),
      rank: rankIn(row, diagnostics),
      origin: row.origin,
      categoryAt: row.at("category"),
    });
  }
  const categories = table.framework?.categories ?? options.categories ?? categoriesByAppearance(candidates);
  return finish(candidates, table, categories, options, diagnostics);
}

/** The league-table rank: a whole number of at least 1, or no value. */
function rankIn(row: GradedTableRow, diagnostics: Diagnostic[]): number | null {
  const cell = row.cell("rank");
  // The JSON schema takes only such numbers.
  if (typeof cell === "number") return cell;
  const rank = parseCell(cell ?? "", false);
  if (rank.kind === "missing") return null;
  if (rank.kind === "number" && Number.isInteger(rank.value) && rank.value >= 1) return rank.value;
  diagnostics.push(error("E_NOT_A_NUMBER", `"${cell}" is not a rank (a whole number of at least 1) (column rank)`, row.at("rank")));
  return null;
}

function categoriesByAppearance(rows: readonly Candidate[]): string[] {
  const out: string[] = [...DEFAULT_CATEGORIES];
  for (const r of rows) if (r.category !== NOT_RATED && r.category !== "" && !out.includes(r.category)) out.push(r.category);
  return out;
}

function finish(candidates: readonly Candidate[], table: GradedTable, categories: readonly string[], options: GradedReadOptions, diagnostics: Diagnostic[]): GradedRead {
  const { hasPeriods, file } = table;
  const periods = [...new Set(candidates.map((c) => c.period ?? ""))].sort(compareText);
  let period: string | null = null;
  if (options.period !== null) {
    if (!hasPeriods || !periods.includes(options.period)) {
      const has = hasPeriods ? `its periods are ${periods.join(", ")}` : "it has no period column";
      diagnostics.push(error("E_PERIOD_NOT_FOUND", `no period "${options.period}" in this table (${has})`, { file }));
    }
    period = options.period;
  } else if (hasPeriods && periods.length > 1) {
    diagnostics.push(error("E_SEVERAL_PERIODS", `the table holds ${periods.length} periods (${periods.join(", ")}); choose two with --periods OLD,NEW`, { file }));
  } else if (hasPeriods) {
    period = periods[0] ?? null;
  }
  const rows: GradedRow[] = [];
  const seen = new Map<string, Candidate>();
  for (const c of candidates) {
    if (hasPeriods && c.period !== period) continue;
    if (c.category !== NOT_RATED && !categories.includes(c.category)) {
      diagnostics.push(error("E_UNKNOWN_CATEGORY", `category "${c.category}" is not one of: ${categories.join(", ")}`, c.categoryAt));
    }
    const first = seen.get(c.code);
    if (first) {
      const firstAt = first.origin?.line === undefined ? "" : ` (first at line ${first.origin.line})`;
      diagnostics.push(error("E_DUPLICATE_ORG", `organisation ${c.code} appears more than once${firstAt}`, c.origin));
      continue;
    }
    seen.set(c.code, c);
    rows.push({ code: c.code, name: c.name, period: c.period, category: c.category, score: c.score, rank: c.rank, origin: c.origin });
  }
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  rows.sort((a, b) => compareText(a.code, b.code));
  return { ok: true, table: { frameworkId: table.framework?.id ?? null, categories: [...categories], period, rows } };
}
