import { sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import { compareText } from "./text-order.js";

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
 * what it is and where, the counts say how big it is. `maxPerCode` 0 keeps every one.
 */
export function capDiagnostics(diagnostics: readonly Diagnostic[], maxPerCode: number): CappedDiagnostics {
  const seen = new Map<Diagnostic["code"], number>();
  const shown: Diagnostic[] = [];
  let errors = 0;
  for (const d of sortDiagnostics(diagnostics)) {
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (maxPerCode === 0 || n <= maxPerCode) shown.push(d);
    if (d.severity === "error") errors++;
  }
  const codes = [...seen.keys()].sort(compareText);
  const counts = codes.map((code) => ({ code, count: seen.get(code)! }));
  const omitted = maxPerCode === 0 ? [] : counts.filter((c) => c.count > maxPerCode).map((c) => ({ code: c.code, count: c.count - maxPerCode }));
  return { shown, omitted, counts, errors, warnings: diagnostics.length - errors };
}
