import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-proc.js";

const THRESHOLDS = ["--thresholds", "fixtures/example/thresholds.csv"];

describe("validate", () => {
  it("is clean on the example, with the reference list of its 209 codes", async () => {
    expect(await runCli(["validate", "--example", "--orgs", "fixtures/example/ccg-2016-209.csv"])).toEqual({ code: 0, stdout: "no problems found\n", stderr: "" });
  });

  it("warns, and still exits 0, when the 2017/18 codes are checked against the 2016 list", async () => {
    const ran = await runCli(["validate", ...THRESHOLDS, "--values", "fixtures/example/ccg-2017-18-mental-health-synthetic.csv", "--orgs", "fixtures/example/ccg-2016-209.csv"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toBe(
      "fixtures/example/ccg-2017-18-mental-health-synthetic.csv:195:1: warning: organisation 14L is not in the reference list fixtures/example/ccg-2016-209.csv (W_NOT_IN_ORG_LIST)\n0 errors, 1 warning\n",
    );
  });

  it("warns about periods with different organisations", async () => {
    const ran = await runCli(["validate", ...THRESHOLDS, "--values", "fixtures/periods/long-two-periods.csv"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("period 2016-17 lacks 3 organisation(s) that other periods have: GGG, MMM, RRR (W_PERIOD_ORGS_DIFFER)");
    expect(ran.stdout).toContain("period 2017-18 lacks 4 organisation(s) that other periods have: DDD, EEE, FFF, PPP (W_PERIOD_ORGS_DIFFER)");
  });

  it("reports every problem, errors and warnings, then the count, and exits 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "validate-"));
    const values = join(dir, "values.csv");
    writeFileSync(values, "org_code,org_name,iapt_recovery,eip_2wk\nA,x,120,50\nA,x,50,4O.2\nB,y,50,\nC,z,-,60\nD,w,abc,60\n,v,1,2\n");
    const ran = await runCli(["validate", ...THRESHOLDS, "--values", values]);
    expect(ran.code).toBe(1);
    expect(ran.stdout.split("\n")).toEqual([
      `${values}: warning: indicator iapt_recovery has a value for only 3 organisation(s) (fewer than 5) (W_FEW_SCORED)`,
      `${values}: warning: indicator eip_2wk has a value for only 3 organisation(s) (fewer than 5) (W_FEW_SCORED)`,
      `${values}:2:3: warning: A: iapt_recovery is 120%, over 100% (W_OVER_100_PERCENT)`,
      `${values}:3:1: organisation A appears more than once (first at line 2) (E_DUPLICATE_ORG)`,
      `${values}:3:4: "4O.2" is not a number (column eip_2wk) (E_NOT_A_NUMBER)`,
      `${values}:6:3: "abc" is not a number (column iapt_recovery) (E_NOT_A_NUMBER)`,
      `${values}:7:1: organisation code is empty (E_EMPTY_ORG_CODE)`,
      "4 errors, 3 warnings",
      "",
    ]);
    expect(ran.stderr).toBe("");
  });

  it.each([
    { name: "a framework that cannot be read", args: ["--framework", "missing.json", "--values", "fixtures/periods/long-two-periods.csv"], line: "missing.json: file not found (E_FILE_NOT_FOUND)" },
    { name: "a missing reference list", args: ["--example", "--orgs", "nope.csv"], line: "nope.csv: file not found (E_FILE_NOT_FOUND)" },
  ])("counts $name as an error", async ({ args, line }) => {
    const ran = await runCli(["validate", ...args]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe(`${line}\n1 error, 0 warnings\n`);
  });
});

describe("--max-errors", () => {
  const dir = mkdtempSync(join(tmpdir(), "max-errors-"));
  const values = join(dir, "values.csv");
  writeFileSync(values, `org_code,org_name,iapt_recovery,eip_2wk\n${Array.from({ length: 120 }, (_, i) => `X${String(i % 60).padStart(3, "0")},Org,n/k,50\n`).join("")}`);
  const args = ["--thresholds", "fixtures/formats/thresholds.csv", "--values", values];

  it("rate prints 50 of each code, then how many more and the total, and writes nothing", async () => {
    const out = join(dir, "graded.csv");
    const ran = await runCli(["rate", ...args, "--out", out]);
    expect(ran.code).toBe(1);
    const lines = ran.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(52);
    expect(lines[0]).toBe(`${values}:2:3: "n/k" is not a number (column iapt_recovery) (E_NOT_A_NUMBER)`);
    expect(lines.slice(-2)).toEqual(["... and 70 more E_NOT_A_NUMBER", "120 errors and 0 warnings in all (--max-errors 0 prints every one)"]);
    expect(() => readFileSync(out)).toThrow();
  });

  it("0 prints every one, and no tally", async () => {
    const ran = await runCli(["rate", ...args, "--max-errors", "0"]);
    expect(ran.stderr.trimEnd().split("\n")).toHaveLength(120);
  });

  it("validate keeps the counts, in text and in JSON", async () => {
    const text = await runCli(["validate", ...args, "--max-errors", "1"]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/\(E_NOT_A_NUMBER\)\n.*\(E_DUPLICATE_ORG\)\n\.\.\. and 59 more E_DUPLICATE_ORG\n\.\.\. and 119 more E_NOT_A_NUMBER\n180 errors, 1 warning\n$/);
    const json = await runCli(["validate", ...args, "--max-errors", "1", "--format", "json"]);
    const doc = JSON.parse(json.stdout) as { errors: number; warnings: number; counts: Record<string, number>; omitted: Record<string, number>; diagnostics: unknown[] };
    expect(doc).toMatchObject({ errors: 180, warnings: 1, counts: { E_DUPLICATE_ORG: 60, E_NOT_A_NUMBER: 120, W_FEW_SCORED: 1 }, omitted: { E_DUPLICATE_ORG: 59, E_NOT_A_NUMBER: 119 } });
    expect(doc.diagnostics).toHaveLength(3);
  });

  it("refuses a value that is not a whole number", async () => {
    const ran = await runCli(["rate", ...args, "--max-errors", "-1"]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("must be a whole number (0 or more)");
  });
});
