import { DiagnosticCollector } from "../engine/diagnostic-collector.js";
import type { Diagnostic } from "../engine/diagnostics.js";

/** The user called the tool wrongly (exit 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The inputs are wrong; each diagnostic is one line for the user (exit 1). */
export class DataFailure extends Error {
  override name = "DataFailure";
  readonly diagnostics: DiagnosticCollector;
  constructor(diagnostics: readonly Diagnostic[] | DiagnosticCollector) {
    const collected = diagnostics instanceof DiagnosticCollector ? diagnostics : DiagnosticCollector.of(diagnostics);
    super(`${collected.errors + collected.warnings} problem(s) in the inputs`);
    this.diagnostics = collected;
  }
}
