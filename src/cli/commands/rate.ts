import { readFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { sortDiagnostics } from "../../engine/diagnostics.js";
import { OUTPUT_FORMATS, renderRating, type OutputFormat } from "../../io/output/render.js";
import { describeChanges } from "../check.js";
import { colourFor } from "../colour.js";
import { diagnosticLine } from "../diagnostic-lines.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { UsageError } from "../failures.js";
import type { InputOptions } from "../inputs.js";
import type { Proc } from "../proc.js";
import { rateInputs } from "../rated-inputs.js";
import { summaryTable } from "../summary-table.js";
import { writeOutput } from "../write-output.js";

export interface RateOptions extends InputOptions {
  out: string;
  format?: string;
  check?: boolean;
  quiet?: boolean;
  color: boolean;
}

export async function rateCommand(opts: RateOptions, proc: Proc): Promise<ExitCode> {
  const toStdout = opts.out === "-";
  const format = outputFormat(opts.format, toStdout ? null : opts.out);
  if (opts.check && toStdout) throw new UsageError("--check compares with an existing file: give --out FILE");
  const outPath = toStdout ? null : resolve(proc.cwd, opts.out);

  const { inputs, rating } = await rateInputs(opts, proc, outPath, opts.out);
  for (const w of sortDiagnostics([...inputs.warnings, ...rating.warnings])) proc.stderr.write(`${diagnosticLine(w)}\n`);

  const text = renderRating(rating, format);
  if (opts.check) return check(outPath!, opts.out, text, format, proc);

  if (outPath === null) proc.stdout.write(text);
  else writeOutput(outPath, opts.out, text);
  if (!opts.quiet) {
    const stream = toStdout ? proc.stderr : proc.stdout;
    stream.write(summaryTable(rating, colourFor(stream, proc, opts.color)));
  }
  return EXIT.ok;
}

function check(path: string, shown: string, text: string, format: OutputFormat, proc: Proc): ExitCode {
  let existing: string;
  try {
    existing = readFileSync(path, "utf8");
  } catch {
    proc.stdout.write(`${shown}: does not exist; it would be written\n`);
    return EXIT.stale;
  }
  if (existing === text) {
    proc.stdout.write(`${shown}: up to date\n`);
    return EXIT.ok;
  }
  proc.stdout.write(`${shown}: would change\n${describeChanges(existing, text, format).map((l) => `  ${l}\n`).join("")}`);
  return EXIT.stale;
}

function outputFormat(flag: string | undefined, out: string | null): OutputFormat {
  const byExtension: Record<string, OutputFormat> = { ".json": "json", ".md": "md" };
  const chosen = flag ?? (out === null ? undefined : byExtension[extname(out).toLowerCase()]) ?? "csv";
  if (!(OUTPUT_FORMATS as readonly string[]).includes(chosen)) {
    throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(", ")}, got "${chosen}"`);
  }
  return chosen as OutputFormat;
}
