import type { Override } from "../framework/schema.js";

export interface Capped {
  categoryIndex: number;
  /** What capped it, e.g. "capped at Segment 3 (deficit = yes)"; null when no override applied. */
  reason: string | null;
}

/**
 * Overrides only ever make a category worse: the worst cap whose column holds one of its values wins.
 * Values are compared ignoring case and outer spaces, so "Yes", "yes " and "YES" all match "yes".
 */
export function applyOverrides(overrides: readonly Override[], categories: readonly string[], attributes: Readonly<Record<string, string>>, categoryIndex: number): Capped {
  let capped: Capped = { categoryIndex, reason: null };
  for (const o of overrides) {
    const value = attributes[o.column];
    if (value === undefined) continue;
    const hit = o.equals.some((e) => e.trim().toLowerCase() === value.trim().toLowerCase());
    const cap = categories.indexOf(o.capAt);
    if (hit && cap > capped.categoryIndex) capped = { categoryIndex: cap, reason: `capped at ${o.capAt} (${o.column} = ${value.trim()})` };
  }
  return capped;
}
