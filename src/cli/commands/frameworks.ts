import { BUILTIN_ALIASES, builtinFrameworkIds, readBuiltinFramework } from "../../io/framework/builtin.js";
import { writeThresholds } from "../../io/thresholds/write-thresholds.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { UsageError } from "../failures.js";
import { readFrameworkSpec } from "../inputs.js";
import type { Proc } from "../proc.js";

export interface FrameworksOptions {
  as: "json" | "csv";
}

/** `frameworks list` and `frameworks show ID|FILE [--as json|csv]`. */
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
  const framework = (await readFrameworkSpec(id, proc)).value;
  if (opts.as === "json") {
    // Defaults filled in, so the file says everything the rating uses and rates to the same bytes.
    proc.stdout.write(`${JSON.stringify(framework, null, 2)}\n`);
    return EXIT.ok;
  }
  const written = writeThresholds(framework);
  if (!written.ok) {
    throw new UsageError(`${id} cannot be written as a thresholds CSV: ${written.reasons.join("; ")} (use --as json)`);
  }
  proc.stdout.write(written.text);
  return EXIT.ok;
}
