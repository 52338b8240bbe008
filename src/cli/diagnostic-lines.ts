import type { Diagnostic } from "../engine/diagnostics.js";

/** `FILE:LINE:COLUMN: message (CODE)`, the shape editors and CI annotators recognise. */
export function diagnosticLine(d: Diagnostic): string {
  const where = d.file === undefined ? "" : [d.file, d.line, d.line === undefined ? undefined : d.column].filter((x) => x !== undefined).join(":") + ": ";
  return `${where}${d.severity === "warning" ? "warning: " : ""}${d.message} (${d.code})`;
}
