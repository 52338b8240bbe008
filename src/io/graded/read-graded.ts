import { Readable } from "node:stream";
import { z } from "zod";
import type { GradedRow, GradedRows } from "../../engine/compare/graded-rows.js";
import { error, hasErrors, type Diagnostic, type Origin } from "../../engine/diagnostics.js";
import { DEFAULT_CATEGORIES, NOT_RATED } from "../../engine/framework/categories.js";
import { compareText } from "../../engine/text-order.js";
import { notANumber, parseCell } from "../cell.js";
import { fromFormulaSafe } from "../output/formula-safe.js";
import { readTable } from "../rows/read-table.js";
import { locate, parseJson } from "../json/parse-json.js";

export interface GradedReadOptions {
  /** Category order to use for a CSV table, which does not say its framework; null: see readGraded. */
  categories: readonly string[] | null;
  /** The period to take from a table with a period column; null: the table must hold one period. */
  period: string | null;
}

export type GradedRead = { ok: true; table: GradedRows } | { ok: false; diagnostics: Diagnostic[] };

const GradedJson = z.object({
  framework: z.object({ id: z.string().min(1), categories: z.array(z.string().min(1)).min(1) }),
  organisations: z.array(
    z.looseObject({
      org_code: z.string().min(1),
      org_name: z.string().optional(),
      period: z.string().nullable().optional(),
      category: z.string().min(1),
      score: z.number().nullable().optional(),
      rank: z.number().int().positive().nullable().optional(),
    }),
  ),
});

interface Candidate extends GradedRow {
  categoryAt: Origin;
}

/**
 * A graded table written by `rate`, as CSV or JSON (told apart by the first character). JSON names
 * its framework and categories. CSV does not: its categories are the given ones (from --framework or
 * --thresholds), else the four standard categories followed by any others in order of appearance.
 */
export async function readGraded(text: string, file: string, options: GradedReadOptions): Promise<GradedRead> {
  return isGradedJson(text) ? readJson(text, file, options) : readCsv(text, file, options);
}

/** Whether a graded table is JSON rather than CSV: told by its first character. */
export function isGradedJson(text: string): boolean {
  return text.replace(/^\uFEFF/, "").trimStart().startsWith("{");
}

function readJson(text: string, file: string, options: GradedReadOptions): GradedRead {
  const read = parseJson(text, file, GradedJson, "E_NOT_A_GRADED_TABLE");
  if (!read.ok) return read;
  const at = (i: number, key: string): Origin => ({ file, ...locate(read.locations, ["organisations", String(i), key]) });
  const candidates = read.data.organisations.map((o, i) => ({
    code: o.org_code.trim(),
    name: o.org_name ?? "",
    period: o.period ?? null,
    category: o.category,
    score: o.score ?? null,
    rank: o.rank ?? null,
    origin: at(i, "org_code"),
    categoryAt: at(i, "category"),
  }));
  const hasPeriods = read.data.organisations.some((o) => o.period !== undefined && o.period !== null);
  return finish(candidates, read.data.framework.id, read.data.framework.categories, hasPeriods, file, options, []);
}

async function readCsv(text: string, file: string, options: GradedReadOptions): Promise<GradedRead> {
  const table = await readTable(Readable.from([text]), file, ["org_code", "category"], ["org_name", "period", "score", "rank"]);
  const diagnostics = [...table.diagnostics];
  if (hasErrors(diagnostics) && table.rows.length === 0) return { ok: false, diagnostics };
  const candidates: Candidate[] = [];
  for (const row of table.rows) {
    // Our own CSV made formula-looking cells safe for spreadsheets; the rating is of the text itself.
    const cell = (name: string) => fromFormulaSafe(row.cell(name));
    const code = cell("org_code");
    if (code === "") {
      diagnostics.push(error("E_EMPTY_ORG_CODE", "organisation code is empty", row.at("org_code")));
      continue;
    }
    const score = parseCell(row.cell("score"), false);
    if (score.kind === "invalid") diagnostics.push(notANumber(row.cell("score"), "score", row.at("score")));
    const rank = parseCell(row.cell("rank"), false);
    const wholeRank = rank.kind === "number" && Number.isInteger(rank.value) && rank.value >= 1;
    if (rank.kind === "invalid" || (rank.kind === "number" && !wholeRank)) {
      diagnostics.push(error("E_NOT_A_NUMBER", `"${row.cell("rank")}" is not a rank (a whole number of at least 1) (column rank)`, row.at("rank")));
    }
    candidates.push({
      code,
      name: cell("org_name"),
      period: table.columns.has("period") ? cell("period") : null,
      category: cell("category"),
      score: score.kind === "number" ? score.value : null,
      rank: wholeRank ? rank.value : null,
      origin: { file, line: row.line },
      categoryAt: row.at("category"),
    });
  }
  const categories = options.categories ?? categoriesByAppearance(candidates);
  return finish(candidates, null, categories, table.columns.has("period"), file, options, diagnostics);
}

function categoriesByAppearance(rows: readonly Candidate[]): string[] {
  const out: string[] = [...DEFAULT_CATEGORIES];
  for (const r of rows) if (r.category !== NOT_RATED && r.category !== "" && !out.includes(r.category)) out.push(r.category);
  return out;
}

function finish(
  candidates: readonly Candidate[],
  frameworkId: string | null,
  categories: readonly string[],
  hasPeriods: boolean,
  file: string,
  options: GradedReadOptions,
  diagnostics: Diagnostic[],
): GradedRead {
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
  return { ok: true, table: { frameworkId, categories: [...categories], period, rows } };
}
