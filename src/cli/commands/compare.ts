import { basename, resolve } from "node:path";
import { compare } from "../../engine/compare/compare.js";
import { gradedRowsOf, type GradedRows } from "../../engine/compare/graded-rows.js";
import { hasErrors, type Diagnostic } from "../../engine/diagnostics.js";
import { readGraded } from "../../io/graded/graded-rows.js";
import { COMPARISON_FORMATS, renderComparison, type ComparisonLabels } from "../../io/output/comparison.js";
import { readText } from "../../io/read-text.js";
import { checkOutput } from "../check.js";
import { colourFor } from "../colour.js";
import { parsePeriods, readMap, requirePeriods, type ComparisonOptions } from "../comparison-inputs.js";
import { diagnosticLines } from "../diagnostic-lines.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { DataFailure, UsageError } from "../failures.js";
import { loadFramework, type InputOptions } from "../inputs.js";
import { chooseFormat, refuseToOverwrite, writeOutput } from "../output-file.js";
import type { Proc } from "../proc.js";
import { rateInputs } from "../rated-inputs.js";
import { transitionTable } from "../transition-table.js";

export interface CompareOptions extends InputOptions, ComparisonOptions {
  out: string;
  format?: string;
  check?: boolean;
  failOnDecline?: boolean;
  quiet?: boolean;
  color: boolean;
}

interface Sides {
  old: GradedRows;
  new: GradedRows;
  labels: ComparisonLabels;
  inputPaths: string[];
}

export async function compareCommand(older: string | undefined, newer: string | undefined, opts: CompareOptions, proc: Proc): Promise<ExitCode> {
  const toStdout = opts.out === "-";
  const format = chooseFormat(opts.format, toStdout ? null : opts.out, COMPARISON_FORMATS);
  if (opts.check && toStdout) throw new UsageError("--check compares with an existing file: give --out FILE");
  const outPath = toStdout ? null : resolve(proc.cwd, opts.out);
  const periods = parsePeriods(opts.periods);

  const sides = older !== undefined ? await readTables(older, newer, periods, opts, proc) : await rateTwoPeriods(periods, opts, proc);
  const map = await readMap(opts.map, proc);
  const inputPaths = [...sides.inputPaths, ...(map.path === null ? [] : [map.path])];
  refuseToOverwrite(outPath, opts.out, inputPaths.map((path) => ({ path, is: "one of the input files" })));

  const outcome = compare(sides.old, sides.new, { map: map.map, allowDifferentFrameworks: opts.allowDifferentFrameworks === true });
  if (!outcome.ok) throw new DataFailure(outcome.diagnostics);
  const { comparison } = outcome;
  const text = renderComparison(comparison, sides.labels, format);
  if (opts.check) {
    const checked = checkOutput(outPath!, opts.out, text, format, proc);
    if (checked !== EXIT.ok) return checked;
  } else if (outPath === null) proc.stdout.write(text);
  else await writeOutput(outPath, opts.out, text);

  if (!opts.quiet && !opts.check) {
    const stream = toStdout ? proc.stderr : proc.stdout;
    stream.write(transitionTable(comparison, sides.labels, colourFor(stream, proc, opts.color)));
  }
  if (opts.failOnDecline && comparison.counts.down > 0) {
    proc.stderr.write(`${comparison.counts.down} organisation(s) moved down (--fail-on-decline)\n`);
    return EXIT.decline;
  }
  return EXIT.ok;
}

/** Two graded tables written by `rate`; with --periods, one period of each (they may be the same file). */
async function readTables(older: string, newer: string | undefined, periods: [string, string] | null, opts: CompareOptions, proc: Proc): Promise<Sides> {
  if (newer === undefined) throw new UsageError("give two graded tables, OLD and NEW (or --values with --periods OLD,NEW)");
  if (opts.values !== undefined) throw new UsageError("compare reads either two graded tables or --values with --periods, not both");
  const framework = opts.thresholds !== undefined || opts.framework !== undefined ? await loadFramework(opts, proc) : null;
  const categories = framework === null ? null : framework.value.categories;
  const diagnostics: Diagnostic[] = [];
  const tables: GradedRows[] = [];
  const names: string[] = [];
  const paths: string[] = framework?.path ? [framework.path] : [];
  for (const [i, spec] of [older, newer].entries()) {
    const read = await readText(spec, proc.stdin, proc.cwd);
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    if (read.path !== null) paths.push(read.path);
    const graded = await readGraded(read.text, read.name, { categories, period: periods?.[i] ?? null });
    if (graded.ok) {
      tables.push(graded.table);
      names.push(read.name === "<stdin>" ? "stdin" : basename(read.name));
    } else if (!(i === 1 && spec === older && periods === null)) {
      // The same file twice without --periods fails the same way twice: say it once.
      diagnostics.push(...graded.diagnostics);
    }
  }
  if (hasErrors(diagnostics)) throw new DataFailure(diagnostics);
  const [a, b] = tables as [GradedRows, GradedRows];
  return { old: a, new: b, labels: { old: a.period ?? names[0]!, new: b.period ?? names[1]! }, inputPaths: paths };
}

/** Two periods of one long values file, rated here: each period is rated on its own. */
async function rateTwoPeriods(periods: [string, string] | null, opts: CompareOptions, proc: Proc): Promise<Sides> {
  if (periods === null) throw new UsageError("give two graded tables, OLD and NEW, or --values with --periods OLD,NEW");
  const { inputs, rating } = await rateInputs(opts, proc);
  proc.stderr.write(diagnosticLines(inputs.warnings.plus(rating.warnings), opts.maxErrors));
  requirePeriods(rating, periods, opts);
  return {
    old: gradedRowsOf(rating, periods[0]),
    new: gradedRowsOf(rating, periods[1]),
    labels: { old: periods[0], new: periods[1] },
    inputPaths: inputs.inputPaths,
  };
}
