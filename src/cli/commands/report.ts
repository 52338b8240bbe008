import { basename, resolve } from "node:path";
import { compare } from "../../engine/compare/compare.js";
import { gradedRowsOf } from "../../engine/compare/graded-rows.js";
import { DiagnosticCollector } from "../../engine/diagnostic-collector.js";
import type { Framework } from "../../engine/framework/schema.js";
import { isBuiltinFramework } from "../../io/framework/builtin.js";
import { toRating } from "../../io/graded/graded-rating.js";
import { readGraded } from "../../io/graded/graded-rows.js";
import { gradedFrameworkId, readGradedTable } from "../../io/graded/graded-table.js";
import type { Rating } from "../../engine/rate.js";
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
import { trendOfInputs, xmrOptionsOf, type SpcFlags } from "../trend-inputs.js";
import { refuseToOverwrite, writeOutput } from "../output-file.js";
import { drawnWithRanks, rankSetsNote } from "../rank-sets.js";
import { heldFixedWarnings, uncertaintyNote, uncertaintyOf, type UncertaintyFlags } from "../uncertainty.js";

export interface ReportCommandOptions extends InputOptions, ComparisonOptions, SpcFlags, UncertaintyFlags {
  /** true: icons in the table; an organisation code: its charts too. */
  trend?: boolean | string;
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
  const pathOf = (spec: string | undefined) => (spec === undefined || spec === "-" ? null : resolve(proc.cwd, spec));
  refuseToOverwrite(outPath, opts.out, [
    { path: pathOf(opts.compare), is: "the --compare file" },
    { path: pathOf(opts.map), is: "the --map file" },
  ]);

  if (opts.sensitivity && graded !== undefined) throw new UsageError("--sensitivity rates the values again: give --values (or --example), not a graded table");
  if (opts.trend !== undefined && graded !== undefined) throw new UsageError("--trend charts the values over their periods: give --values, not a graded table");
  if (opts.uncertainty && graded !== undefined) throw new UsageError("--uncertainty draws the values again: give --values (or --example), not a graded table");
  if (opts.rankIntervals && graded !== undefined) throw new UsageError("--rank-intervals draws the values again: give --values (or --example), not a graded table");
  const spc = opts.trend === undefined ? null : { options: xmrOptionsOf(opts), org: typeof opts.trend === "string" ? opts.trend : null };
  const { warnings, rating, sensitivity, trend, uncertainty, rankSets } =
    graded === undefined
      ? await rateInputs(opts, proc, outPath === null ? null : { path: outPath, shown: opts.out }).then(async ({ inputs, rating }) => ({
          warnings: inputs.warnings,
          rating,
          sensitivity: opts.sensitivity ? sensitivityOf(inputs) : undefined,
          trend: spc === null ? undefined : { ...spc, trend: trendOfInputs(inputs, { ...spc.options, org: null, indicator: null }, spc.org) },
          ...(opts.rankIntervals
            ? await drawnWithRanks(inputs, rating, { ...opts, rankIntervals: opts.rankIntervals })
            : { uncertainty: opts.uncertainty ? await uncertaintyOf(inputs, opts) : undefined, rankSets: undefined }),
        }))
      : { ...(await gradedInput(graded, opts, proc, outPath)), sensitivity: undefined, trend: undefined, uncertainty: undefined, rankSets: undefined };
  const options: ReportOptions = {
    ...(opts.compare === undefined ? {} : { comparison: await compareWith(opts.compare, rating, opts, proc) }),
    ...(sensitivity === undefined ? {} : { sensitivity }),
    ...(trend === undefined ? {} : { trend }),
    ...(uncertainty === undefined ? {} : { uncertainty }),
    ...(rankSets === undefined ? {} : { rankSets }),
  };
  proc.stderr.write(diagnosticLines(warnings.plus([...rating.warnings, ...(trend?.trend.warnings ?? []), ...(uncertainty ? heldFixedWarnings(uncertainty) : [])]), opts.maxErrors));

  const html = reportHtml(rating, options);
  if (outPath === null) proc.stdout.write(html);
  else await writeOutput(outPath, opts.out, html);
  if (!opts.quiet) {
    const stream = toStdout ? proc.stderr : proc.stdout;
    stream.write(summaryTable(rating, colourFor(stream, proc, opts.color), uncertainty));
    if (uncertainty) stream.write(uncertaintyNote(uncertainty));
    if (rankSets) stream.write(rankSetsNote(rankSets));
    if (!toStdout) stream.write(`wrote ${opts.out}\n`);
  }
  return EXIT.ok;
}

/**
 * A graded table written by `rate`, reported on without its inputs. A graded JSON names its framework,
 * which is used when it is a built-in; a graded CSV does not, so --framework or --thresholds says it.
 */
async function gradedInput(spec: string, opts: ReportCommandOptions, proc: Proc, outPath: string | null): Promise<{ warnings: DiagnosticCollector; rating: Rating }> {
  if (opts.values !== undefined || opts.example) throw new UsageError("report on a graded table or on --values / --example, not both");
  const read = await readText(spec, proc.stdin, proc.cwd);
  if (!read.ok) throw new DataFailure([read.diagnostic]);
  refuseToOverwrite(outPath, opts.out, [{ path: read.path, is: "the graded table" }]);
  let framework: Framework;
  if (opts.framework !== undefined || opts.thresholds !== undefined) framework = (await loadFramework(opts, proc)).value;
  else {
    const id = gradedFrameworkId(read.text);
    if (id === null || !isBuiltinFramework(id)) {
      throw new UsageError(`say which framework ${read.name} was rated with: --framework ID|FILE or --thresholds FILE`);
    }
    framework = (await readFrameworkSpec(id, proc)).value;
  }
  const table = await readGradedTable(read.text, read.name, { frameworkGiven: true });
  const rated = table.ok ? toRating(table.table, framework) : table;
  if (!rated.ok) throw new DataFailure(rated.diagnostics);
  return { warnings: new DiagnosticCollector(), rating: rated.rating };
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
