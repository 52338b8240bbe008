import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import type { Proc } from "../../src/cli/proc.js";
import { fileBytes } from "./arbitraries.js";

const root = mkdtempSync(join(tmpdir(), "ccg-fuzz-cli-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `FILE:LINE[:COLUMN]: [warning: ]message (CODE)`: what every problem with the data must look like. */
const DATA_LINE = /^[^:\n]+:\d+(:\d+)?: .+ \([EW]_[A-Z_]+\)$/;

const flags = fc.record({
  where: fc.option(fc.constantFrom("group=CCG", "group=GP", "nope=1", "group="), { nil: undefined }),
  encoding: fc.option(fc.constantFrom("utf8", "latin1", "win1252", "utf16le"), { nil: undefined }),
  format: fc.option(fc.constantFrom("csv", "json"), { nil: undefined }),
  limits: fc.option(fc.constantFrom(["--max-columns", "3"], ["--max-record-bytes", "64"]), { nil: undefined }),
  prefilter: fc.boolean(),
});

describe("the CLI in-process on fuzzed files", () => {
  it("exits 0, 1 or 2 with one line per problem, no stack trace, and writes nothing on error", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fileBytes, fileBytes, fc.boolean(), flags, async (values, thresholds, useThresholds, f) => {
        const dir = join(root, String(n++));
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir);
        writeFileSync(join(dir, "values.csv"), values);
        writeFileSync(join(dir, "thresholds.csv"), thresholds);
        const argv = [
          "rate",
          ...(useThresholds ? ["--thresholds", "thresholds.csv"] : ["--framework", "ccg-iaf-2016-17-mental-health"]),
          "--values",
          "values.csv",
          "--out",
          "out.csv",
          ...(f.where ? ["--where", f.where] : []),
          ...(f.encoding ? ["--encoding", f.encoding] : []),
          ...(f.format ? ["--format", f.format] : []),
          ...(f.limits ?? []),
          ...(f.prefilter ? [] : ["--no-prefilter"]),
        ];
        let out = "";
        let err = "";
        const proc: Proc = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, stdin: Readable.from([]), env: { NO_COLOR: "1" }, cwd: dir };
        const code = await run(argv, proc);
        expect([0, 1, 2]).toContain(code);
        expect(err).not.toMatch(/internal error|\n\s+at /);
        const written = readdirSync(dir).includes("out.csv");
        if (code === 0) {
          expect(written).toBe(true);
          expect(out).toMatch(/Total/);
        } else {
          expect(written).toBe(false);
          const lines = err.trimEnd().split("\n");
          if (code === 1) for (const line of lines) expect(line).toMatch(DATA_LINE);
          else expect(lines[0]).toMatch(/^error: /);
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      { seed: 6, numRuns: 400 },
    );
  });
});
