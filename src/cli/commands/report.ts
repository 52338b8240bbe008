import { resolve } from "node:path";
import { sortDiagnostics } from "../../engine/diagnostics.js";
import { readGradedTableFile } from "../../io/graded/read-graded-table.js";
import { reportHtml, type ReportOptions } from "../../report/report-html.js";
import { transitions } from "../../report/transitions.js";
import { colourFor } from "../colour.js";
import { diagnosticLine } from "../diagnostic-lines.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { DataFailure, UsageError } from "../failures.js";
import type { InputOptions } from "../inputs.js";
import type { Proc } from "../proc.js";
import { rateInputs } from "../rated-inputs.js";
import { summaryTable } from "../summary-table.js";
import { writeOutput } from "../output-file.js";

export interface ReportCommandOptions extends InputOptions {
  out: string;
  compare?: string;
  quiet?: boolean;
  color: boolean;
}

export async function reportCommand(opts: ReportCommandOptions, proc: Proc): Promise<ExitCode> {
  const toStdout = opts.out === "-";
  const outPath = toStdout ? null : resolve(proc.cwd, opts.out);
  const comparePath = opts.compare === undefined ? null : resolve(proc.cwd, opts.compare);
  if (outPath !== null && outPath === comparePath) throw new UsageError(`--out ${opts.out} is the --compare table; refusing to overwrite it`);

  const { inputs, rating } = await rateInputs(opts, proc, outPath, opts.out);

  const options: ReportOptions = {};
  if (comparePath !== null) {
    const old = readGradedTableFile(comparePath, opts.compare!);
    if (!old.ok) throw new DataFailure(old.diagnostics);
    const moved = transitions(rating.framework.categories, old.rows, opts.compare!, rating.organisations);
    if (!moved.ok) throw new DataFailure(moved.diagnostics);
    options.comparison = { transitions: moved.transitions, oldName: opts.compare! };
  }
  for (const w of sortDiagnostics([...inputs.warnings, ...rating.warnings])) proc.stderr.write(`${diagnosticLine(w)}\n`);

  const html = reportHtml(rating, options);
  if (outPath === null) proc.stdout.write(html);
  else writeOutput(outPath, opts.out, html);
  if (!opts.quiet) {
    const stream = toStdout ? proc.stderr : proc.stdout;
    stream.write(summaryTable(rating, colourFor(stream, proc, opts.color)));
    if (!toStdout) stream.write(`wrote ${opts.out}\n`);
  }
  return EXIT.ok;
}
