import { error, type Diagnostic, type Origin } from "../engine/diagnostics.js";

export type Cell = { kind: "number"; value: number } | { kind: "missing"; reason: "empty" | "suppressed" } | { kind: "invalid" };

/** What NHS publications put where a value is withheld or unavailable; compared lower-cased. */
const SUPPRESSION_MARKS = new Set(["*", "-", "..", ":", "na", "n/a", "null"]);

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Read a cell as a number, or as "no value". Deliberately strict: "4O.2" or "12,5" is an error the
 * analyst must see, not a silent NaN. A trailing "%" is allowed where the unit is a percentage.
 */
export function parseCell(text: string, allowPercent: boolean): Cell {
  const t = text.trim();
  if (t === "") return { kind: "missing", reason: "empty" };
  if (SUPPRESSION_MARKS.has(t.toLowerCase())) return { kind: "missing", reason: "suppressed" };
  const body = allowPercent && t.endsWith("%") ? t.slice(0, -1).trimEnd() : t;
  if (!NUMBER.test(body)) return { kind: "invalid" };
  const value = Number(body);
  return Number.isFinite(value) ? { kind: "number", value } : { kind: "invalid" };
}

/** The one message for a cell that is neither a number nor a "no value" mark, wherever it is read. */
export function notANumber(text: string, column: string, origin: Origin): Diagnostic {
  return error("E_NOT_A_NUMBER", `"${text}" is not a number (column ${column})`, origin);
}
