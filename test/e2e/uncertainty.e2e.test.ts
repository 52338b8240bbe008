import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/built-cli.js";

const CATEGORIES = ["Top performing", "Performing well", "Needs improvement", "Greatest need for improvement"];

describe("rate --uncertainty (built binary)", () => {
  const r = runBuilt(["rate", "--example", "--uncertainty"]);
  const lines = r.stdout.trimEnd().split("\n");
  const header = lines[0]!.split(",");
  const rows = lines.slice(1).map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "")));

  it("adds p_1 .. p_4 and category_confidence after category, each row's p summing to 1 within rounding", () => {
    expect(r.code).toBe(0);
    const at = header.indexOf("category");
    expect(header.slice(at, at + 7)).toEqual(["category", "p_1", "p_2", "p_3", "p_4", "category_confidence", "decided_by"]);
    expect(rows).toHaveLength(209);
    for (const row of rows) {
      const p = row.slice(at + 1, at + 5).map(Number);
      expect(Math.abs(p.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(0.0025);
      expect(Number(row[at + 5])).toBe(p[CATEGORIES.indexOf(row[at]!)]);
    }
  });

  it("prints each category's count across the draws and how they were made under the summary", () => {
    for (const c of CATEGORIES) expect(r.stderr).toMatch(new RegExp(`${c}\\s+│\\s+\\d+ │\\s+[\\d.]+% │\\s+\\d+\\.\\d \\(95% \\d+-\\d+\\) │`));
    expect(r.stderr).toContain("Category probabilities from 2000 bootstrap draws, seed 1\n");
  });

  it("gives the same bytes for the same seed, on one thread or two, and other probabilities for another seed", () => {
    expect(runBuilt(["rate", "--example", "--uncertainty", "--threads", "2", "-q"]).stdout).toBe(r.stdout);
    expect(runBuilt(["rate", "--example", "--uncertainty", "--seed", "2", "-q"]).stdout).not.toBe(r.stdout);
    expect(runBuilt(["rate", "--example", "--uncertainty", "--seed", "2", "-q"]).stdout).toBe(runBuilt(["rate", "--example", "--uncertainty", "--seed", "2", "-q"]).stdout);
  });

  it("writes the same probabilities in JSON, with the count intervals and the settings", () => {
    const json = JSON.parse(runBuilt(["rate", "--example", "--uncertainty", "--format", "json", "-q"]).stdout);
    const at = header.indexOf("p_1");
    json.organisations.forEach((o: Record<string, unknown>, i: number) => {
      expect([o.p_1, o.p_2, o.p_3, o.p_4, o.category_confidence]).toEqual(rows[i]!.slice(at, at + 5).map(Number));
    });
    expect(json.uncertainty.draws).toBe(2000);
    expect(json.uncertainty.seed).toBe(1);
    const counts = json.uncertainty.periods[0].counts;
    expect(Object.keys(counts)).toEqual(CATEGORIES);
    const expected = Object.values(counts as Record<string, { expected: number; lower: number; upper: number }>);
    expect(expected.reduce((a, c) => a + c.expected, 0)).toBeCloseTo(209, 9);
    for (const c of expected) expect(c.lower <= c.expected && c.expected <= c.upper).toBe(true);
  });

  it("adds the columns to Markdown too", () => {
    const md = runBuilt(["rate", "--example", "--uncertainty", "--format", "md", "--draws", "200", "-q"]).stdout;
    expect(md).toContain("| category | p_1 | p_2 | p_3 | p_4 | category_confidence | decided_by |");
  });

  it("says which values are held fixed, per indicator", () => {
    const fixed = runBuilt(["rate", "--thresholds", "fixtures/uncertainty/thresholds.csv", "--values", "fixtures/uncertainty/values.csv", "--uncertainty"]);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain("A02,Large practice,57.5,1,81,1,1.000,Top performing,1.000,0.000,0.000,0.000,1.000,");
    expect(fixed.stderr).toContain("held fixed (a value with no standard error or interval): experience (1 organisation)");
    const quiet = runBuilt(["rate", "--thresholds", "fixtures/uncertainty/thresholds.csv", "--values", "fixtures/uncertainty/values.csv", "--uncertainty", "-q"]);
    expect(quiet.stderr).toBe("warning: indicator experience: 1 value has no standard error or interval, held fixed in the bootstrap (W_HELD_FIXED)\n");
  });

  it.each([
    [["rate", "--example", "--seed", "2"], "seed"],
    [["rate", "--example", "--draws", "200", "--out", "graded.csv"], "draws"],
    [["explain", "00C", "--example", "--draws", "200"], "draws"],
    [["report", "--example", "--seed", "2", "--out", "report.html"], "seed"],
  ])("%j is a usage error: without --uncertainty or --rank-intervals nothing is drawn", (argv, key) => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-draws-"));
    const x = runBuilt(argv, { cwd: dir });
    expect(x.code).toBe(2);
    expect(x.stdout).toBe("");
    expect(x.stderr).toBe(`error: --${key} is for --uncertainty or --rank-intervals: give one of them, or leave out --${key}\n(see ccg-ratings --help)\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses a draw count that is not a whole number of at least 1, and a seed out of range", () => {
    for (const bad of [["--draws", "0"], ["--draws", "2.5"], ["--seed", "-1"], ["--seed", "4294967296"]]) {
      const x = runBuilt(["rate", "--example", "--uncertainty", ...bad]);
      expect(x.code).toBe(2);
      expect(x.stdout).toBe("");
      expect(x.stderr).toMatch(/^error: option '--(draws|seed) <[ns]>' argument '.*' is invalid/);
    }
  });
});

describe("explain and report --uncertainty (built binary)", () => {
  it("explain shows each category's probability, the given one marked", () => {
    const r = runBuilt(["explain", "00C", "--example", "--uncertainty"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Probabilities of each category \(2000 bootstrap draws, seed 1\):\n  Top performing\s+\d\.\d{3}\n  Performing well\s+\d\.\d{3}\n  Needs improvement \(given\)\s+\d\.\d{3}\n/);
    const json = JSON.parse(runBuilt(["explain", "00C", "--example", "--uncertainty", "--format", "json"]).stdout);
    expect(json.explanations[0].probabilities).toHaveLength(4);
    expect(json.uncertainty).toEqual({ draws: 2000, seed: 1 });
  });

  it("report adds the probability columns and the count across draws", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-unc-"));
    const r = runBuilt(["report", "--example", "--uncertainty", "--draws", "200", "--out", join(dir, "r.html")]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "r.html"), "utf8");
    expect(html).toContain(">Drawn (95%)</th>");
    expect(html).toContain(">Confidence</th>");
    expect(html).toMatch(/<td class="num">\d+\.\d \(\d+–\d+\)<\/td>/);
  });
});
