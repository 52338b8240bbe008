import type { Framework } from "../../engine/framework/schema.js";
import { DEFAULT_CATEGORIES } from "../../engine/framework/categories.js";
import { csvRecord } from "../output/csv-record.js";
import { formatValue } from "../output/format-number.js";

/** The thresholds spreadsheet as a table, numbers as numbers (empty: null). */
export type ThresholdsTable = { ok: true; header: string[]; rows: (string | number | null)[][] } | { ok: false; reasons: string[] };

const DEFAULT_MEAN_CUTS = [1.5, 2.5, 3.5];

/** The thresholds spreadsheet as CSV. */
export function thresholdsCsv(table: Extract<ThresholdsTable, { ok: true }>): string {
  const text = (cell: string | number | null) => (cell === null ? "" : typeof cell === "number" ? formatValue(cell) : cell);
  return [table.header, ...table.rows.map((row) => row.map(text))].map(csvRecord).join("");
}

/**
 * A framework as the analyst's thresholds spreadsheet, when it is one in disguise: threshold scoring
 * on the four standard categories, the default mean-of-bands aggregation, nothing else. Otherwise the
 * reasons it is not, so the user learns what the spreadsheet cannot say.
 */
export function thresholdsTable(fw: Framework): ThresholdsTable {
  const reasons: string[] = [];
  if (fw.categories.length !== DEFAULT_CATEGORIES.length || fw.categories.some((c, i) => c !== DEFAULT_CATEGORIES[i])) {
    reasons.push(`its categories are not the standard four (${DEFAULT_CATEGORIES.join(", ")})`);
  }
  const agg = fw.aggregation;
  if (agg.method !== "mean-score" || agg.cuts === undefined || agg.cuts.join() !== DEFAULT_MEAN_CUTS.join()) {
    reasons.push(`its aggregation is not mean-score with cuts ${DEFAULT_MEAN_CUTS.join(", ")}`);
  }
  if (fw.minIndicators !== 1) reasons.push(`it needs ${fw.minIndicators} scored indicators`);
  if ((fw.overrides ?? []).length > 0) reasons.push("it has overrides");
  if (fw.leagueTable) reasons.push("it has a league table");
  for (const ind of fw.indicators) {
    if (ind.scoring.method !== "thresholds") reasons.push(`indicator ${ind.id} uses ${ind.scoring.method} scoring`);
    if (ind.minDenominator !== undefined) reasons.push(`indicator ${ind.id} has a minimum denominator`);
  }
  if (reasons.length > 0) return { ok: false, reasons };

  const header = ["indicator", "label", "polarity", "top_performing", "performing_well", "needs_improvement", "weight", "standard", "unit"];
  const rows = fw.indicators.map((ind) => [
    ind.id,
    ind.label,
    ind.polarity,
    ...(ind.scoring.method === "thresholds" ? ind.scoring.cuts : []),
    ind.weight,
    ind.standard ?? null,
    ind.unit,
  ]);
  return { ok: true, header, rows };
}
