import type { Diagnostic, DiagnosticCode } from "./diagnostic-schema.js";
import { compareText } from "./text-order.js";

// The schemas live apart, so that reporting a problem does not load zod: `rate --example` never needs it.
export type { Diagnostic, DiagnosticCode };

/** Where a value came from, so that a problem found later can still name its file, line and column. */
export interface Origin {
  file?: string;
  /** A workbook's sheet; `line` is then the sheet's row and `column` its column (C7). */
  sheet?: string;
  line?: number;
  column?: number;
}

export function error(code: DiagnosticCode, message: string, origin: Origin = {}): Diagnostic {
  return { code, severity: "error", message, ...definedOnly(origin) };
}

export function warning(code: DiagnosticCode, message: string, origin: Origin = {}): Diagnostic {
  return { code, severity: "warning", message, ...definedOnly(origin) };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

function definedOnly(origin: Origin): Origin {
  const out: Origin = {};
  if (origin.file !== undefined) out.file = origin.file;
  if (origin.sheet !== undefined) out.sheet = origin.sheet;
  if (origin.line !== undefined) out.line = origin.line;
  if (origin.column !== undefined) out.column = origin.column;
  return out;
}

/** Diagnostics in file, line, column order, so every run reports them identically. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

/** File, line, column, code: the order problems are printed in (ties keep the order they were found in). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.file ?? "", b.file ?? "") ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareText(a.code, b.code)
  );
}
