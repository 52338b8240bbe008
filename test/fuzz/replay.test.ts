import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { diagnosticLines } from "../../src/cli/diagnostic-lines.js";
import { readBuiltinFramework } from "../../src/io/framework/builtin.js";
import { DEFAULT_VALUES_OPTIONS } from "../../src/io/values/options.js";
import { readValues } from "../../src/io/values/read-values.js";
import { chunked, expectWellFormed } from "./arbitraries.js";

const folder = fileURLToPath(new URL("../../fixtures/fuzz/", import.meta.url));
const inputs = readdirSync(folder).filter((f) => f.endsWith(".csv"));
const framework = readBuiltinFramework("ccg-iaf-2016-17-mental-health");
const options = { ...DEFAULT_VALUES_OPTIONS, where: [{ column: "group", value: "CCG" }] };

describe("inputs that once broke a reader (fixtures/fuzz)", () => {
  it("are all here", () => {
    expect(inputs.length).toBeGreaterThanOrEqual(7);
  });

  it.each(inputs)("%s: the same with and without the prefilter, cut into chunks anywhere", async (name) => {
    const bytes = readFileSync(join(folder, name));
    const expected = await readValues(chunked(bytes, []), name, framework, { ...options, prefilter: false });
    expectWellFormed(expected.diagnostics, name);
    // Every problem printed (no cap), one line each: no line break or CR inside one.
    const printed = diagnosticLines(expected.diagnostics, 0);
    expect(printed.split("\n")).toHaveLength(expected.diagnostics.length + 1);
    expect(printed).not.toMatch(/\r/);
    for (let cut = 0; cut <= bytes.length; cut++) {
      for (const prefilter of [true, false]) {
        expect(await readValues(chunked(bytes, [cut]), name, framework, { ...options, prefilter })).toEqual(expected);
      }
    }
  });

  it.each(inputs)("%s: the CLI reports one line per problem and exits 1", async (name) => {
    let err = "";
    const proc = { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, stdin: Readable.from([]), env: {}, cwd: folder };
    const code = await run(["rate", "--framework", "ccg-iaf-2016-17-mental-health", "--values", name, "--where", "group=CCG", "--check", "--out", "none.csv"], proc);
    expect(code).toBe(1);
    for (const line of err.trimEnd().split("\n")) expect(line).toMatch(new RegExp(`^${name.replace(".", "\\.")}:\\d+(:\\d+)?: .+ \\([EW]_[A-Z_]+\\)$`));
  });
});
