import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Dataset } from "../engine/dataset/schema.js";
import type { DiagnosticCollector } from "../engine/diagnostic-collector.js";
import type { Diagnostic } from "../engine/diagnostics.js";
import type { Framework } from "../engine/framework/schema.js";
import type { PeriodColumns } from "../engine/rate.js";
import { isBuiltinFramework, readBuiltinFramework } from "../io/framework/builtin.js";
import type { Encoding } from "../io/rows/csv/encodings.js";
import { DEFAULT_CSV_LIMITS } from "../io/rows/csv/limits.js";
import { openSource } from "../io/source.js";
import { DEFAULT_VALUES_OPTIONS, type ValuesOptions } from "../io/values/options.js";
import type { ValuesLayout } from "../io/values/layout.js";
import { openValues } from "../io/values/open-values.js";
import { isWorkbookName, openRows } from "../io/rows/open-rows.js";
import { DataFailure, UsageError } from "./failures.js";
import type { Proc } from "./proc.js";
import { ProgressLine } from "./progress.js";

/** The options every command that reads a framework and a values file shares. */
export interface InputOptions {
  example?: boolean;
  /** Problems printed per code (0: all); commander gives the default. */
  maxErrors?: number;
  thresholds?: string;
  framework?: string;
  values?: string;
  orgCol?: string;
  nameCol?: string;
  indicatorCol?: string;
  valueCol?: string;
  periodCol?: string;
  numeratorCol?: string;
  denominatorCol?: string;
  layout?: ValuesLayout;
  seCol?: string;
  ciLowerCol?: string;
  ciUpperCol?: string;
  where?: string[];
  flagCol?: string[];
  minIndicators?: number;
  encoding?: Encoding;
  maxRecordBytes?: number;
  maxColumns?: number;
  prefilter?: boolean;
  /** Threads to read the values file on; undefined: as many as pay for its size. */
  threads?: number;
  /** No progress line on stderr. */
  quiet?: boolean;
  /** A values workbook's sheet, by name or place (1: the first tab). */
  sheet?: string;
  /** A values workbook's header row. */
  headerRow?: number;
}

export interface Inputs {
  framework: Framework;
  /** All the values as the engine takes them, made when first asked. */
  readonly dataset: Dataset;
  /** The values one period at a time, in the order the engine rates periods, each made only when reached. */
  periods(): Iterable<PeriodColumns>;
  /** Resolved paths of the files read, so that an output never overwrites one of them. */
  inputPaths: string[];
  /** Under the values options' cap (see DiagnosticCollector), with the counts of all. */
  warnings: DiagnosticCollector;
}

const EXAMPLE_FOLDER = new URL("../../fixtures/example/", import.meta.url);
/** The inputs as read, with every problem found, errors included: what `validate` reports. */
export interface InputsRead {
  framework: Framework;
  readonly dataset: Dataset;
  periods(): Iterable<PeriodColumns>;
  inputPaths: string[];
  /** Of each code the first --max-errors (in file order), with the counts of all. */
  diagnostics: DiagnosticCollector;
}

const EXAMPLE = {
  framework: "ccg-iaf-2016-17-mental-health",
  values: fileURLToPath(new URL("ccg-2016-17-mental-health-synthetic.csv", EXAMPLE_FOLDER)),
};

export async function loadInputs(opts: InputOptions, proc: Proc): Promise<Inputs> {
  const read = await readInputs(opts, proc);
  if (read.diagnostics.hasErrors()) throw new DataFailure(read.diagnostics);
  return {
    framework: read.framework,
    get dataset() {
      return read.dataset;
    },
    periods: read.periods,
    inputPaths: read.inputPaths,
    warnings: read.diagnostics,
  };
}

/**
 * Read the framework and the values. A framework that cannot be read stops here (the values cannot be
 * read without it); problems in the values are returned with the rows that could be read.
 */
export async function readInputs(opts: InputOptions, proc: Proc): Promise<InputsRead> {
  const given = [opts.thresholds && "--thresholds", opts.framework && "--framework"].filter(Boolean);
  if (opts.example && (given.length > 0 || opts.values)) {
    throw new UsageError("--example rates the bundled example; leave out --thresholds, --framework and --values");
  }
  if (!opts.example && given.length !== 1) {
    throw new UsageError(
      given.length === 0
        ? "say how to rate: --thresholds FILE or --framework ID|FILE (or --example)"
        : "give only one of --thresholds and --framework",
    );
  }
  if (!opts.example && !opts.values) throw new UsageError("say what to rate: --values FILE (- for stdin)");

  const options = valuesOptions(opts);
  const valuesSpec = opts.example ? EXAMPLE.values : opts.values!;
  const workbook = isWorkbookName(valuesSpec);
  if (!workbook && (opts.sheet !== undefined || opts.headerRow !== undefined)) {
    throw new UsageError("--sheet and --header-row are for a values workbook (--values FILE.xlsx)");
  }
  const opened = openSource(valuesSpec, proc.stdin, (p) => resolve(proc.cwd, p));
  const shownName = opts.example ? "example values" : opened.ok ? opened.source.name : valuesSpec;
  const progress =
    opts.quiet || workbook || proc.stderr.isTTY !== true || !opened.ok || opened.source.size === null ? null : new ProgressLine(proc.stderr, `reading ${shownName}`, opened.source.size);
  // A file starts being read now, while the framework is loaded (see openValues).
  const reading = opened.ok
    ? openValues(opened.source, shownName, options, { threads: opts.threads, sheet: opts.sheet, headerRow: opts.headerRow, progress: progress?.advance.bind(progress) })
    : null;
  let framework: Awaited<ReturnType<typeof loadFramework>>;
  try {
    framework = await loadFramework(opts, proc);
  } catch (e) {
    reading?.cancel();
    progress?.finish();
    throw e;
  }
  if (!opened.ok) throw new DataFailure([opened.diagnostic]);
  const read = await reading!.read(framework.value).finally(() => progress?.finish());
  const inputPaths = [opened.source.path, framework.path].filter((p): p is string => p !== null);
  return {
    framework: framework.value,
    get dataset() {
      return read.dataset;
    },
    periods: () => read.values.byPeriod(),
    inputPaths,
    diagnostics: read.collected.after(framework.warnings),
  };
}

export async function loadFramework(opts: InputOptions, proc: Proc): Promise<{ value: Framework; path: string | null; warnings: Diagnostic[] }> {
  const withMin = (fw: Framework): Framework => (opts.minIndicators === undefined ? fw : { ...fw, minIndicators: opts.minIndicators });
  if (opts.thresholds !== undefined) {
    const opened = openSource(opts.thresholds, proc.stdin, (p) => resolve(proc.cwd, p));
    if (!opened.ok) throw new DataFailure([opened.diagnostic]);
    const { readThresholdsRows, isThresholdsHeader } = await import("../io/thresholds/read-thresholds.js");
    const read = await readThresholdsRows(await openRows(opened.source, opened.source.name, { isHeader: isThresholdsHeader }));
    if (!read.ok) throw new DataFailure(read.diagnostics);
    return { value: withMin(read.framework), path: opened.source.path, warnings: read.warnings };
  }
  const read = await readFrameworkSpec(opts.example ? EXAMPLE.framework : opts.framework!, proc);
  return { ...read, value: withMin(read.value) };
}

/**
 * A framework named by a built-in id or a JSON file path; a .json ending or a slash means a file. Only
 * a file is checked against the schema, which is loaded then: the built-ins need no checking.
 */
export async function readFrameworkSpec(spec: string, proc: Proc): Promise<{ value: Framework; path: string | null; warnings: Diagnostic[] }> {
  const looksLikeFile = /[\\/]|\.json$/i.test(spec);
  if (!looksLikeFile) {
    if (!isBuiltinFramework(spec)) {
      throw new UsageError(`"${spec}" is neither a built-in framework (see: ccg-ratings frameworks list) nor a .json file`);
    }
    return { value: readBuiltinFramework(spec), path: null, warnings: [] };
  }
  const path = resolve(proc.cwd, spec);
  const { readFrameworkFile } = await import("../io/framework/read-framework.js");
  const read = readFrameworkFile(path, spec);
  if (!read.ok) throw new DataFailure(read.diagnostics);
  return { value: read.framework, path, warnings: [] };
}

function valuesOptions(opts: InputOptions): ValuesOptions {
  const where = (opts.where ?? []).map((w) => {
    const [column, value] = splitPair(w, "--where", "COLUMN=VALUE");
    return { column, value };
  });
  const flagCols = Object.fromEntries((opts.flagCol ?? []).map((f) => splitPair(f, "--flag-col", "OVERRIDE_COLUMN=FILE_COLUMN")));
  return {
    ...DEFAULT_VALUES_OPTIONS,
    orgCol: opts.orgCol,
    nameCol: opts.nameCol,
    indicatorCol: opts.indicatorCol,
    valueCol: opts.valueCol,
    periodCol: opts.periodCol,
    numeratorCol: opts.numeratorCol,
    denominatorCol: opts.denominatorCol,
    layout: opts.layout,
    seCol: opts.seCol,
    ciLowerCol: opts.ciLowerCol,
    ciUpperCol: opts.ciUpperCol,
    where,
    flagCols,
    encoding: opts.encoding,
    limits: { maxRecordBytes: opts.maxRecordBytes ?? DEFAULT_CSV_LIMITS.maxRecordBytes, maxColumns: opts.maxColumns ?? DEFAULT_CSV_LIMITS.maxColumns },
    prefilter: opts.prefilter ?? true,
    maxPerCode: opts.maxErrors,
  };
}

function splitPair(text: string, option: string, shape: string): [string, string] {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new UsageError(`${option} takes ${shape}, got "${text}"`);
  return [text.slice(0, eq), text.slice(eq + 1)];
}
