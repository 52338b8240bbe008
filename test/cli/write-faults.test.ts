import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.js";
import type { Proc } from "../../src/cli/proc.js";

/** Which step of the atomic write fails, and how; null: none. */
const fault = vi.hoisted(() => ({ at: null as null | "open" | "write" | "sync" | "rename", code: "ENOSPC" }));

vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const fail = () => Promise.reject(Object.assign(new Error(`injected ${fault.code}`), { code: fault.code }));
  return {
    ...real,
    open: async (...args: Parameters<typeof real.open>) => {
      if (fault.at === "open") return fail();
      const file = await real.open(...args);
      return new Proxy(file, {
        get(target, key) {
          if (key === "write" && fault.at === "write") return fail;
          if (key === "sync" && fault.at === "sync") return fail;
          const value = Reflect.get(target, key, target) as unknown;
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    },
    rename: (...args: Parameters<typeof real.rename>) => (fault.at === "rename" ? fail() : real.rename(...args)),
  };
});

function fakeProc(cwd: string): Proc & { out: string; err: string } {
  const proc = {
    out: "",
    err: "",
    stdout: { write: (s: string) => (proc.out += s) },
    stderr: { write: (s: string) => (proc.err += s) },
    stdin: Readable.from([]),
    env: {},
    cwd,
  };
  return proc;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ccg-write-"));
});
afterEach(() => {
  fault.at = null;
  rmSync(dir, { recursive: true, force: true });
});

describe("a write that fails (injected)", () => {
  it.each([
    { at: "open", code: "EROFS" },
    { at: "open", code: "EACCES" },
    { at: "write", code: "ENOSPC" },
    { at: "sync", code: "EIO" },
    { at: "rename", code: "EXDEV" },
  ] as const)("at $at with $code: exit 1, one clear line, the old file intact, no temporary file", async ({ at, code }) => {
    writeFileSync(join(dir, "graded.csv"), "old\n");
    fault.at = at;
    fault.code = code;
    const proc = fakeProc(dir);
    const exit = await run(["rate", "--example", "--out", "graded.csv", "-q"], proc);
    expect(exit).toBe(1);
    expect(proc.err).toBe(`graded.csv: cannot write the output (${code}); nothing was written (E_WRITE_FAILED)\n`);
    expect(readdirSync(dir)).toEqual(["graded.csv"]);
    expect(proc.out).toBe("");
  });

  it("writes the file when nothing fails", async () => {
    const proc = fakeProc(dir);
    expect(await run(["rate", "--example", "--out", "graded.csv", "-q"], proc)).toBe(0);
    expect(readdirSync(dir)).toEqual(["graded.csv"]);
  });
});
