import type { Framework } from "../../engine/framework/schema.js";
import { DEFAULT_CATEGORIES } from "../../engine/framework/categories.js";
import { csvRecord } from "../output/csv-record.js";
import { formatValue } from "../output/format-number.js";

export type ThresholdsWrite = { ok: true; text: string } | { ok: false; reasons: string[] };

const DEFAULT_MEAN_CUTS = [1.5, 2.5, 3.5];

/**
 * A framework as the analyst's thresholds spreadsheet, when it is one in disguise: threshold scoring
 * on the four standard categories, the default mean-of-bands aggregation, nothing else. Otherwise the
 * reasons it is not, so the user learns what the spreadsheet cannot say.
 */
export function writeThresholds(fw: Framework): ThresholdsWrite {
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
    ...(ind.scoring.method === "thresholds" ? ind.scoring.cuts.map(formatValue) : []),
    formatValue(ind.weight),
    ind.standard === undefined ? "" : formatValue(ind.standard),
    ind.unit,
  ]);
  return { ok: true, text: [header, ...rows].map(csvRecord).join("") };
}
