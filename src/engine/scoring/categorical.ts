import { error, type Diagnostic } from "../diagnostics.js";
import type { Indicator, ScoringOf } from "../framework/schema.js";
import { unscored, type Measured, type Outcome } from "./outcome.js";

/** A published label mapped to its band, ignoring case and outer spaces; an unknown label is an error naming it. */
export function scoreByLabel(indicator: Indicator, scoring: ScoringOf<"categorical">, items: readonly Measured[], diagnostics: Diagnostic[]): Outcome[] {
  const bands = new Map(Object.entries(scoring.bands).map(([label, band]) => [label.trim().toLowerCase(), { label, band }]));
  return items.map((item) => {
    if (item.text === undefined) return unscored(item.missing ?? "no value");
    const found = bands.get(item.text.trim().toLowerCase());
    if (!found) {
      const known = Object.keys(scoring.bands).map((l) => `"${l}"`).join(", ");
      diagnostics.push(error("E_UNKNOWN_LABEL", `"${item.text}" is not a label of indicator ${indicator.id} (expected one of ${known})`, item.origin));
      return unscored("invalid");
    }
    return { kind: "scored", band: found.band, score: found.band, decidedBy: `"${found.label}"`, nextBandAt: null };
  });
}
