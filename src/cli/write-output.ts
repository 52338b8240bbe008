import { error } from "../engine/diagnostics.js";
import { writeFileAtomic } from "../io/output/atomic-write.js";
import { DataFailure } from "./failures.js";

/** Write an output file whole or not at all; a failure is a data failure naming the file as the user gave it. */
export function writeOutput(path: string, shown: string, text: string): void {
  try {
    writeFileAtomic(path, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new DataFailure([error("E_WRITE_FAILED", `cannot write the output (${code}); nothing was written`, { file: shown })]);
  }
}
