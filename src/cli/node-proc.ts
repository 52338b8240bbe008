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
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}
