import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/built-cli.js";

const MAP = "fixtures/maps/ccg-2016-2018-successors.csv";

describe("ccg-ratings report (built binary)", () => {
  const dir = mkdtempSync(join(tmpdir(), "ccg-report-e2e-"));

  it("writes the example's report, prints the summary and says where", () => {
    const out = join(dir, "report.html");
    const r = runBuilt(["report", "--example", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/Total\s+│\s+209/);
    expect(r.stdout.endsWith(`wrote ${out}\n`)).toBe(true);
    const html = readFileSync(out, "utf8");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html.match(/<tr data-search=/g)).toHaveLength(209);
  });

  it("gives the same bytes on every run", () => {
    const a = runBuilt(["report", "--example", "--out", "-", "-q"]);
    const b = runBuilt(["report", "--example", "--out", "-", "-q"]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it("leaves an earlier report untouched when the inputs are bad", () => {
    const out = join(dir, "kept.html");
    writeFileSync(out, "earlier");
    writeFileSync(join(dir, "old.csv"), "org_code,category\nA,Outstanding\n");
    const r = runBuilt(["report", "--example", "--compare", join(dir, "old.csv"), "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${join(dir, "old.csv")}:2:2: category "Outstanding" is not one of: Top performing, Performing well, Needs improvement, Greatest need for improvement (E_UNKNOWN_CATEGORY)\n`);
    expect(readFileSync(out, "utf8")).toBe("earlier");
  });

  it("--compare with --map shows the same counts and matrix as compare", () => {
    const g16 = join(dir, "graded-2016-17.csv");
    const g17 = join(dir, "graded-2017-18.csv");
    const out = join(dir, "compared.html");
    const next = ["--framework", "ccg-iaf-2016-17-mental-health", "--values", "fixtures/example/ccg-2017-18-mental-health-synthetic.csv"];
    expect(runBuilt(["rate", "--example", "--out", g16, "-q"]).code).toBe(0);
    expect(runBuilt(["rate", ...next, "--out", g17, "-q"]).code).toBe(0);
    const compared = runBuilt(["compare", g16, g17, "--map", MAP, "--format", "json", "-q"]);
    expect(compared.code).toBe(0);
    const { counts, matrix } = JSON.parse(compared.stdout) as { counts: Record<string, number>; matrix: { rows: string[]; columns: string[]; counts: number[][] } };
    expect(runBuilt(["report", ...next, "--compare", g16, "--map", MAP, "--out", out, "-q"])).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const html = readFileSync(out, "utf8");
    for (const [key, value] of Object.entries(counts)) expect(html).toContain(`data-count="${key}">${key === "net" && value > 0 ? "+" : ""}${value}</strong>`);
    matrix.rows.forEach((from, i) =>
      matrix.columns.forEach((to, j) => expect(html).toContain(`data-from="${from}" data-to="${to}">${matrix.counts[i]![j]}</td>`)),
    );
  });

  it("rate --format md prints Markdown; the summary goes to stderr", () => {
    const r = runBuilt(["rate", "--example", "--format", "md"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(0, 4)).toEqual([
      "# CCG Improvement and Assessment Framework 2016/17: mental health (reconstruction)",
      "",
      "| Category | Count | Share |",
      "| --- | ---: | ---: |",
    ]);
    expect(r.stdout).toContain("## Graded table");
    expect(r.stderr).toContain("Top performing");
    expect(r.stderr).not.toContain("\r");
  });
});

describe("ccg-ratings report on a graded table (built binary)", () => {
  const dir = mkdtempSync(join(tmpdir(), "ccg-report-graded-"));
  const counts = (html: string) => [...html.matchAll(/<span class="count" data-category="([^"]+)" data-period="[^"]*">(\d+)<\/span>/g)].map((m) => [m[1], Number(m[2])]);
  const rows = (html: string) => [...html.matchAll(/<tr data-search="([^"]*)"/g)].map((m) => m[1]);
  const fromInputs = runBuilt(["report", "--example", "--out", "-", "-q"]).stdout;

  it.each([
    ["graded.json", []],
    ["graded.csv", ["--framework", "ccg-iaf-2016-17-mental-health"]],
  ])("%s gives the same counts and table rows as the report from the inputs", (file, flags) => {
    const graded = join(dir, file);
    expect(runBuilt(["rate", "--example", "--out", graded, "-q"]).code).toBe(0);
    const r = runBuilt(["report", graded, ...flags, "--out", "-", "-q"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(counts(r.stdout)).toEqual(counts(fromInputs));
    expect(counts(r.stdout)).toHaveLength(4);
    expect(rows(r.stdout)).toEqual(rows(fromInputs));
  });

  it("shows a graded CSV's formula-safe cells as the text they stand for, as the report from the values does", () => {
    const thresholds = ["--thresholds", "fixtures/formats/thresholds.csv"];
    const values = ["--values", "fixtures/formula/values.csv"];
    const graded = join(dir, "formula.csv");
    expect(runBuilt(["rate", ...thresholds, ...values, "--out", graded, "-q"]).code).toBe(0);
    expect(readFileSync(graded, "utf8")).toContain("'=1+1,");
    const fromValues = runBuilt(["report", ...thresholds, ...values, "--out", "-", "-q"]).stdout;
    const r = runBuilt(["report", graded, ...thresholds, "--out", "-", "-q"]);
    expect(r.code).toBe(0);
    expect(rows(r.stdout)).toEqual(rows(fromValues));
    expect(rows(r.stdout).some((row) => row?.includes("=1+1"))).toBe(true);
    expect(r.stdout).not.toContain("&#39;=1+1");
  });

  it.each([
    [["report", "graded.csv", "--out", "-"], /say which framework graded.csv was rated with/],
    [["report", "graded.json", "--example", "--out", "-"], /not both/],
    [["report", "graded.json", "--out", "graded.json"], /refusing to overwrite/],
  ])("%j is a usage error", (argv, message) => {
    runBuilt(["rate", "--example", "--out", join(dir, "graded.csv"), "-q"]);
    runBuilt(["rate", "--example", "--out", join(dir, "graded.json"), "-q"]);
    const r = runBuilt(argv, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
