import { explain } from "../../engine/explain/explanation.js";
import { renderExplanationJson } from "../../io/output/explanation-json.js";
import { explanationText } from "../explain-text.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { UsageError } from "../failures.js";
import type { InputOptions } from "../inputs.js";
import type { Proc } from "../proc.js";
import { rateInputs } from "../rated-inputs.js";
import { uncertaintyOf, type UncertaintyFlags } from "../uncertainty.js";
import { probabilityOf } from "../../engine/uncertainty/category-probabilities.js";
import { drawnWithRanks } from "../rank-sets.js";

export interface ExplainOptions extends InputOptions, UncertaintyFlags {
  period?: string;
  format: "text" | "json";
}

export async function explainCommand(code: string, opts: ExplainOptions, proc: Proc): Promise<ExitCode> {
  const { inputs, rating } = await rateInputs(opts, proc);
  const explained = explain(rating, code.trim(), opts.period ?? null);
  if (!explained.ok) {
    if (explained.problem === "unknown-org") {
      throw new UsageError(`no organisation "${code}" in the values; nearest codes: ${explained.nearest.join(", ")}`);
    }
    const periods = explained.periods.join(", ");
    throw new UsageError(`${code} has no rating for period "${opts.period}" (its periods: ${periods === "" ? "none, the values have no period column" : periods})`);
  }
  if (opts.rankIntervals && opts.format === "json") throw new UsageError("--rank-intervals is shown in explain's text; for JSON, use rate --rank-intervals --format json");
  const { uncertainty, rankSets } = opts.rankIntervals
    ? await drawnWithRanks(inputs, rating, { ...opts, rankIntervals: opts.rankIntervals })
    : { uncertainty: opts.uncertainty ? await uncertaintyOf(inputs, opts) : undefined, rankSets: undefined };
  const drawn = uncertainty && { draws: uncertainty.draws, seed: uncertainty.seed, probabilityOf: probabilityOf(uncertainty) };
  if (opts.format === "json") proc.stdout.write(renderExplanationJson(inputs.framework, explained.explanations, drawn));
  else proc.stdout.write(explained.explanations.map((e) => explanationText(e, inputs.framework, drawn, rankSets)).join("\n"));
  return EXIT.ok;
}
