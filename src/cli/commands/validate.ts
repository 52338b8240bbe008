import { resolve } from "node:path";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../../engine/diagnostics.js";
import { rate } from "../../engine/rate.js";
import { suspiciousInputs, type OrgList } from "../../engine/validate/suspicious.js";
import { readOrgList } from "../../io/orgs/read-org-list.js";
import { openSource } from "../../io/source.js";
import { diagnosticLine } from "../diagnostic-lines.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { DataFailure } from "../failures.js";
import { readInputs, type InputOptions } from "../inputs.js";
import type { Proc } from "../proc.js";

export interface ValidateOptions extends InputOptions {
  orgs?: string;
}

/** Every problem in the inputs, one line each, then a one-line count; exit 1 when any is an error. */
export async function validateCommand(opts: ValidateOptions, proc: Proc): Promise<ExitCode> {
  const diagnostics = await problems(opts, proc);
  const sorted = sortDiagnostics(diagnostics);
  for (const d of sorted) proc.stdout.write(`${diagnosticLine(d)}\n`);
  const errors = sorted.filter((d) => d.severity === "error").length;
  const warnings = sorted.length - errors;
  proc.stdout.write(errors + warnings === 0 ? "no problems found\n" : `${plural(errors, "error")}, ${plural(warnings, "warning")}\n`);
  return hasErrors(sorted) ? EXIT.data : EXIT.ok;
}

async function problems(opts: ValidateOptions, proc: Proc): Promise<Diagnostic[]> {
  const orgList = opts.orgs === undefined ? { list: null, diagnostics: [] } : await readOrgs(opts.orgs, proc);
  let read;
  try {
    read = await readInputs(opts, proc);
  } catch (e) {
    if (e instanceof DataFailure) return [...orgList.diagnostics, ...e.diagnostics];
    throw e;
  }
  const rated = rate(read.framework, read.dataset);
  const valuesFile = opts.example ? "example values" : opts.values === "-" ? "<stdin>" : opts.values!;
  return [
    ...orgList.diagnostics,
    ...read.diagnostics,
    ...(rated.ok ? rated.rating.warnings : rated.diagnostics),
    ...suspiciousInputs(read.framework, read.dataset, valuesFile, orgList.list),
  ];
}

async function readOrgs(spec: string, proc: Proc): Promise<{ list: OrgList | null; diagnostics: Diagnostic[] }> {
  const opened = openSource(spec, proc.stdin, (p) => resolve(proc.cwd, p));
  if (!opened.ok) return { list: null, diagnostics: [opened.diagnostic] };
  const read = await readOrgList(opened.source.open(), opened.source.name);
  return { list: hasErrors(read.diagnostics) ? null : { codes: read.codes, file: opened.source.name }, diagnostics: read.diagnostics };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
