import type { Assurance } from "../engine/stats/spc/assurance.js";
import type { PointType } from "../engine/stats/spc/xmr-chart.js";
import { ICON_NAMES } from "../io/output/trend-table.js";
import { esc } from "./html-escape.js";
import { COMMON_CAUSE_COLOUR, CONCERN_COLOUR, IMPROVEMENT_COLOUR, type CategoryColour } from "./palette.js";
import { shapeIcon } from "./shape.js";

/** A point's colour and shape by its type, in the chart and beside the labels. */
export function pointColour(type: PointType): CategoryColour {
  return type === "special_cause_improvement" ? IMPROVEMENT_COLOUR : type === "special_cause_concern" ? CONCERN_COLOUR : COMMON_CAUSE_COLOUR;
}

const VARIATION_TEXT: Record<PointType, string> = {
  special_cause_improvement: "Improvement",
  special_cause_concern: "Concern",
  common_cause: "Common cause",
};
const ASSURANCE_TEXT: Record<Assurance, string> = {
  consistent_pass: "Passes",
  consistent_fail: "Fails",
  inconsistent: "Hit and miss",
  none: "No target",
};

/** Sort keys: improvement first, concern last; passing first, failing last. */
export const VARIATION_ORDER: readonly PointType[] = ["special_cause_improvement", "common_cause", "special_cause_concern"];
export const ASSURANCE_ORDER: readonly Assurance[] = ["consistent_pass", "inconsistent", "none", "consistent_fail"];

/**
 * Making Data Count's two icons as short text labels, not pictures: the variation icon (with the
 * point's shape and colour, so it reads in greyscale) and the assurance icon, each with its full
 * name as the accessible name and on hover.
 */
export function variationLabel(type: PointType): string {
  const name = `Variation: ${ICON_NAMES[type]!.toLowerCase()}`;
  return `<span class="spc-label" role="img" aria-label="${esc(name)}" title="${esc(name)}">${shapeIcon(pointColour(type))}${esc(VARIATION_TEXT[type])}</span>`;
}

export function assuranceLabel(assurance: Assurance): string {
  const name = `Assurance: ${ICON_NAMES[assurance]!.toLowerCase()}`;
  return `<span class="spc-label spc-${assurance}" role="img" aria-label="${esc(name)}" title="${esc(name)}">${esc(ASSURANCE_TEXT[assurance])}</span>`;
}
