import { resolve } from "node:path";
import { sortDiagnostics } from "../../engine/diagnostics.js";
import { OUTPUT_FORMATS, renderRating, renderRatingChunks } from "../../io/output/render.js";
import { checkOutput } from "../check.js";
import { colourFor } from "../colour.js";
import { diagnosticLine } from "../diagnostic-lines.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { UsageError } from "../failures.js";
import type { InputOptions } from "../inputs.js";
import { chooseFormat, writeOutput } from "../output-file.js";
import type { Proc } from "../proc.js";
import { rateInputs } from "../rated-inputs.js";
import { summaryTable } from "../summary-table.js";

export interface RateOptions extends InputOptions {
  out: string;
  format?: string;
  check?: boolean;
  quiet?: boolean;
  color: boolean;
}

export async function rateCommand(opts: RateOptions, proc: Proc): Promise<ExitCode> {
  const toStdout = opts.out === "-";
  const format = chooseFormat(opts.format, toStdout ? null : opts.out, OUTPUT_FORMATS);
  if (opts.check && toStdout) throw new UsageError("--check compares with an existing file: give --out FILE");
  const outPath = toStdout ? null : resolve(proc.cwd, opts.out);

  const { inputs, rating } = await rateInputs(opts, proc, outPath === null ? null : { path: outPath, shown: opts.out });
  for (const w of sortDiagnostics([...inputs.warnings, ...rating.warnings])) proc.stderr.write(`${diagnosticLine(w)}\n`);

  if (opts.check) return checkOutput(outPath!, opts.out, renderRating(rating, format), format, proc);

  if (outPath === null) proc.stdout.write(renderRating(rating, format));
  else await writeOutput(outPath, opts.out, renderRatingChunks(rating, format));
  if (!opts.quiet) {
    const stream = toStdout ? proc.stderr : proc.stdout;
    stream.write(summaryTable(rating, colourFor(stream, proc, opts.color)));
  }
  return EXIT.ok;
}
