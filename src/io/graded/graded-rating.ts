import { Readable } from "node:stream";
import { z } from "zod";
import { error, hasErrors, type Diagnostic, type Origin } from "../../engine/diagnostics.js";
import type { Framework } from "../../engine/framework/schema.js";
import { NOT_RATED } from "../../engine/framework/categories.js";
import { byCodeThenPeriod, summarise, type IndicatorResult, type RatedOrg, type Rating } from "../../engine/rate.js";
import { notANumber, parseCell } from "../cell.js";
import { readTable } from "../rows/read-table.js";
import { locate, parseJson } from "../json/parse-json.js";
import { isGradedJson } from "./read-graded.js";

export type GradedRatingRead = { ok: true; rating: Rating } | { ok: false; diagnostics: Diagnostic[] };

/** One row of a graded table, its cells by column name, and where each one is. */
interface Row {
  cell(column: string): string | number | null;
  at(column: string): Origin;
  has(column: string): boolean;
}

const GradedJson = z.object({ organisations: z.array(z.record(z.string(), z.unknown())) });

/** The per-indicator columns `rate` writes beside `<id>`, and what each holds. */
const SUFFIXES = ["_band", "_score", "_ci_lower", "_ci_upper", "_z"] as const;

/**
 * A graded table written by `rate` (CSV or JSON), read back as a rating of the given framework, so
 * that a published table can be reported on without its inputs. What the table does not keep
 * (numerators, denominators, the reason each band was given) is left empty.
 */
export async function ratingFromGraded(text: string, file: string, framework: Framework): Promise<GradedRatingRead> {
  const rows = isGradedJson(text) ? jsonRows(text, file) : await csvRows(text, file, framework);
  if (!rows.ok) return rows;
  const diagnostics: Diagnostic[] = [];
  if (rows.rows.length === 0) diagnostics.push(error("E_NO_DATA", "no organisations in the table", { file, line: 1, column: 1 }));
  const missing = framework.indicators.filter((ind) => rows.rows.length > 0 && !rows.rows[0]!.has(ind.id));
  for (const ind of missing) {
    diagnostics.push(error("E_MISSING_INDICATOR", `no column "${ind.id}": this table was not rated with framework ${framework.id}`, { file, line: 1, column: 1 }));
  }
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };

  const organisations = rows.rows.map((row) => ratedOrg(row, framework, diagnostics));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  organisations.sort(byCodeThenPeriod);
  return { ok: true, rating: { framework, organisations, summary: summarise(framework, organisations), statistics: [], warnings: [] } };
}

/** The framework id a graded JSON names, or null (a graded CSV names none). */
export function gradedFrameworkId(text: string): string | null {
  try {
    const id = (JSON.parse(text.replace(/^\uFEFF/, "")) as { framework?: { id?: unknown } }).framework?.id;
    return typeof id === "string" ? id : null;
  } catch {
    return null;
  }
}

function ratedOrg(row: Row, framework: Framework, diagnostics: Diagnostic[]): RatedOrg {
  const number = (column: string): number | null => {
    const cell = row.cell(column);
    if (cell === null || typeof cell === "number") return cell;
    const parsed = parseCell(cell, false);
    if (parsed.kind === "invalid") diagnostics.push(notANumber(cell, column, row.at(column)));
    return parsed.kind === "number" ? parsed.value : null;
  };
  const text = (column: string): string => {
    const cell = row.cell(column);
    return cell === null ? "" : String(cell);
  };
  const indicators = framework.indicators.map((ind): IndicatorResult => {
    const raw = text(ind.id);
    const categorical = ind.scoring.method === "categorical";
    const value = categorical ? null : number(ind.id);
    const [band, score, ciLower, ciUpper, z] = SUFFIXES.map((suffix) => (row.has(ind.id + suffix) ? number(ind.id + suffix) : null));
    const scored = score ?? band ?? null;
    return {
      id: ind.id,
      value,
      text: categorical && raw !== "" ? raw : null,
      numerator: null,
      denominator: null,
      band: band ?? null,
      score: scored,
      decidedBy: null,
      nextBandAt: null,
      ciLower: ciLower ?? null,
      ciUpper: ciUpper ?? null,
      z: z ?? null,
      unscored: scored === null ? "no value" : null,
    };
  });
  const category = text("category");
  const index = framework.categories.indexOf(category);
  if (index === -1 && category !== NOT_RATED) {
    diagnostics.push(error("E_UNKNOWN_CATEGORY", `category "${category}" is not one of: ${framework.categories.join(", ")}`, row.at("category")));
  }
  return {
    code: text("org_code"),
    name: text("org_name"),
    period: row.has("period") ? text("period") : null,
    indicators,
    scored: indicators.filter((i) => i.score !== null).length,
    score: number("score"),
    categoryIndex: index === -1 ? null : index,
    category: index === -1 ? NOT_RATED : category,
    decidedBy: text("decided_by"),
    toNextCategory: null,
    cappedBy: null,
    rank: row.has("rank") ? number("rank") : null,
    rankOf: row.has("rank_of") ? number("rank_of") : null,
    notes: text("notes"),
  };
}

function jsonRows(text: string, file: string): { ok: true; rows: Row[] } | { ok: false; diagnostics: Diagnostic[] } {
  const read = parseJson(text, file, GradedJson, "E_NOT_A_GRADED_TABLE");
  if (!read.ok) return read;
  return {
    ok: true,
    rows: read.data.organisations.map((o, i) => ({
      cell: (column) => {
        const v = o[column];
        return typeof v === "number" || typeof v === "string" ? v : null;
      },
      at: (column) => ({ file, ...locate(read.locations, ["organisations", String(i), column]) }),
      has: (column) => column in o,
    })),
  };
}

async function csvRows(text: string, file: string, framework: Framework): Promise<{ ok: true; rows: Row[] } | { ok: false; diagnostics: Diagnostic[] }> {
  const optional = ["org_name", "period", "score", "decided_by", "notes", "rank", "rank_of", ...framework.indicators.flatMap((ind) => [ind.id, ...SUFFIXES.map((s) => ind.id + s)])];
  const table = await readTable(Readable.from([text]), file, ["org_code", "category"], optional);
  if (hasErrors(table.diagnostics)) return { ok: false, diagnostics: table.diagnostics };
  return { ok: true, rows: table.rows.map((row) => ({ cell: (column) => row.cell(column), at: (column) => row.at(column), has: (column) => table.columns.has(column) })) };
}
