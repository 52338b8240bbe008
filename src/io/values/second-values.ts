import type { Diagnostic } from "../../engine/diagnostics.js";
import { error } from "../../engine/diagnostics.js";
import { compareText } from "../../engine/text-order.js";

/** A second value for one organisation, indicator and period. `hint`: which columns tell the two rows apart (see duplicateHints), or "". */
export function duplicateValue(code: string, id: string, period: string | null, at: { file: string; line: number; column: number }, hint: string): Diagnostic {
  const when = period === null ? "" : ` in period ${period}`;
  return error("E_DUPLICATE_VALUE", `second value for ${code}, indicator ${id}${when}${hint}`, at);
}

/** Values of a split column named in a second-value error, the first in text order; "..." says there are more. */
const SPLIT_VALUES_SHOWN = 8;

/** Values of a split column kept per indicator before the first few are picked out of them. */
const SPLIT_VALUES_KEPT = 64;

/**
 * Add a split column's value, keeping only the first few in text order once there are many: the same
 * few however the file was split for reading, and a file of a million ages takes no memory for them.
 */
export function noteSplit(values: Set<string>, value: string): void {
  values.add(value);
  if (values.size > SPLIT_VALUES_KEPT) {
    const first = [...values].sort(compareText).slice(0, SPLIT_VALUES_SHOWN + 1);
    values.clear();
    for (const v of first) values.add(v);
  }
}

/**
 * For each indicator, what to add to its second-value errors: the split columns (Sex, Age) with more
 * than one value among its rows, and how to keep one. A second value then usually means a filter is
 * missing, not that the file repeats itself.
 */
/** `splitValues[k][indicator][split column]`: the values part k of the file saw (see noteSplit). */
export function duplicateHints(splits: readonly string[], splitValues: readonly (readonly (readonly string[])[])[][], indicators: number): string[] {
  return Array.from({ length: indicators }, (_, ind) => {
    const varied = splits.flatMap((name, k) => {
      const values = new Set<string>();
      for (const part of splitValues) for (const v of part[ind]?.[k] ?? []) noteSplit(values, v);
      const sorted = [...values].sort(compareText);
      if (sorted.length < 2) return [];
      const shown = sorted.slice(0, SPLIT_VALUES_SHOWN).map((v) => (v === "" ? "(empty)" : v));
      return [{ name, values: `${shown.join(", ")}${sorted.length > SPLIT_VALUES_SHOWN ? ", ..." : ""}` }];
    });
    if (varied.length === 0) return "";
    const differ = varied.map((v) => `${v.name} (${v.values})`).join(" and ");
    const keep = varied.map((v) => `--where "${v.name}=..."`).join(" ");
    return `: its rows differ by ${differ}; keep one with ${keep}`;
  });
}
