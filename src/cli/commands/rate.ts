import { resolve } from "node:path";
import { csvFromPeriods, csvRowOf } from "../../io/output/csv-periods.js";
import { OUTPUT_FORMATS, renderRatingChunks, type OutputFormat } from "../../io/output/render.js";
import { checkOutput } from "../check.js";
import { colourFor } from "../colour.js";
import { diagnosticLines } from "../diagnostic-lines.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { UsageError } from "../failures.js";
import type { InputOptions, Inputs } from "../inputs.js";
import { chooseFormat, writeOutput } from "../output-file.js";
import type { Proc } from "../proc.js";
import { rateInputs, rateInputsByPeriod, type RatingWithoutRows } from "../rated-inputs.js";
import { sensitivityOf, sensitivityText } from "../sensitivity.js";
import { summaryTable } from "../summary-table.js";
import { heldFixedWarnings, uncertaintyNote, uncertaintyOf, uncertaintyOfPeriod, type UncertaintyFlags } from "../uncertainty.js";
import { probabilityOf, type PeriodUncertainty, type Uncertainty } from "../../engine/uncertainty/category-probabilities.js";

export interface RateOptions extends InputOptions, UncertaintyFlags {
  out: string;
  format?: string;
  check?: boolean;
  quiet?: boolean;
  sensitivity?: "text" | "json";
  color: boolean;
}

export async function rateCommand(opts: RateOptions, proc: Proc): Promise<ExitCode> {
  const toStdout = opts.out === "-";
  const format = chooseFormat(opts.format, toStdout ? null : opts.out, OUTPUT_FORMATS);
  if (opts.check && toStdout) throw new UsageError("--check compares with an existing file: give --out FILE");
  const outPath = toStdout ? null : resolve(proc.cwd, opts.out);

  const { inputs, rating, text, uncertainty } = await rateAndRender(opts, proc, outPath === null ? null : { path: outPath, shown: opts.out }, format);
  proc.stderr.write(diagnosticLines([...inputs.warnings, ...rating.warnings, ...(uncertainty ? heldFixedWarnings(uncertainty) : [])], opts.maxErrors));

  if (opts.check) return checkOutput(outPath!, opts.out, [...text].join(""), format, proc);

  if (outPath === null) proc.stdout.write([...text].join(""));
  else await writeOutput(outPath, opts.out, text);
  if (!opts.quiet) {
    const stream = toStdout ? proc.stderr : proc.stdout;
    stream.write(summaryTable(rating, colourFor(stream, proc, opts.color), uncertainty));
    if (uncertainty) stream.write(uncertaintyNote(uncertainty));
  }
  if (opts.sensitivity) {
    const stream = toStdout ? proc.stderr : proc.stdout;
    const cuts = sensitivityOf(inputs);
    stream.write(opts.sensitivity === "json" ? `${JSON.stringify({ sensitivity: cuts }, null, 2)}\n` : sensitivityText(cuts));
  }
  return EXIT.ok;
}

/**
 * The rating and its output text, made as it is written. A CSV is rated period by period and each
 * row turned into text as it is made, so that a GP-level run never holds a period's results; JSON
 * and Markdown are made from the whole rating. With --uncertainty, each period is drawn before its rows
 * are written, so that they carry their probabilities.
 */
async function rateAndRender(
  opts: RateOptions,
  proc: Proc,
  out: { path: string; shown: string } | null,
  format: OutputFormat,
): Promise<{ inputs: Inputs; rating: RatingWithoutRows; text: Iterable<string>; uncertainty: Uncertainty | undefined }> {
  if (format === "csv") {
    const drawn: PeriodUncertainty[] = [];
    const { inputs, rating, kept } = await rateInputsByPeriod(opts, proc, out, async (framework, period, index) => {
      if (!opts.uncertainty) return csvRowOf(framework, period.period);
      const u = await uncertaintyOfPeriod(framework, period, index, opts);
      drawn.push(u);
      return csvRowOf(framework, period.period, probabilityOf({ draws: opts.draws, seed: opts.seed, periods: [u] }));
    });
    const uncertainty = opts.uncertainty ? { draws: opts.draws, seed: opts.seed, periods: drawn } : undefined;
    return { inputs, rating, text: csvFromPeriods(rating.framework, kept, uncertainty && probabilityOf(uncertainty)), uncertainty };
  }
  const { inputs, rating } = await rateInputs(opts, proc, out);
  const uncertainty = opts.uncertainty ? await uncertaintyOf(inputs, opts) : undefined;
  return { inputs, rating, text: renderRatingChunks(rating, format, uncertainty), uncertainty };
}

