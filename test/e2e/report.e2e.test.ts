import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/built-cli.js";

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
    expect(r.stderr).toBe(`${join(dir, "old.csv")}:2: category "Outstanding" of A is not one of the framework's (Top performing, Performing well, Needs improvement, Greatest need for improvement, Not rated) (E_UNKNOWN_CATEGORY)\n`);
    expect(readFileSync(out, "utf8")).toBe("earlier");
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
