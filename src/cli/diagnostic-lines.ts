import type { Diagnostic } from "../engine/diagnostics.js";

/**
 * `FILE:LINE:COLUMN: message (CODE)`, the shape editors and CI annotators recognise. Always one line:
 * a message quoting a cell (or csv-parse quoting the file) may hold a line break or other control
 * character, shown escaped.
 */
export function diagnosticLine(d: Diagnostic): string {
  const where = d.file === undefined ? "" : [d.file, d.line, d.line === undefined ? undefined : d.column].filter((x) => x !== undefined).join(":") + ": ";
  return `${where}${d.severity === "warning" ? "warning: " : ""}${oneLine(d.message)} (${d.code})`;
}

const ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
