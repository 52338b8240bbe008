import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runBuilt } from "../helpers/built-cli.js";
import { ROOT } from "../helpers/in-process.js";

describe("ccg-ratings rate --example (built binary)", () => {
  const r = runBuilt(["rate", "--example"]);

  it("exits 0 with the graded table of all 209 CCGs on stdout", () => {
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(210);
    expect(lines[0]).toBe(
      "org_code,org_name,iapt_recovery,iapt_recovery_ci_lower,iapt_recovery_ci_upper,iapt_recovery_band,eip_2wk,eip_2wk_ci_lower,eip_2wk_ci_upper,eip_2wk_band,score,category,decided_by,notes",
    );
    expect(lines[1]).toMatch(/^00C,NHS Darlington CCG,/);
  });

  it("prints the summary on stderr, counts adding up to 209", () => {
    const counts = [...r.stderr.matchAll(/│ (Top performing|Performing well|Needs improvement|Greatest need for improvement|Not rated)\s+│\s+(\d+) │/g)];
    expect(counts.length).toBeGreaterThanOrEqual(4);
    expect(counts.reduce((n, m) => n + Number(m[2]), 0)).toBe(209);
    expect(r.stderr).toMatch(/Total\s+│\s+209/);
    expect(r.stderr).not.toMatch(/\u001b\[/);
  });

  it("gives the same bytes on every run", () => {
    expect(runBuilt(["rate", "--example"]).stdout).toBe(r.stdout);
  });

  it("counts in the table equal the summary", () => {
    const json = JSON.parse(runBuilt(["rate", "--example", "--format", "json", "-q"]).stdout);
    const tally: Record<string, number> = {};
    for (const o of json.organisations) tally[o.category] = (tally[o.category] ?? 0) + 1;
    for (const [category, n] of Object.entries(json.summary[0].counts)) expect(tally[category] ?? 0).toBe(n);
  });
});

describe("the same data in every layout and encoding gives the same table", () => {
  const rate = (file: string, extra: string[] = []) =>
    runBuilt(["rate", "--thresholds", "fixtures/formats/thresholds.csv", "--values", `fixtures/formats/${file}`, "-q", ...extra]);
  const reference = rate("wide.csv");
  const longPeriods = runBuilt(["rate", "--thresholds", "fixtures/formats/thresholds.csv", "--values", "fixtures/formats/long-periods.csv"]);

  it.each(["wide-bom-crlf.csv", "wide-semicolon.csv", "wide-tab.tsv", "wide-quirks.csv", "wide-fractions.csv", "long.csv"])("%s", (file) => {
    const r = rate(file);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(reference.stdout);
  });

  it("an NHS Digital style long file, filtered with --where", () => {
    const r = rate("nhs-digital-long.csv", [
      "--org-col", "ORG_CODE1", "--name-col", "ORG_NAME1", "--indicator-col", "MEASURE_ID", "--value-col", "MEASURE_VALUE", "--where", "GROUP_TYPE=CCG",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(reference.stdout);
  });

  it.each(["1", "2", "4"])("read on --threads %s, the same table and messages", (threads) => {
    const nhs = ["--org-col", "ORG_CODE1", "--name-col", "ORG_NAME1", "--indicator-col", "MEASURE_ID", "--value-col", "MEASURE_VALUE", "--where", "GROUP_TYPE=CCG"];
    const r = rate("nhs-digital-long.csv", [...nhs, "--threads", threads]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(reference.stdout);
    const periods = runBuilt(["rate", "--thresholds", "fixtures/formats/thresholds.csv", "--values", "fixtures/formats/long-periods.csv", "--threads", threads]);
    expect(periods.code).toBe(0);
    expect(periods.stdout + periods.stderr).toBe(longPeriods.stdout + longPeriods.stderr);
  });

  it("a long file with periods gives one row per organisation and period, and a summary column per period", () => {
    const r = runBuilt(["rate", "--thresholds", "fixtures/formats/thresholds.csv", "--values", "fixtures/formats/long-periods.csv"]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split("\n");
    expect(rows[0]).toMatch(/^org_code,org_name,period,/);
    expect(rows.slice(1).map((l) => l.split(",").slice(0, 1).concat(l.match(/,(2016-17|2017-18),/)![1]!))).toEqual([
      ["A01", "2016-17"], ["A01", "2017-18"], ["B02", "2016-17"], ["B02", "2017-18"], ["C03", "2016-17"], ["C03", "2017-18"],
      ["D04", "2016-17"], ["D04", "2017-18"], ["E05", "2016-17"], ["E05", "2017-18"],
    ]);
    expect(r.stderr).toMatch(/│ Category\s+│\s+2016-17 │\s+2017-18 │/);
  });
});

describe("any unit: days, pounds, per 10,000", () => {
  const args = ["--thresholds", "fixtures/units/thresholds.csv", "--values", "fixtures/units/values.csv"];

  it("rates with each unit's multiplier: 1080 per 100,000 is 108 per 10,000", () => {
    const r = runBuilt(["rate", ...args, "--out", "-"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(0, 3)).toEqual([
      "org_code,org_name,wait,wait_band,cost,cost_band,admissions,admissions_band,score,category,decided_by,notes",
      "A01,Alpha ICB,8.5,1,850,1,70,1,1.000,Top performing,mean 1 <= 1.5,",
      "B02,Beta ICB,22,3,1150,3,108,3,3.000,Needs improvement,2.5 < mean 3 <= 3.5,",
    ]);
  });

  it("explain shows each value in its unit", () => {
    const r = runBuilt(["explain", "B02", ...args]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Median wait for first appointment (wait)                       22 days     3  <= 30       20 days (-2)\n");
    expect(r.stdout).toContain("Cost per case (cost)                                             £1150     3  <= 1300     £1100 (-50)\n");
    expect(r.stdout).toContain("Emergency admissions (admissions)         1080/100000 = 108 per 10,000     3  <= 120      100 per 10,000 (-8)\n");
  });
});

describe("cells a spreadsheet would run as formulas (OWASP CSV injection)", () => {
  const args = ["--thresholds", "fixtures/formats/thresholds.csv", "--values", "fixtures/formula/values.csv"];

  it("CSV and Markdown prefix them with ', numbers such as -3.5 untouched; JSON keeps them exact", () => {
    const csv = runBuilt(["rate", ...args, "--out", "-"]);
    expect(csv.stdout.split("\n").slice(1, 4)).toEqual([
      `'=1+1,"'=HYPERLINK(""http://example.invalid"",""click"")",57,1,61,1,1.000,Top performing,mean 1 <= 1.5,`,
      "'@X1,'+44 Trust,50,2,45,3,2.500,Performing well,1.5 < mean 2.5 <= 2.5,",
      "B02,'-Beta CCG,-3.5,4,40,3,3.500,Needs improvement,2.5 < mean 3.5 <= 3.5,",
    ]);
    const md = runBuilt(["rate", ...args, "--format", "md", "--out", "-"]);
    expect(md.stdout).toContain(`| '=1+1 | '=HYPERLINK("http://example.invalid","click") | 57 | 1 | 61 | 1 | 1.000 | Top performing | mean 1 <= 1.5 |  |\n`);
    const json = JSON.parse(runBuilt(["rate", ...args, "--format", "json", "--out", "-"]).stdout) as { organisations: { org_code: string; org_name: string }[] };
    expect(json.organisations.slice(0, 3).map((o) => [o.org_code, o.org_name])).toEqual([
      ["=1+1", '=HYPERLINK("http://example.invalid","click")'],
      ["@X1", "+44 Trust"],
      ["B02", "-Beta CCG"],
    ]);
  });

  it("a graded CSV read back (compare) gives the organisations' own text", () => {
    const dir = mkdtempSync(join(tmpdir(), "formula-"));
    const graded = join(dir, "graded.csv");
    expect(runBuilt(["rate", ...args, "--out", graded]).code).toBe(0);
    const compared = runBuilt(["compare", graded, graded, "--format", "json", "--out", "-"]);
    expect(compared.code).toBe(0);
    const doc = JSON.parse(compared.stdout) as { organisations: { org_code: string; org_name: string }[] };
    expect(doc.organisations.map((o) => o.org_code)).toEqual(["=1+1", "@X1", "B02", "C03"]);
    expect(doc.organisations[0]!.org_name).toBe('=HYPERLINK("http://example.invalid","click")');
  });
});

describe("files and pipes", () => {
  it("--out writes the file, prints the summary on stdout, and leaves no temporary file", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-e2e-"));
    const r = runBuilt(["rate", "--example", "--out", join(dir, "graded.json")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Total");
    expect(readdirSync(dir)).toEqual(["graded.json"]);
    expect(JSON.parse(readFileSync(join(dir, "graded.json"), "utf8")).organisations).toHaveLength(209);
  });

  it("ends quietly when the reader closes the pipe (| head)", () => {
    const r = spawnSync("bash", ["-c", `set -o pipefail; node ${BIN} rate --example | head -n 2`], { cwd: ROOT, encoding: "utf8" });
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(2);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(r.status).toBe(0);
  });
});
