import { readFileSync } from "node:fs";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { TWO_IN_THREE_RULES } from "../engine/stats/spc/two-in-three.js";
import { ENCODINGS } from "../io/rows/csv/encodings.js";
import { DEFAULT_CSV_LIMITS } from "../io/rows/csv/limits.js";
import { VALUES_LAYOUTS } from "../io/values/layout.js";
import { DEFAULT_MAX_PER_CODE, diagnosticLines } from "./diagnostic-lines.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { DataFailure, UsageError } from "./failures.js";
import type { Proc } from "./proc.js";

const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

/**
 * Run the CLI with the given arguments against a process-like object and return the exit code.
 * Every failure becomes an exit code here, in one place; commands load lazily so that `--version`
 * and `--help` do not pay for the CSV and statistics code.
 */
export async function run(argv: readonly string[], proc: Proc): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const debug = argv.includes("--debug");
  // Read before the action runs, so that a failure anywhere in it prints under the user's cap.
  let maxPerCode = DEFAULT_MAX_PER_CODE;
  const program = new Command("ccg-ratings")
    .description("Ratings calculator for NHS commissioners' performance indicators")
    .version(VERSION, "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => proc.stdout.write(s),
      writeErr: (s) => proc.stderr.write(s),
    })
    .showSuggestionAfterError(true)
    .hook("preAction", (_, action) => {
      const max = (action.opts() as { maxErrors?: number }).maxErrors;
      if (max !== undefined) maxPerCode = max;
      checkDrawOptions(action);
    })
    .addHelpText(
      "after",
      `
Examples:
  ccg-ratings rate --example
  ccg-ratings report --example --out report.html
  ccg-ratings report graded-2016-17.json --out report.html
  ccg-ratings <command> --help`,
    );

  const rateCmd = program
    .command("rate")
    .description("rate every organisation and write the graded table; print the counts per category")
    .option("--example", "rate the bundled synthetic example (209 CCGs, mental health 2016/17)");
  terminalOptions(inputOptions(rateCmd))
    .option("--out <file>", "where to write the graded table (- for stdout)", "-")
    .addOption(new Option("--format <format>", "output format (default: from the --out extension, else csv)").choices(["csv", "json", "md", "xlsx"]))
    .option("--check", "compare with the existing --out file and write nothing: exit 3 if it would change")
    .addOption(
      new Option("--sensitivity [format]", "also say how many organisations change category when each fixed cut moves by 1 unit or 5% (text, or json for scripts)").choices(["text", "json"]).preset("text"),
    );
  uncertaintyOptions(rateCmd)
    .addHelpText(
      "after",
      `
Examples:
  ccg-ratings rate --example
  ccg-ratings rate --example --format md > ratings.md
  ccg-ratings rate --example --uncertainty --out graded.csv
  ccg-ratings rate --thresholds thresholds.csv --values values.csv --out graded.csv
  ccg-ratings rate --thresholds thresholds.csv --values download.csv \\
      --org-col ORG_CODE1 --indicator-col MEASURE_ID --value-col MEASURE_VALUE --where GROUP_TYPE=CCG`,
    )
    .action(async (opts) => {
      const { rateCommand } = await import("./commands/rate.js");
      code = await rateCommand(opts, proc);
    });

  const reportCmd = program
    .command("report")
    .description("write one self-contained HTML report: counts, a plot per indicator, a sortable table")
    .argument("[graded]", "a graded table written by rate (CSV or JSON), instead of --values or --example")
    .option("--example", "report on the bundled synthetic example");
  terminalOptions(inputOptions(reportCmd))
    .requiredOption("--out <file>", "where to write the HTML file (- for stdout)")
    .option("--compare <graded>", "an earlier graded table (CSV or JSON from rate): add the transition matrix and the movers")
    .option("--periods <old,new>", "with --compare: the period of the graded table and the period of this rating (default: the table's only period, the rating's latest)")
    .option("--sensitivity", "add a section: how many organisations change category when each fixed cut moves by 1 unit or 5%")
    .option("--trend [org]", "values with periods: add each series' variation and assurance icons (Making Data Count) to the table; with ORG, also that organisation's XmR chart per indicator");
  spcOptions(reportCmd);
  uncertaintyOptions(reportCmd);
  comparisonOptions(reportCmd)
    .addHelpText(
      "after",
      `
Examples:
  ccg-ratings report --example --out report.html
  ccg-ratings report graded-2016-17.json --out report.html
  ccg-ratings rate --framework ccg-iaf-2016-17-mental-health --values values-2016-17.csv --out graded-2016-17.csv
  ccg-ratings report --framework ccg-iaf-2016-17-mental-health --values values-2017-18.csv \\
      --compare graded-2016-17.csv --map fixtures/maps/ccg-2016-2018-successors.csv --out report.html
  ccg-ratings report --thresholds thresholds.csv --values quarters.csv --trend 00C --out report.html`,
    )
    .action(async (graded: string | undefined, opts) => {
      const { reportCommand } = await import("./commands/report.js");
      code = await reportCommand(graded, opts, proc);
    });

  const trendCmd = program
    .command("trend")
    .description("statistical process control over periods: an XmR chart per organisation and indicator, its limits, special causes and icons");
  spcOptions(terminalOptions(inputOptions(trendCmd)))
    .option("--points", "one row per point (its value, mean, limits and flag) instead of one per series")
    .option("--org <code>", "only this organisation's series")
    .option("--indicator <id>", "only this indicator's series")
    .option("--out <file>", "where to write the table (- for stdout)", "-")
    .addOption(new Option("--format <format>", "output format (default: from the --out extension, else csv)").choices(["csv", "json", "md"]))
    .option("--check", "compare with the existing --out file and write nothing: exit 3 if it would change")
    .addHelpText(
      "after",
      `
Examples:
  ccg-ratings trend --thresholds thresholds.csv --values quarters.csv --period-col quarter
  ccg-ratings trend --framework ccg-iaf-2016-17-mental-health --values quarters.csv --org 00C --points --format md`,
    )
    .action(async (opts) => {
      const { trendCommand } = await import("./commands/trend.js");
      code = await trendCommand(opts, proc);
    });

  const compareCmd = program
    .command("compare")
    .description("compare two ratings: who moved between categories, across mergers (--map)")
    .argument("[old]", "older graded table written by rate (CSV or JSON)")
    .argument("[new]", "newer graded table written by rate (CSV or JSON)");
  terminalOptions(inputOptions(compareCmd))
    .option("--periods <old,new>", "the two periods to compare: of the --values file, or of each graded table");
  comparisonOptions(compareCmd)
    .option("--out <file>", "where to write one row per organisation (- for stdout)", "-")
    .addOption(new Option("--format <format>", "output format (default: from the --out extension, else csv)").choices(["csv", "json", "md"]))
    .option("--check", "compare with the existing --out file and write nothing: exit 3 if it would change")
    .option("--fail-on-decline", "exit 4 when any organisation moved down a category")
    .addHelpText(
      "after",
      `
Examples:
  ccg-ratings compare graded-2016.csv graded-2017.csv --map fixtures/maps/ccg-2016-2018-successors.csv
  ccg-ratings compare --thresholds thresholds.csv --values long.csv --periods 2016-17,2017-18 --format md`,
    )
    .action(async (older: string | undefined, newer: string | undefined, opts) => {
      const { compareCommand } = await import("./commands/compare.js");
      code = await compareCommand(older, newer, opts, proc);
    });

  const explainCmd = program
    .command("explain")
    .description("one organisation's rating, step by step, and what would change it")
    .argument("<org>", "organisation code")
    .option("--example", "explain from the bundled synthetic example");
  uncertaintyOptions(inputOptions(explainCmd))
    .option("--period <period>", "the period to explain (default: every period of the organisation)")
    .addOption(new Option("--format <format>", "text or json").choices(["text", "json"]).default("text"))
    .option("--debug", "show stack traces of internal errors")
    .addHelpText(
      "after",
      `
Examples:
  ccg-ratings explain 00C --example
  ccg-ratings explain 14L --thresholds thresholds.csv --values long.csv --period 2017-18 --format json`,
    )
    .action(async (org: string, opts) => {
      const { explainCommand } = await import("./commands/explain.js");
      code = await explainCommand(org, opts, proc);
    });

  const validateCmd = program
    .command("validate")
    .description("check the inputs only: report every problem, then a count")
    .option("--example", "validate the bundled synthetic example");
  inputOptions(validateCmd)
    .option("--orgs <file>", "reference list of organisation codes (a CSV with an org_code column)")
    .addOption(new Option("--format <format>", "text, or json with the counts per code").choices(["text", "json"]).default("text"))
    .option("--debug", "show stack traces of internal errors")
    .addHelpText(
      "after",
      `
Examples:
  ccg-ratings validate --thresholds thresholds.csv --values values.csv
  ccg-ratings validate --example --orgs fixtures/example/ccg-2016-209.csv`,
    )
    .action(async (opts) => {
      const { validateCommand } = await import("./commands/validate.js");
      code = await validateCommand(opts, proc);
    });

  program
    .command("frameworks")
    .description("list the built-in frameworks, or show one as JSON (to start your own) or as a thresholds CSV")
    .argument("[action]", "list | show", "list")
    .argument("[id]", "with show: a built-in framework id or a framework JSON file")
    .addOption(new Option("--as <format>", "with show: json, or csv or xlsx (a thresholds spreadsheet, where the framework is one)").choices(["json", "csv", "xlsx"]).default("json"))
    .option("--out <file>", "with show: where to write (- for stdout; a workbook needs a file)", "-")
    .addHelpText(
      "after",
      `
Examples:
  ccg-ratings frameworks list
  ccg-ratings frameworks show cqc-aggregation > my-method.json
  ccg-ratings frameworks show my-thresholds.json --as csv
  ccg-ratings frameworks show ccg-iaf-2016-17-mental-health --as xlsx --out thresholds.xlsx`,
    )
    .action(async (action: string, id: string | undefined, opts) => {
      const { frameworksCommand } = await import("./commands/frameworks.js");
      code = await frameworksCommand(action, id, opts, proc);
    });

  try {
    // `npx ccg-ratings -- --version` passes the "--" that kept npx's hands off the flags.
    await program.parseAsync(argv[0] === "--" ? argv.slice(1) : [...argv], { from: "user" });
    return code;
  } catch (e) {
    return await failure(e, proc, debug, maxPerCode);
  }
}

/** The options shared by every command that reads a framework and a values file. */
function inputOptions(cmd: Command): Command {
  return cmd
    .option("--thresholds <file>", "thresholds CSV or .xlsx: indicator,label,polarity,top_performing,performing_well,needs_improvement[,weight][,standard][,unit]")
    .option("--framework <id|file>", "a built-in framework id or a framework JSON file")
    .option("--values <file>", "values CSV or .xlsx workbook, wide or long layout, or a Fingertips export (- for stdin)")
    .option("--sheet <name|n>", "values workbook: the sheet to read, by name or place (1: the first; default: the first with the header)")
    .option("--header-row <n>", "values workbook: the header's row (default: the first with the column names needed)", positiveInt)
    .addOption(
      new Option("--layout <layout>", "fingertips: a Fingertips export's columns and filters; plain: ours; auto: fingertips when the header is a Fingertips export's").choices(VALUES_LAYOUTS).default("auto"),
    )
    .option("--org-col <name>", 'organisation code column (default: "org_code"; Fingertips: "Area Code")')
    .option("--name-col <name>", 'organisation name column (default: "org_name"; Fingertips: "Area Name")')
    .option("--indicator-col <name>", 'long layout: indicator id column (default: "indicator"; Fingertips: "Indicator ID")')
    .option("--value-col <name>", 'long layout: value column (default: "value"; Fingertips: "Value")')
    .option("--period-col <name>", 'period column (default: "period"; Fingertips: "Time period")')
    .option("--numerator-col <name>", 'long layout: numerator column (default: "numerator"; Fingertips: "Count")')
    .option("--denominator-col <name>", 'long layout: denominator column (default: "denominator"; Fingertips: "Denominator")')
    .option("--se-col <name>", 'long layout: a value\'s standard error column, if any (default: "se"; wide: <indicator>_se)')
    .option("--ci-lower-col <name>", 'long layout: a value\'s 95% CI lower limit column, if any (default: "ci_lower"; Fingertips: "Lower CI 95.0 limit"; wide: <indicator>_ci_lower)')
    .option("--ci-upper-col <name>", 'long layout: a value\'s 95% CI upper limit column, if any (default: "ci_upper"; Fingertips: "Upper CI 95.0 limit"; wide: <indicator>_ci_upper)')
    .option("--where <col=value>", "keep only rows where the column has this value (repeatable)", collect, [] as string[])
    .option("--flag-col <override=column>", "read the column an override looks at (e.g. financial_deficit) from a column of another name (repeatable)", collect, [] as string[])
    .option("--min-indicators <n>", "an organisation with fewer scored indicators is Not rated (default: the framework's minIndicators)", positiveInt)
    .addOption(new Option("--encoding <encoding>", "values file encoding (default: UTF-8, or UTF-16LE with its BOM)").choices(ENCODINGS))
    .option("--max-record-bytes <n>", "refuse a values record (or field) longer than this", positiveInt, DEFAULT_CSV_LIMITS.maxRecordBytes)
    .option("--max-columns <n>", "refuse a values header with more columns than this", positiveInt, DEFAULT_CSV_LIMITS.maxColumns)
    .option("--no-prefilter", "parse every line even with --where (slower; the results are the same)")
    .option("--threads <n>", "read the values file on this many threads (default: as many as pay, up to 4; 1: this thread only; the results are the same)", positiveInt)
    .option("--max-errors <n>", "print at most this many problems of each code, then how many more (0: every one)", wholeNumber, DEFAULT_MAX_PER_CODE);
}

const DEFAULT_DRAWS = 2000;
/** Fixed, so that a run without --seed gives the same bytes every time. */
const DEFAULT_SEED = 1;

/** The bootstrap of the categories (rate, explain, report --uncertainty). */
function uncertaintyOptions(cmd: Command): Command {
  return cmd
    .option("--uncertainty", "also give each category's probability under sampling noise (a seeded parametric bootstrap): columns p_1 (best) .. p_K, category_confidence")
    .option("--draws <n>", "with --uncertainty or --rank-intervals: how many draws", positiveInt, DEFAULT_DRAWS)
    .option("--seed <s>", "with --uncertainty or --rank-intervals: the random seed (a whole number); the same seed gives the same bytes", seedNumber, DEFAULT_SEED)
    .addOption(
      new Option("--rank-intervals [kind]", "also give each organisation a 95% confidence set for its rank by score (csranks, from the same bootstrap): columns rank_lower, rank_upper")
        .choices(["marginal", "simultaneous"])
        .preset("marginal"),
    );
}

/**
 * --draws and --seed shape the bootstrap and nothing else: given without --uncertainty or
 * --rank-intervals they would be ignored without a word, and the analyst would think the table drawn.
 */
function checkDrawOptions(cmd: Command): void {
  const opts = cmd.opts() as { uncertainty?: boolean; rankIntervals?: string };
  if (opts.uncertainty || opts.rankIntervals !== undefined) return;
  for (const key of ["draws", "seed"]) {
    if (cmd.getOptionValueSource(key) === "cli") throw new UsageError(`--${key} is for --uncertainty or --rank-intervals: give one of them, or leave out --${key}`);
  }
}

/** How `compare` and `report --compare` match the two ratings. */
function comparisonOptions(cmd: Command): Command {
  return cmd
    .option("--map <file>", "successor codes CSV: old_code,new_code[,effective_date]; chains are followed")
    .option("--allow-different-frameworks", "compare tables of different frameworks by category name");
}

/** How `trend` and `report --trend` draw the XmR charts (NHSRplotthedots' defaults). */
function spcOptions(cmd: Command): Command {
  return cmd
    .option("--baseline <n>", "take the mean and limits from the first N points only (default: all)", positiveInt)
    .option("--no-screen-outliers", "keep moving ranges above 3.267 x their average in the average, as the Making Data Count Excel tool does")
    .addOption(new Option("--run-length <n>", "points in a trend or a shift").choices(["6", "7"]).default("7"))
    .addOption(
      new Option("--two-in-three <rule>", "which points count towards 2 of 3 beyond two sigma: between 2 and 3 sigma (NHSRplotthedots) or any beyond 2 sigma (Making Data Count, 2023)")
        .choices(TWO_IN_THREE_RULES)
        .default("2-3sigma"),
    );
}

/** How a command talks to the terminal: summary, colour, stack traces. */
function terminalOptions(cmd: Command): Command {
  return cmd
    .option("-q, --quiet", "do not print the summary or progress")
    .option("--no-color", "never colour the summary")
    .option("--debug", "show stack traces of internal errors");
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError("must be a whole number (0 or more)");
  return Number(value);
}

function seedNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 0xffffffff) throw new InvalidArgumentError("must be a whole number from 0 to 4294967295");
  return n;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1) throw new InvalidArgumentError("must be a whole number of at least 1");
  return n;
}

async function failure(e: unknown, proc: Proc, debug: boolean, maxPerCode: number): Promise<ExitCode> {
  if (e instanceof CommanderError) {
    return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (e instanceof UsageError) {
    proc.stderr.write(`error: ${e.message}\n(see ccg-ratings --help)\n`);
    return EXIT.usage;
  }
  if (e instanceof DataFailure) {
    proc.stderr.write(diagnosticLines(e.diagnostics, maxPerCode));
    return EXIT.data;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  proc.stderr.write(`internal error: ${err.message}\n${debug ? `${err.stack}\n` : "(run again with --debug for details, and please report it)\n"}`);
  return EXIT.data;
}
