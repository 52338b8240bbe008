import type { Readable } from "node:stream";

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Everything the CLI takes from the process, passed in rather than reached for, so tests can run
 * the whole CLI in-process and read what it printed.
 */
export interface Proc {
  stdout: Output;
  stderr: Output;
  stdin: Readable;
  env: Record<string, string | undefined>;
  cwd: string;
}
