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

export interface RateOptions extends InputOptions {
  out: string;
  format?: string;
  check?: boolean;
  quiet?: boolean;
  sensitivity?: "text" | "json";
  color: boolean;
}

/** The graded table's formats: the text ones, and an .xlsx workbook. */
export const RATE_FORMATS = [...OUTPUT_FORMATS, "xlsx"] as const;

export async function rateCommand(opts: RateOptions, proc: Proc): Promise<ExitCode> {
  const toStdout = opts.out === "-";
  const format = chooseFormat(opts.format, toStdout ? null : opts.out, RATE_FORMATS);
  if (opts.check && toStdout) throw new UsageError("--check compares with an existing file: give --out FILE");
  const outPath = toStdout ? null : resolve(proc.cwd, opts.out);
  if (format === "xlsx") return rateToWorkbook(opts, proc, outPath);

  const { inputs, rating, text } = await rateAndRender(opts, proc, outPath === null ? null : { path: outPath, shown: opts.out }, format);
  proc.stderr.write(diagnosticLines([...inputs.warnings, ...rating.warnings], opts.maxErrors));

  if (opts.check) return checkOutput(outPath!, opts.out, [...text].join(""), format, proc);

  if (outPath === null) proc.stdout.write([...text].join(""));
  else await writeOutput(outPath, opts.out, text);
  if (!opts.quiet) {
    const stream = toStdout ? proc.stderr : proc.stdout;
    stream.write(summaryTable(rating, colourFor(stream, proc, opts.color)));
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
  if (opts.check) throw new UsageError("--check compares text outputs (csv, json, md), not a workbook");
  const { inputs, rating } = await rateInputs(opts, proc, { path: outPath, shown: opts.out });
  proc.stderr.write(diagnosticLines([...inputs.warnings, ...rating.warnings], opts.maxErrors));
  const { gradedWorkbook } = await import("../../io/output/graded-workbook.js");
  await writeOutput(outPath, opts.out, await gradedWorkbook(rating));
  if (!opts.quiet) proc.stdout.write(summaryTable(rating, colourFor(proc.stdout, proc, opts.color)));
  if (opts.sensitivity) proc.stdout.write(sensitivityOutput(opts.sensitivity, inputs));
  return EXIT.ok;
}

/**
 * The rating and its output text, made as it is written. A CSV is rated period by period and each
 * row turned into text as it is made, so that a GP-level run never holds a period's results; JSON
 * and Markdown are made from the whole rating.
 */
async function rateAndRender(
  opts: RateOptions,
  proc: Proc,
  out: { path: string; shown: string } | null,
  format: OutputFormat,
): Promise<{ inputs: Inputs; rating: RatingWithoutRows; text: Iterable<string> }> {
  if (format === "csv") {
    const { inputs, rating, kept } = await rateInputsByPeriod(opts, proc, out, csvRowOf);
    return { inputs, rating, text: csvFromPeriods(rating.framework, kept) };
  }
  const { inputs, rating } = await rateInputs(opts, proc, out);
  return { inputs, rating, text: renderRatingChunks(rating, format) };
}

