import type { Framework } from "../engine/framework/schema.js";
import { collectPeriods, rate, ratePeriodColumns, type PeriodColumns, type PeriodRating, type RatedOrg, type Rating } from "../engine/rate.js";
import { DataFailure } from "./failures.js";
import { refuseToOverwrite } from "./output-file.js";
import { loadInputs, type InputOptions, type Inputs } from "./inputs.js";
import type { Proc } from "./proc.js";

type OutputTarget = { path: string; shown: string } | null;

/** A rating whose rows were dropped period by period: its summary, statistics and warnings. */
export type RatingWithoutRows = Omit<Rating, "organisations">;

/**
 * Read the inputs and rate them, refusing an output file that is one of the inputs (so an input
 * is never overwritten). Rating errors come back as a DataFailure with the read warnings.
 */
export async function rateInputs(opts: InputOptions, proc: Proc, out: OutputTarget = null): Promise<{ inputs: Inputs; rating: Rating }> {
  const inputs = await loadInputsFor(opts, proc, out);
  return { inputs, rating: succeeded(inputs, rate(inputs.framework, inputs.dataset)) };
}

/**
 * As rateInputs, one period at a time, so that only one period's results are alive at once: `each`
 * is given the framework and a period (and its place in period order) and returns what to keep of each
 * of its rated rows (their text, say), which it is handed as they are made.
 */
export async function rateInputsByPeriod<T>(
  opts: InputOptions,
  proc: Proc,
  out: OutputTarget,
  each: (framework: Framework, period: PeriodColumns, index: number) => ((org: RatedOrg) => T) | Promise<(org: RatedOrg) => T>,
): Promise<{ inputs: Inputs; rating: RatingWithoutRows; kept: { period: string | null; rows: T[] }[] }> {
  const inputs = await loadInputsFor(opts, proc, out);
  const kept: { period: string | null; rows: T[] }[] = [];
  const withoutRows: PeriodRating[] = [];
  let index = 0;
  for (const period of inputs.periods()) {
    const rated = ratePeriodColumns(inputs.framework, period, await each(inputs.framework, period, index++));
    kept.push({ period: rated.period, rows: rated.organisations });
    withoutRows.push({ ...rated, organisations: [] });
  }
  return { inputs, rating: succeeded(inputs, collectPeriods(inputs.framework, withoutRows)), kept };
}

/** The inputs, refusing an output file that is one of them. */
export async function loadInputsFor(opts: InputOptions, proc: Proc, out: OutputTarget): Promise<Inputs> {
  const inputs = await loadInputs(opts, proc);
  if (out !== null) refuseToOverwrite(out.path, out.shown, inputs.inputPaths.map((path) => ({ path, is: "one of the input files" })));
  return inputs;
}

function succeeded(inputs: Inputs, outcome: ReturnType<typeof rate>): Rating {
  if (!outcome.ok) throw new DataFailure(inputs.warnings.plus(outcome.diagnostics));
  return outcome.rating;
}
