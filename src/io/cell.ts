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
 */
export function parseCell(text: string, allowPercent: boolean): Cell {
  const value = cellNumber(text, allowPercent);
  if (!Number.isNaN(value)) return { kind: "number", value };
  const t = text.trim();
  if (t === "") return EMPTY;
  return SUPPRESSION_MARKS.has(t.toLowerCase()) ? SUPPRESSED : INVALID;
}

/**
 * The number a cell holds as parseCell reads it, or NaN when it holds none (ask parseCell why): a
 * reader of a million cells, nearly all numbers, makes no object for each.
 */
export function cellNumber(text: string, allowPercent: boolean): number {
  const t = text.trim();
  const body = allowPercent && t.endsWith("%") ? t.slice(0, -1).trimEnd() : t;
  if (!NUMBER.test(body)) return Number.NaN;
  const value = Number(body);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** The one message for a cell that is neither a number nor a "no value" mark, wherever it is read. */
export function notANumber(text: string, column: string, origin: Origin): Diagnostic {
  return error("E_NOT_A_NUMBER", `"${text}" is not a number (column ${column})`, origin);
}
