import type { Rating } from "../engine/rate.js";
import { rate } from "../engine/rate.js";
import { DataFailure, UsageError } from "./failures.js";
import { loadInputs, type InputOptions, type Inputs } from "./inputs.js";
import type { Proc } from "./proc.js";

/**
 * Read the inputs and rate them, refusing an output file that is one of the inputs (so an input
 * is never overwritten). Rating errors come back as a DataFailure with the read warnings.
 */
export async function rateInputs(opts: InputOptions, proc: Proc, out: { path: string; shown: string } | null = null): Promise<{ inputs: Inputs; rating: Rating }> {
  const inputs = await loadInputs(opts, proc);
  if (out !== null && inputs.inputPaths.includes(out.path)) {
    throw new UsageError(`--out ${out.shown} is one of the input files; refusing to overwrite it`);
  }
  const outcome = rate(inputs.framework, inputs.dataset);
  if (!outcome.ok) throw new DataFailure([...inputs.warnings, ...outcome.diagnostics]);
  return { inputs, rating: outcome.rating };
}
