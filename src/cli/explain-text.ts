import type { Explanation, IndicatorExplanation } from "../engine/explain/explanation.js";
import type { ProbabilityOf } from "../engine/uncertainty/category-probabilities.js";
import { rankSetOf, type RankSets } from "../engine/uncertainty/rank-sets.js";
import { withUnit } from "../engine/framework/units.js";
import { aligned } from "./aligned.js";
import { formatFixed, formatValue } from "../io/output/format-number.js";

/**
 * One organisation's explanation as aligned, readable text; with a bootstrap, how likely each category
 * is, and with rank sets, the ranks its score could have.
 */
export function explanationText(
  e: Explanation,
  framework: { title: string; categories: readonly string[] },
  drawn?: { draws: number; seed: number; probabilityOf: ProbabilityOf },
  rankSets?: RankSets,
): string {
  const frameworkTitle = framework.title;
  const categories = framework.categories;
  const lines = [`${e.code} ${e.name}${e.period === null ? "" : ` (period ${e.period})`}`, frameworkTitle, ""];
  // The publisher's own comparison (Fingertips' "Compared to England") goes beside ours, when the values give one.
  const compared = e.indicators.some((i) => i.comparison !== undefined);
  const rows = [["Indicator", "Value", "Band", "Decided by", ...(compared ? ["Published comparison"] : []), "Next band up"], ...e.indicators.map((i) => indicatorRow(i, compared))];
  lines.push(...aligned(rows, [false, true, true, false, ...(compared ? [false] : []), false]), "");

  const weights = e.indicators.filter((i) => i.score !== null).map((i) => `${i.id} ${formatValue(i.weight)}`);
  if (e.score === null) {
    lines.push(`Aggregate: ${e.scored} of ${e.indicators.length} indicators scored; the framework needs at least ${e.minIndicators}`);
  } else if (e.rules !== null) {
    lines.push(`Aggregate: rules over the indicators' bands, the first that holds decides (mean band ${formatFixed(e.score, 3)}, for reference)`);
    for (const rule of e.rules) lines.push(`  ${rule.held ? "held    " : "not held"}  ${rule.name} -> ${rule.then}`);
    lines.push(`            otherwise -> ${e.otherwise}`);
  } else {
    const what = e.indicators.some((i) => i.band === null && i.score !== null) ? "score" : "band";
    lines.push(`Aggregate: weighted mean of ${e.scored} ${what}${e.scored === 1 ? "" : "s"} (weights: ${weights.join(", ")}) = ${formatFixed(e.score, 3)}`);
  }
  const cuts = e.aggregationCuts.length === 0 ? "" : `; cuts ${e.aggregationCuts.join(" / ")}, a mean on a cut takes the better category`;
  lines.push(`Category:  ${e.category} (${e.decidedBy}${cuts})`);
  if (e.rank !== null) lines.push(`League:    ${e.rank} of ${e.rankOf} (by category, then mean score, lower is better; ties share a place)`);
  if (rankSets !== undefined) lines.push(rankSetLine(e, rankSets));
  if (drawn !== undefined) lines.push(...probabilityLines(e, categories, drawn));
  lines.push(...whatWouldChange(e));
  return `${lines.join("\n")}\n`;
}

function probabilityLines(e: Explanation, categories: readonly string[], drawn: { draws: number; seed: number; probabilityOf: ProbabilityOf }): string[] {
  const p = drawn.probabilityOf(e);
  const how = `${drawn.draws} bootstrap draws, seed ${drawn.seed}`;
  if (p === null) return [`Probabilities: not rated in any of ${how}`];
  const rows = categories.map((c, k) => [`  ${c}${k === e.categoryIndex ? " (given)" : ""}`, formatFixed(p[k]!, 3)]);
  return [`Probabilities of each category (${how}):`, ...aligned(rows, [false, true])];
}

function indicatorRow(i: IndicatorExplanation, compared: boolean): string[] {
  const label = `${i.label} (${i.id})`;
  const comparison = compared ? [i.comparison ?? ""] : [];
  if (i.score === null) return [label, i.unscored === "invalid" ? "invalid" : "-", "-", `unscored: ${i.unscored}`, ...comparison, ""];
  const value = i.text ?? valueWithUnit(i.value!, i.unit);
  const shown = i.numerator !== null && i.denominator !== null ? `${formatValue(i.numerator)}/${formatValue(i.denominator)} = ${value}` : value;
  // Only fixed thresholds name a value that moves the band; relative and interval methods do not.
  const next = i.nextBandAt !== null ? `${valueWithUnit(i.nextBandAt, i.unit)} (${signed(i.nextBandAt - i.value!)})` : i.band === 1 ? "best band" : "-";
  const band = i.band === null ? `score ${formatFixed(i.score, 3)}` : String(i.band);
  return [label, shown, band, i.decidedBy ?? "", ...comparison, next];
}

function whatWouldChange(e: Explanation): string[] {
  if (e.score === null && e.categoryIndex === null) {
    const missing = e.indicators.filter((i) => i.band === null).map((i) => i.id);
    return [`To be rated: a value for ${missing.join(", ")} that can be scored.`];
  }
  if (e.nextCategory === null) return ["Already in the best category."];
  if (e.cappedBy !== null) return [`To reach ${e.nextCategory}: the override must not apply (${e.cappedBy}); without it the category is better.`];
  if (e.rules !== null) {
    const better = e.rules.filter((r) => r.then === e.nextCategory).map((r) => `"${r.name}"`);
    const how =
      e.nextCategory === e.otherwise
        ? `none of the rules may hold (held now: ${e.rules.filter((r) => r.held).map((r) => `"${r.name}"`).join(", ")})`
        : better.length === 0
          ? "no rule gives it"
          : `the rule ${better.join(" or ")} must hold, and no rule above it`;
    return [`To reach ${e.nextCategory}: ${how}.`];
  }
  if (e.toNextCategory === null || e.score === null) return [`To reach ${e.nextCategory}: see the framework's overrides (decided by: ${e.decidedBy}).`];
  const target = e.score - e.toNextCategory;
  const gains = e.indicators.filter((i) => i.meanGainPerBand > 0).map((i) => `${i.id} by ${formatFixed(i.meanGainPerBand, 3)}`);
  const how = gains.length === 0 ? "" : `; one band better lowers it: ${gains.join(", ")}`;
  return [`To reach ${e.nextCategory}: the mean must fall by ${formatFixed(e.toNextCategory, 3)}, to ${formatFixed(target, 3)} or less${how}.`];
}

function valueWithUnit(x: number, unit: string): string {
  return withUnit(formatValue(round3(x)), unit);
}

function signed(x: number): string {
  const text = formatValue(round3(x));
  return x > 0 ? `+${text}` : text;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}



/** The organisation's confidence set for its rank by score, among the organisations rated in its period. */
function rankSetLine(e: Explanation, sets: RankSets): string {
  const set = rankSetOf(sets)(e);
  if (set === null) return "Rank:      not ranked (not rated)";
  const ranked = sets.periods.find((p) => p.period === e.period)!.ranked;
  return `Rank:      ${Math.round(sets.level * 100)}% ${sets.kind} confidence set for the rank by score: ${set.rankLower}-${set.rankUpper} of ${ranked} (expected rank ${formatFixed(set.expectedRank, 1)}; ${sets.draws} draws, seed ${sets.seed})`;
}
