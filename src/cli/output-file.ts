import { extname } from "node:path";
import { error } from "../engine/diagnostics.js";
import { writeFileAtomic } from "../io/output/atomic-write.js";
import { DataFailure, UsageError } from "./failures.js";

/** --format if given, else the --out file's extension when it names one of the formats, else csv. */
export function chooseFormat<F extends string>(flag: string | undefined, out: string | null, formats: readonly F[]): F {
  const fromExtension = out === null ? "" : extname(out).slice(1).toLowerCase();
  const chosen = flag ?? ((formats as readonly string[]).includes(fromExtension) ? fromExtension : "csv");
  if (!(formats as readonly string[]).includes(chosen)) {
    throw new UsageError(`--format must be one of ${formats.join(", ")}, got "${chosen}"`);
  }
  return chosen as F;
}

/**
 * An input file is never overwritten: refuse --out when it is one of them. `inputs` pairs each input's
 * resolved path (null for stdin) with what the message calls it ("one of the input files").
 */
export function refuseToOverwrite(outPath: string | null, shown: string, inputs: readonly { path: string | null; is: string }[]): void {
  const input = outPath === null ? undefined : inputs.find((i) => i.path === outPath);
  if (input !== undefined) throw new UsageError(`--out ${shown} is ${input.is}; refusing to overwrite it`);
}

/** Write the whole output or nothing; a failure is a data error naming the file. */
export async function writeOutput(path: string, shown: string, text: string | Iterable<string> | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new DataFailure([error("E_WRITE_FAILED", `cannot write the output (${code}); nothing was written`, { file: shown })]);
  }
}
