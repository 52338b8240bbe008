import { Readable } from "node:stream";
import type { Proc } from "../../src/cli/proc.js";

export interface FakeProc extends Proc {
  out(): string;
  err(): string;
}

/** A Proc whose output is collected in memory; stdout/stderr are terminals only when asked. */
export function fakeProc(options: { cwd: string; tty?: boolean; env?: Record<string, string>; stdin?: string }): FakeProc {
  let out = "";
  let err = "";
  return {
    stdout: { write: (s: string) => (out += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (err += s), isTTY: options.tty ?? false },
    stdin: Readable.from([options.stdin ?? ""]),
    env: options.env ?? {},
    cwd: options.cwd,
    out: () => out,
    err: () => err,
  };
}
