import { error, hasErrors, type Diagnostic } from "../../engine/diagnostics.js";
import type { Framework } from "../../engine/framework/schema.js";
import { NOT_RATED } from "../../engine/framework/categories.js";
import { byCodeThenPeriod, summarise, type IndicatorResult, type RatedOrg, type Rating } from "../../engine/rate.js";
import { numberIn, type GradedTable, type GradedTableRow } from "./graded-table.js";

export type GradedRatingRead = { ok: true; rating: Rating } | { ok: false; diagnostics: Diagnostic[] };

/** The per-indicator columns `rate` writes beside `<id>`, and what each holds. */
const SUFFIXES = ["_band", "_score", "_ci_lower", "_ci_upper", "_z"] as const;

/**
 * A graded table read back as a rating of the given framework, so that a published table can be
 * reported on without its inputs. What the table does not keep (numerators, denominators, the reason
 * each band was given) is left empty.
 */
export function toRating(table: GradedTable, framework: Framework): GradedRatingRead {
  if (hasErrors(table.problems)) return { ok: false, diagnostics: table.problems };
  const { rows, file } = table;
  const diagnostics: Diagnostic[] = [];
  if (rows.length === 0) diagnostics.push(error("E_NO_DATA", "no organisations in the table", { file, line: 1, column: 1 }));
  const missing = framework.indicators.filter((ind) => rows.length > 0 && !rows[0]!.has(ind.id));
  for (const ind of missing) {
    diagnostics.push(error("E_MISSING_INDICATOR", `no column "${ind.id}": this table was not rated with framework ${framework.id}`, { file, line: 1, column: 1 }));
  }
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };

  const organisations = rows.map((row) => ratedOrg(row, framework, diagnostics));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  organisations.sort(byCodeThenPeriod);
  return { ok: true, rating: { framework, organisations, summary: summarise(framework, organisations), statistics: [], warnings: [] } };
}

/**
 * Text cells are read as `row.text` gives them, as compare reads them: a CSV's formula-safe prefix is
 * for spreadsheets, and the report would show it ('=Alpha where a report from the values shows =Alpha).
 */
function ratedOrg(row: GradedTableRow, framework: Framework, diagnostics: Diagnostic[]): RatedOrg {
  const number = (column: string) => numberIn(row, column, diagnostics);
  const indicators = framework.indicators.map((ind): IndicatorResult => {
    const raw = row.text(ind.id);
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
  const category = row.text("category");
  const index = framework.categories.indexOf(category);
  if (index === -1 && category !== NOT_RATED) {
    diagnostics.push(error("E_UNKNOWN_CATEGORY", `category "${category}" is not one of: ${framework.categories.join(", ")}`, row.at("category")));
  }
  return {
    code: row.text("org_code"),
    name: row.text("org_name"),
    period: row.has("period") ? row.text("period") : null,
    indicators,
    scored: indicators.filter((i) => i.score !== null).length,
    score: number("score"),
    categoryIndex: index === -1 ? null : index,
    category: index === -1 ? NOT_RATED : category,
    decidedBy: row.text("decided_by"),
    toNextCategory: null,
    cappedBy: null,
    rank: row.has("rank") ? number("rank") : null,
    rankOf: row.has("rank_of") ? number("rank_of") : null,
    notes: row.text("notes"),
  };
}
