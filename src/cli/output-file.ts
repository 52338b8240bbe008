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

/** Write the whole output or nothing; a failure is a data error naming the file. */
export async function writeOutput(path: string, shown: string, text: string | Iterable<string> | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new DataFailure([error("E_WRITE_FAILED", `cannot write the output (${code}); nothing was written`, { file: shown })]);
  }
}
