import { resolve } from "node:path";
import { renderTrend } from "../../io/output/trend-table.js";
import { OUTPUT_FORMATS } from "../../io/output/render.js";
import { checkOutput } from "../check.js";
import { colourFor } from "../colour.js";
import { diagnosticLines } from "../diagnostic-lines.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { UsageError } from "../failures.js";
import type { InputOptions } from "../inputs.js";
import { chooseFormat, writeOutput } from "../output-file.js";
import type { Proc } from "../proc.js";
import { loadInputsFor } from "../rated-inputs.js";
import { trendOfInputs, xmrOptionsOf, type SpcFlags } from "../trend-inputs.js";
import { trendSummary } from "../trend-summary.js";

export interface TrendCommandOptions extends InputOptions, SpcFlags {
  out: string;
  format?: string;
  check?: boolean;
  points?: boolean;
  org?: string;
  indicator?: string;
  quiet?: boolean;
  color: boolean;
}

export async function trendCommand(opts: TrendCommandOptions, proc: Proc): Promise<ExitCode> {
  const toStdout = opts.out === "-";
  const format = chooseFormat(opts.format, toStdout ? null : opts.out, OUTPUT_FORMATS);
  if (opts.check && toStdout) throw new UsageError("--check compares with an existing file: give --out FILE");
  const outPath = toStdout ? null : resolve(proc.cwd, opts.out);
  const options = xmrOptionsOf(opts);

  const inputs = await loadInputsFor(opts, proc, outPath === null ? null : { path: outPath, shown: opts.out });
  const trend = trendOfInputs(inputs, { ...options, org: opts.org ?? null, indicator: opts.indicator ?? null });
  const framework = { id: inputs.framework.id, title: inputs.framework.title };
  const text = renderTrend({ framework, options, trend }, format, opts.points === true);
  proc.stderr.write(diagnosticLines(inputs.warnings.plus(trend.warnings), opts.maxErrors));

  if (opts.check) return checkOutput(outPath!, opts.out, text, format, proc);
  if (outPath === null) proc.stdout.write(text);
  else await writeOutput(outPath, opts.out, text);
  if (!opts.quiet) {
    const stream = toStdout ? proc.stderr : proc.stdout;
    stream.write(trendSummary(trend, inputs.framework.title, colourFor(stream, proc, opts.color)));
  }
  return EXIT.ok;
}
