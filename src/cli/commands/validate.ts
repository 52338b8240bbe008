import { resolve } from "node:path";
import { capDiagnostics, type CodeCount } from "../../engine/diagnostic-cap.js";
import type { DiagnosticCollector } from "../../engine/diagnostic-collector.js";
import { hasErrors, type Diagnostic } from "../../engine/diagnostics.js";
import { rate } from "../../engine/rate.js";
import { findSuspicious, type OrgList } from "../../engine/validate/suspicious.js";
import { readOrgList } from "../../io/orgs/read-org-list.js";
import { openSource } from "../../io/source.js";
import { DEFAULT_MAX_PER_CODE, diagnosticLines, grouped } from "../diagnostic-lines.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { DataFailure } from "../failures.js";
import { readInputs, type InputOptions } from "../inputs.js";
import type { Proc } from "../proc.js";

export interface ValidateOptions extends InputOptions {
  orgs?: string;
  format?: "text" | "json";
}

/**
 * Every problem in the inputs, one line each (at most --max-errors of each code, then how many
 * more), then a one-line count; or all of it as JSON for scripts. Exit 1 when any is an error.
 */
export async function validateCommand(opts: ValidateOptions, proc: Proc): Promise<ExitCode> {
  const max = opts.maxErrors ?? DEFAULT_MAX_PER_CODE;
  const diagnostics = await problems({ ...opts, maxErrors: max }, proc);
  const capped = capDiagnostics(diagnostics, max);
  if (opts.format === "json") {
    const byCode = (counts: readonly CodeCount[]) => Object.fromEntries(counts.map((c) => [c.code, c.count]));
    const doc = { errors: capped.errors, warnings: capped.warnings, counts: byCode(capped.counts), omitted: byCode(capped.omitted), diagnostics: capped.shown };
    proc.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    const { errors, warnings } = capped;
    proc.stdout.write(diagnosticLines(diagnostics, max, false));
    proc.stdout.write(errors + warnings === 0 ? "no problems found\n" : `${plural(errors, "error")}, ${plural(warnings, "warning")}\n`);
  }
  return capped.errors > 0 ? EXIT.data : EXIT.ok;
}

/** Every problem, of each code the first --max-errors in file order, with the counts of all. */
async function problems(opts: ValidateOptions, proc: Proc): Promise<DiagnosticCollector> {
  const orgList = opts.orgs === undefined ? { list: null, diagnostics: [] } : await readOrgs(opts.orgs, proc);
  let read;
  try {
    read = await readInputs(opts, proc);
  } catch (e) {
    if (e instanceof DataFailure) return e.diagnostics.after(orgList.diagnostics);
    throw e;
  }
  const rated = rate(read.framework, read.dataset);
  const valuesFile = opts.example ? "example values" : opts.values === "-" ? "<stdin>" : opts.values!;
  const found = read.diagnostics.after(orgList.diagnostics).plus(rated.ok ? rated.rating.warnings : rated.diagnostics);
  findSuspicious(read.framework, read.dataset, valuesFile, orgList.list, found);
  return found;
}

async function readOrgs(spec: string, proc: Proc): Promise<{ list: OrgList | null; diagnostics: Diagnostic[] }> {
  const opened = openSource(spec, proc.stdin, (p) => resolve(proc.cwd, p));
  if (!opened.ok) return { list: null, diagnostics: [opened.diagnostic] };
  const read = await readOrgList(opened.source.open(), opened.source.name);
  return { list: hasErrors(read.diagnostics) ? null : { codes: read.codes, file: opened.source.name }, diagnostics: read.diagnostics };
}

function plural(n: number, word: string): string {
  return `${grouped(n)} ${word}${n === 1 ? "" : "s"}`;
}
