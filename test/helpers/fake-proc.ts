import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { run } from "../../src/cli/main.js";
import type { Proc } from "../../src/cli/proc.js";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process, from the repository root unless told otherwise, with colour off. */
export async function runCli(argv: string[], cwd = REPO, stdin = ""): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const proc: Proc = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([stdin]),
    env: { NO_COLOR: "1" },
    cwd,
  };
  const code = await run(argv, proc);
  return { code, stdout, stderr };
}
