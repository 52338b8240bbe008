import { DiagnosticCollector } from "./diagnostic-collector.js";
import type { Diagnostic } from "./diagnostics.js";

export interface CodeCount {
  code: Diagnostic["code"];
  count: number;
}

export interface CappedDiagnostics {
  /** In file, line, column order: at most the cap of each code, the first ones. */
  shown: Diagnostic[];
  /** Per code (in code order), how many were left out. */
  omitted: CodeCount[];
  /** Per code (in code order), how many there were in all. */
  counts: CodeCount[];
  errors: number;
  warnings: number;
}

/**
 * A file with 500,000 bad rows has one mistake made 500,000 times: the first few of each code say
 * what it is and where, the counts say how big it is. `maxPerCode` 0 keeps every one. Problems already
 * collected under the same cap (see DiagnosticCollector) give what all of them would have.
 */
export function capDiagnostics(diagnostics: readonly Diagnostic[] | DiagnosticCollector, maxPerCode: number): CappedDiagnostics {
  const collected = diagnostics instanceof DiagnosticCollector ? diagnostics : DiagnosticCollector.of(diagnostics, maxPerCode);
  return collected.capped(maxPerCode);
}
