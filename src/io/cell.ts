import { error, type Diagnostic, type Origin } from "../engine/diagnostics.js";

export type Cell = { kind: "number"; value: number } | { kind: "missing"; reason: "empty" | "suppressed" } | { kind: "invalid" };

/** What NHS publications put where a value is withheld or unavailable; compared lower-cased. */
const SUPPRESSION_MARKS = new Set(["*", "-", "..", ":", "na", "n/a", "null"]);

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const EMPTY: Cell = Object.freeze({ kind: "missing", reason: "empty" });
const SUPPRESSED: Cell = Object.freeze({ kind: "missing", reason: "suppressed" });
const INVALID: Cell = Object.freeze({ kind: "invalid" });

/**
 * Read a cell as a number, or as "no value". Deliberately strict: "4O.2" or "12,5" is an error the
 * analyst must see, not a silent NaN. A trailing "%" is allowed where the unit is a percentage.
 * A number is looked for first: no suppression mark reads as one, and most cells are numbers.
 */
export function parseCell(text: string, allowPercent: boolean): Cell {
  const t = text.trim();
  if (t === "") return EMPTY;
  const body = allowPercent && t.endsWith("%") ? t.slice(0, -1).trimEnd() : t;
  if (NUMBER.test(body)) {
    const value = Number(body);
    return Number.isFinite(value) ? { kind: "number", value } : INVALID;
  }
  return SUPPRESSION_MARKS.has(t.toLowerCase()) ? SUPPRESSED : INVALID;
}

/** The one message for a cell that is neither a number nor a "no value" mark, wherever it is read. */
export function notANumber(text: string, column: string, origin: Origin): Diagnostic {
  return error("E_NOT_A_NUMBER", `"${text}" is not a number (column ${column})`, origin);
}
