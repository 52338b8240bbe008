import { basename, resolve } from "node:path";
import { compare } from "../../engine/compare/compare.js";
import { gradedRowsOf } from "../../engine/compare/graded-rows.js";
import type { Diagnostic } from "../../engine/diagnostics.js";
import type { Framework } from "../../engine/framework/schema.js";
import { isBuiltinFramework } from "../../io/framework/builtin.js";
import { gradedFrameworkId, ratingFromGraded } from "../../io/graded/graded-rating.js";
import type { Rating } from "../../engine/rate.js";
import { readGraded } from "../../io/graded/read-graded.js";
import { readText } from "../../io/read-text.js";
import { reportHtml, type ReportOptions } from "../../report/report-html.js";
import { colourFor } from "../colour.js";
import { parsePeriods, readMap, requirePeriods, type ComparisonOptions } from "../comparison-inputs.js";
import { diagnosticLines } from "../diagnostic-lines.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { DataFailure, UsageError } from "../failures.js";
import { loadFramework, readFrameworkSpec, type InputOptions } from "../inputs.js";
import type { Proc } from "../proc.js";
import { rateInputs } from "../rated-inputs.js";
import { sensitivityOf } from "../sensitivity.js";
import { summaryTable } from "../summary-table.js";
import { writeOutput } from "../output-file.js";
import { heldFixedWarnings, uncertaintyNote, uncertaintyOf, type UncertaintyFlags } from "../uncertainty.js";

export interface ReportCommandOptions extends InputOptions, ComparisonOptions, UncertaintyFlags {
  out: string;
  compare?: string;
  quiet?: boolean;
  sensitivity?: boolean;
  color: boolean;
}

export async function reportCommand(graded: string | undefined, opts: ReportCommandOptions, proc: Proc): Promise<ExitCode> {
  const toStdout = opts.out === "-";
  const outPath = toStdout ? null : resolve(proc.cwd, opts.out);
  if (opts.compare === undefined && (opts.map !== undefined || opts.periods !== undefined || opts.allowDifferentFrameworks)) {
    throw new UsageError("--map, --periods and --allow-different-frameworks need --compare OLD");
  }
  for (const [flag, spec] of [["--compare", opts.compare], ["--map", opts.map]] as const) {
    if (outPath !== null && spec !== undefined && spec !== "-" && resolve(proc.cwd, spec) === outPath) {
      throw new UsageError(`--out ${opts.out} is the ${flag} file; refusing to overwrite it`);
    }
  }

  if (opts.sensitivity && graded !== undefined) throw new UsageError("--sensitivity rates the values again: give --values (or --example), not a graded table");
  if (opts.uncertainty && graded !== undefined) throw new UsageError("--uncertainty draws the values again: give --values (or --example), not a graded table");
  const { warnings, rating, sensitivity, uncertainty } =
    graded === undefined
      ? await rateInputs(opts, proc, outPath === null ? null : { path: outPath, shown: opts.out }).then(async ({ inputs, rating }) => ({
          warnings: inputs.warnings,
          rating,
          sensitivity: opts.sensitivity ? sensitivityOf(inputs) : undefined,
          uncertainty: opts.uncertainty ? await uncertaintyOf(inputs, opts) : undefined,
        }))
      : { ...(await gradedInput(graded, opts, proc, outPath)), sensitivity: undefined, uncertainty: undefined };
  const options: ReportOptions = {
    ...(opts.compare === undefined ? {} : { comparison: await compareWith(opts.compare, rating, opts, proc) }),
    ...(sensitivity === undefined ? {} : { sensitivity }),
    ...(uncertainty === undefined ? {} : { uncertainty }),
  };
  proc.stderr.write(diagnosticLines([...warnings, ...rating.warnings, ...(uncertainty ? heldFixedWarnings(uncertainty) : [])], opts.maxErrors));

  const html = reportHtml(rating, options);
  if (outPath === null) proc.stdout.write(html);
  else await writeOutput(outPath, opts.out, html);
  if (!opts.quiet) {
    const stream = toStdout ? proc.stderr : proc.stdout;
    stream.write(summaryTable(rating, colourFor(stream, proc, opts.color), uncertainty));
    if (uncertainty) stream.write(uncertaintyNote(uncertainty));
    if (!toStdout) stream.write(`wrote ${opts.out}\n`);
  }
  return EXIT.ok;
}

/**
 * A graded table written by `rate`, reported on without its inputs. A graded JSON names its framework,
 * which is used when it is a built-in; a graded CSV does not, so --framework or --thresholds says it.
 */
async function gradedInput(spec: string, opts: ReportCommandOptions, proc: Proc, outPath: string | null): Promise<{ warnings: Diagnostic[]; rating: Rating }> {
  if (opts.values !== undefined || opts.example) throw new UsageError("report on a graded table or on --values / --example, not both");
  const read = await readText(spec, proc.stdin, proc.cwd);
  if (!read.ok) throw new DataFailure([read.diagnostic]);
  if (outPath !== null && read.path === outPath) throw new UsageError(`--out ${opts.out} is the graded table; refusing to overwrite it`);
  let framework: Framework;
  if (opts.framework !== undefined || opts.thresholds !== undefined) framework = (await loadFramework(opts, proc)).value;
  else {
    const id = gradedFrameworkId(read.text);
    if (id === null || !isBuiltinFramework(id)) {
      throw new UsageError(`say which framework ${read.name} was rated with: --framework ID|FILE or --thresholds FILE`);
    }
    framework = (await readFrameworkSpec(id, proc)).value;
  }
  const rated = await ratingFromGraded(read.text, read.name, framework);
  if (!rated.ok) throw new DataFailure(rated.diagnostics);
  return { warnings: [], rating: rated.rating };
}

/**
 * The earlier graded table against this rating. A rating of several periods is compared in its
 * latest period unless --periods OLD,NEW names one period of the table and one of the rating.
 */
async function compareWith(spec: string, rating: Rating, opts: ReportCommandOptions, proc: Proc): Promise<NonNullable<ReportOptions["comparison"]>> {
  const periods = parsePeriods(opts.periods);
  if (periods !== null) requirePeriods(rating, [periods[1]], opts);
  const newPeriod = periods?.[1] ?? rating.summary.periods.at(-1)?.period ?? null;
  const read = await readText(spec, proc.stdin, proc.cwd);
  if (!read.ok) throw new DataFailure([read.diagnostic]);
  const graded = await readGraded(read.text, read.name, { categories: rating.framework.categories, period: periods?.[0] ?? null });
  if (!graded.ok) throw new DataFailure(graded.diagnostics);
  const { map } = await readMap(opts.map, proc);
  const outcome = compare(graded.table, gradedRowsOf(rating, newPeriod), { map, allowDifferentFrameworks: opts.allowDifferentFrameworks === true });
  if (!outcome.ok) throw new DataFailure(outcome.diagnostics);
  const name = read.name === "<stdin>" ? "stdin" : basename(read.name);
  return {
    comparison: outcome.comparison,
    labels: { old: graded.table.period === null ? name : `${name} (${graded.table.period})`, new: newPeriod ?? "this rating" },
  };
}
