import type { Diagnostic } from "../engine/diagnostics.js";

/** The user called the tool wrongly (exit 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The inputs are wrong; each diagnostic is one line for the user (exit 1). */
export class DataFailure extends Error {
  override name = "DataFailure";
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`${diagnostics.length} problem(s) in the inputs`);
  }
}
