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
import { drawnWithRanks, rankSetsNote } from "../rank-sets.js";
import { sensitivityOf, sensitivityText } from "../sensitivity.js";
import { summaryTable } from "../summary-table.js";
import { heldFixedWarnings, uncertaintyNote, uncertaintyOf, uncertaintyOfPeriod, type UncertaintyFlags } from "../uncertainty.js";
import { probabilityOf, type PeriodUncertainty, type Uncertainty } from "../../engine/uncertainty/category-probabilities.js";
import type { RankSets } from "../../engine/uncertainty/rank-sets.js";

export interface RateOptions extends InputOptions, UncertaintyFlags {
  out: string;
  format?: string;
  check?: boolean;
  quiet?: boolean;
  sensitivity?: "text" | "json";
  color: boolean;
}

/** The graded table's formats: the text ones, and an .xlsx workbook. */
const RATE_FORMATS = [...OUTPUT_FORMATS, "xlsx"] as const;

export async function rateCommand(opts: RateOptions, proc: Proc): Promise<ExitCode> {
  const toStdout = opts.out === "-";
  const format = chooseFormat(opts.format, toStdout ? null : opts.out, RATE_FORMATS);
  if (opts.check && toStdout) throw new UsageError("--check compares with an existing file: give --out FILE");
  const outPath = toStdout ? null : resolve(proc.cwd, opts.out);
  if (format === "xlsx") return rateToWorkbook(opts, proc, outPath);

  const { inputs, rating, text, uncertainty, rankSets } = await rateAndRender(opts, proc, outPath === null ? null : { path: outPath, shown: opts.out }, format);
  proc.stderr.write(diagnosticLines(inputs.warnings.plus([...rating.warnings, ...(uncertainty ? heldFixedWarnings(uncertainty) : [])]), opts.maxErrors));

  if (opts.check) return checkOutput(outPath!, opts.out, [...text].join(""), format, proc);

  if (outPath === null) proc.stdout.write([...text].join(""));
  else await writeOutput(outPath, opts.out, text);
  if (!opts.quiet) {
    const stream = toStdout ? proc.stderr : proc.stdout;
    stream.write(summaryTable(rating, colourFor(stream, proc, opts.color), uncertainty));
    if (uncertainty) stream.write(uncertaintyNote(uncertainty));
    if (rankSets) stream.write(rankSetsNote(rankSets));
  }
  if (opts.sensitivity) (toStdout ? proc.stderr : proc.stdout).write(sensitivityOutput(opts.sensitivity, inputs));
  return EXIT.ok;
}

function sensitivityOutput(format: "text" | "json", inputs: Inputs): string {
  const cuts = sensitivityOf(inputs);
  return format === "json" ? `${JSON.stringify({ sensitivity: cuts }, null, 2)}\n` : sensitivityText(cuts);
}

/** `--format xlsx`: the whole rating, then the workbook, written atomically like every output. */
async function rateToWorkbook(opts: RateOptions, proc: Proc, outPath: string | null): Promise<ExitCode> {
  if (outPath === null) throw new UsageError("an .xlsx workbook is written to a file: give --out FILE.xlsx");
  if (opts.rankIntervals) throw new UsageError("--rank-intervals writes csv, json or md, not a workbook");
  if (opts.check) throw new UsageError("--check compares text outputs (csv, json, md), not a workbook");
  const { inputs, rating } = await rateInputs(opts, proc, { path: outPath, shown: opts.out });
  proc.stderr.write(diagnosticLines(inputs.warnings.plus(rating.warnings), opts.maxErrors));
  const { gradedWorkbook } = await import("../../io/output/graded-workbook.js");
  await writeOutput(outPath, opts.out, await gradedWorkbook(rating));
  if (!opts.quiet) proc.stdout.write(summaryTable(rating, colourFor(proc.stdout, proc, opts.color)));
  if (opts.sensitivity) proc.stdout.write(sensitivityOutput(opts.sensitivity, inputs));
  return EXIT.ok;
}

/**
 * The rating and its output text, made as it is written. A CSV is rated period by period and each
 * row turned into text as it is made, so that a GP-level run never holds a period's results; JSON
 * and Markdown are made from the whole rating. With --uncertainty, each period is drawn before its rows
 * are written, so that they carry their probabilities. With --rank-intervals, a period's sets need every
 * organisation's score first, so the whole rating is made, then drawn once for both.
 */
async function rateAndRender(
  opts: RateOptions,
  proc: Proc,
  out: { path: string; shown: string } | null,
  format: OutputFormat,
): Promise<{ inputs: Inputs; rating: RatingWithoutRows; text: Iterable<string>; uncertainty: Uncertainty | undefined; rankSets?: RankSets }> {
  if (opts.rankIntervals) {
    const { inputs, rating } = await rateInputs(opts, proc, out);
    const { uncertainty, rankSets } = await drawnWithRanks(inputs, rating, { ...opts, rankIntervals: opts.rankIntervals });
    return { inputs, rating, text: renderRatingChunks(rating, format, uncertainty, rankSets), uncertainty, rankSets };
  }
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

