import { removePendingTempFiles } from "../io/output/atomic-write.js";
import type { Proc } from "./proc.js";

/**
 * The real process. A closed pipe (`ccg-ratings rate ... | head`) is the reader saying it has seen
 * enough, so it ends the run quietly instead of with an EPIPE stack trace.
 */
export function nodeProc(): Proc {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  // Ctrl-C or a kill mid-write must not leave a temporary file behind. The old output is untouched
  // (it is only ever replaced by a rename); then the signal is raised again, so the caller sees it.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      removePendingTempFiles();
      process.kill(process.pid, signal);
    });
  }
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}
