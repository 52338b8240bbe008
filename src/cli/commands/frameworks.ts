import { resolve } from "node:path";
import { BUILTIN_ALIASES, builtinFrameworkIds, readBuiltinFramework } from "../../io/framework/builtin.js";
import { thresholdsCsv, thresholdsTable } from "../../io/thresholds/write-thresholds.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { UsageError } from "../failures.js";
import { readFrameworkSpec } from "../inputs.js";
import { writeOutput } from "../output-file.js";
import type { Proc } from "../proc.js";

export interface FrameworksOptions {
  as: "json" | "csv" | "xlsx";
  /** Where to write (- for stdout); a workbook needs a file. */
  out: string;
}

/** `frameworks list` and `frameworks show ID|FILE [--as json|csv|xlsx] [--out FILE]`. */
export async function frameworksCommand(action: string, id: string | undefined, opts: FrameworksOptions, proc: Proc): Promise<ExitCode> {
  if (action === "list") {
    if (id !== undefined) throw new UsageError(`frameworks list takes no argument, got "${id}"`);
    for (const builtin of builtinFrameworkIds()) {
      proc.stdout.write(`${builtin}\t${readBuiltinFramework(builtin).title}\n`);
    }
    for (const [alias, target] of Object.entries(BUILTIN_ALIASES)) proc.stdout.write(`${alias}\tthe same as ${target}\n`);
    return EXIT.ok;
  }
  if (action !== "show") throw new UsageError(`unknown frameworks action "${action}" (try: list, show ID)`);
  if (id === undefined) throw new UsageError("frameworks show needs a framework id (see: ccg-ratings frameworks list) or a .json file");
  if (opts.as === "xlsx" && opts.out === "-") throw new UsageError("a thresholds workbook is written to a file: give --out FILE.xlsx");
  const framework = (await readFrameworkSpec(id, proc)).value;
  const write = async (text: string | Uint8Array) => {
    if (typeof text === "string" && opts.out === "-") proc.stdout.write(text);
    else await writeOutput(resolve(proc.cwd, opts.out), opts.out, text);
    return EXIT.ok;
  };
  // Defaults filled in, so the file says everything the rating uses and rates to the same bytes.
  if (opts.as === "json") return write(`${JSON.stringify(framework, null, 2)}\n`);
  const table = thresholdsTable(framework);
  if (!table.ok) {
    throw new UsageError(`${id} cannot be written as a thresholds ${opts.as === "csv" ? "CSV" : "workbook"}: ${table.reasons.join("; ")} (use --as json)`);
  }
  if (opts.as === "csv") return write(thresholdsCsv(table));
  const { thresholdsWorkbook } = await import("../../io/thresholds/thresholds-workbook.js");
  return write(await thresholdsWorkbook(table));
}
