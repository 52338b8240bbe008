import { Readable } from "node:stream";
import { run } from "../../src/cli/main.js";
import type { Proc } from "../../src/cli/proc.js";

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export const ROOT = new URL("../../", import.meta.url).pathname;

/** Run the CLI in-process against a fake process: what it printed, and its exit code. */
export async function runCli(
  argv: string[],
  options: { stdin?: string; env?: Record<string, string>; tty?: boolean; cwd?: string } = {},
): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const proc: Proc = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    stdin: Readable.from([options.stdin ?? ""]),
    env: options.env ?? {},
    cwd: options.cwd ?? ROOT,
  };
  const code = await run(argv, proc);
  return { code, stdout, stderr };
}
