import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/built-cli.js";
import { ROOT } from "../helpers/in-process.js";

interface Case {
  file: string;
  kind: "values" | "thresholds" | "framework";
  code: string;
  line: string;
  column: string;
  extra: string;
}

const cases = parse(readFileSync(`${ROOT}fixtures/bad/cases.csv`, "utf8"), { columns: true, comment: "#", skip_empty_lines: true }) as Case[];
const byFile = new Map<string, Case[]>();
for (const c of cases) byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);

function argsFor(c: Case): string[] {
  const bad = `fixtures/bad/${c.file}`;
  const base =
    c.kind === "values"
      ? ["--thresholds", "fixtures/bad/thresholds.csv", "--values", bad]
      : c.kind === "thresholds"
        ? ["--thresholds", bad, "--values", "fixtures/formats/wide.csv"]
        : ["--framework", bad, "--values", "fixtures/formats/wide.csv"];
  return [...base, ...c.extra.split(" ").filter(Boolean)];
}

describe("every bad input in fixtures/bad/cases.csv", () => {
  it("covers every file in fixtures/bad", () => {
    const files = readdirSync(`${ROOT}fixtures/bad`).filter((f) => f !== "cases.csv" && f !== "thresholds.csv");
    expect([...byFile.keys()].sort()).toEqual(files.sort());
  });

  it.each([...byFile.entries()])("%s", (file, expected) => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-bad-"));
    const out = join(dir, "graded.csv");
    writeFileSync(out, "previous output\n");
    const r = runBuilt(["rate", ...argsFor(expected[0]!), "--out", out]);

    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const errors = r.stderr.split("\n").filter((l) => l !== "" && !l.includes(": warning: "));
    const got = errors.map((l) => {
      const m = /^(.*?):(\d+)(?::(\d+))?: .+ \((E_[A-Z_]+)\)$/.exec(l);
      expect(m, `not FILE:LINE:COLUMN: message (CODE): ${l}`).not.toBeNull();
      return `${m![1]}:${m![2]}:${m![3] ?? ""} ${m![4]}`;
    });
    expect(got.sort()).toEqual(expected.map((c) => `fixtures/bad/${file}:${c.line}:${c.column} ${c.code}`).sort());
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(out, "utf8")).toBe("previous output\n");
    expect(readdirSync(dir)).toEqual(["graded.csv"]);
  });
});
