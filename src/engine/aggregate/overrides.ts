import type { Override } from "../framework/schema.js";

export interface Capped {
  categoryIndex: number;
  /** What changed it, e.g. "capped at Segment 3 (deficit = yes)"; null when no override applied. */
  reason: string | null;
}

/**
 * The category after the overrides, or null when the organisation stays not rated. Caps only ever
 * make a rated organisation's category worse, the worst matching cap winning; a matching `setTo`
 * then decides whatever the scores said, even for an organisation with too few of them (NOF
 * segment 5 is a list, not a score), the worst of several winning. Values are compared ignoring case
 * and outer spaces, so "Yes", "yes " and "YES" all match "yes".
 */
export function applyOverrides(
  overrides: readonly Override[],
  categories: readonly string[],
  attributes: Readonly<Record<string, string>>,
  categoryIndex: number | null,
): Capped | null {
  let capped: Capped | null = categoryIndex === null ? null : { categoryIndex, reason: null };
  let set: Capped | null = null;
  for (const o of overrides) {
    const value = attributes[o.column];
    if (value === undefined || !o.equals.some((e) => e.trim().toLowerCase() === value.trim().toLowerCase())) continue;
    const because = `(${o.column} = ${value.trim()})`;
    if ("setTo" in o) {
      const to = categories.indexOf(o.setTo);
      if (set === null || to > set.categoryIndex) set = { categoryIndex: to, reason: `set to ${o.setTo} ${because}` };
    } else if (capped !== null) {
      const cap = categories.indexOf(o.capAt);
      if (cap > capped.categoryIndex) capped = { categoryIndex: cap, reason: `capped at ${o.capAt} ${because}` };
    }
  }
  return set ?? capped;
}
