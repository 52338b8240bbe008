import { capDiagnostics } from "../engine/diagnostic-cap.js";
import type { DiagnosticCollector } from "../engine/diagnostic-collector.js";
import type { Diagnostic } from "../engine/diagnostics.js";
import { cellReference } from "../io/rows/cell-reference.js";

/** How many of each code are printed unless --max-errors says otherwise. */
export const DEFAULT_MAX_PER_CODE = 50;

/**
 * Every diagnostic as a line, in file order, at most `maxPerCode` of each code (0: all); then, for a
 * code with more, `... and 499,950 more E_DUPLICATE_VALUE`, and the total of all unless the caller
 * prints its own.
 */
export function diagnosticLines(diagnostics: readonly Diagnostic[] | DiagnosticCollector, maxPerCode = DEFAULT_MAX_PER_CODE, withTotal = true): string {
  const capped = capDiagnostics(diagnostics, maxPerCode);
  const lines = capped.shown.map(diagnosticLine);
  for (const o of capped.omitted) lines.push(`... and ${grouped(o.count)} more ${o.code}`);
  if (capped.omitted.length > 0 && withTotal) {
    lines.push(`${grouped(capped.errors)} ${capped.errors === 1 ? "error" : "errors"} and ${grouped(capped.warnings)} ${capped.warnings === 1 ? "warning" : "warnings"} in all (--max-errors 0 prints every one)`);
  }
  return lines.map((l) => `${l}\n`).join("");
}

/** 499950 as 499,950, the same on every machine whatever its locale. */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ",");
}

/**
 * `FILE:LINE:COLUMN: message (CODE)`, the shape editors and CI annotators recognise; in a workbook
 * `FILE:Sheet1!C7: message (CODE)`, as Excel names the cell. Always one line:
 * a message quoting a cell (or csv-parse quoting the file) may hold a line break or other control
 * character, shown escaped.
 */
function diagnosticLine(d: Diagnostic): string {
  const place = d.sheet === undefined ? [d.line, d.line === undefined ? undefined : d.column] : [cellReference(d.sheet, d.line, d.column)];
  const where = d.file === undefined ? "" : [d.file, ...place].filter((x) => x !== undefined).join(":") + ": ";
  return `${where}${d.severity === "warning" ? "warning: " : ""}${oneLine(d.message)} (${d.code})`;
}

const ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
