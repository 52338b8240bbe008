import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/in-process.js";

const NEXT_YEAR = join(import.meta.dirname, "../../fixtures/example/ccg-2017-18-mental-health-synthetic.csv");
const FRAMEWORK = "ccg-iaf-2016-17-mental-health";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "ccg-report-"));
}

describe("ccg-ratings report", () => {
  it("writes the example's report and prints the summary", async () => {
    const dir = tempDir();
    const r = await runCli(["report", "--example", "--out", "report.html"], { cwd: dir });
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toContain('<span class="count" data-category="Top performing" data-period="">13</span>');
    expect(html.match(/<tr data-search=/g)).toHaveLength(209);
    expect(r.stdout).toContain("Top performing");
    expect(r.stdout).toContain("wrote report.html\n");
    expect(r.stderr).toBe("");
  });

  it("writes to stdout with --out -, the summary going to stderr", async () => {
    const r = await runCli(["report", "--example", "--out", "-"], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("<!doctype html>")).toBe(true);
    expect(r.stderr).toContain("Total");
  });

  it("adds the transitions with --compare", async () => {
    const dir = tempDir();
    expect((await runCli(["rate", "--example", "--out", "old.csv", "-q"], { cwd: dir })).code).toBe(0);
    const r = await runCli(["report", "--framework", FRAMEWORK, "--values", NEXT_YEAR, "--compare", "old.csv", "--out", "r.html", "-q"], { cwd: dir });
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "r.html"), "utf8");
    expect(html).toContain("Compared with old.csv");
    expect(html).toMatch(/<strong class="up" id="moved-up">\d+<\/strong>/);
    expect(r.stdout).toBe("");
  });

  it.each([
    { name: "no --out", args: ["report", "--example"], code: 2, err: "required option '--out <file>' not specified" },
    { name: "--out is the --compare table", args: ["report", "--example", "--compare", "same.csv", "--out", "same.csv"], code: 2, err: "refusing to overwrite" },
    { name: "a missing --compare table", args: ["report", "--example", "--compare", "nope.csv", "--out", "r.html"], code: 1, err: "nope.csv: file not found (E_FILE_NOT_FOUND)" },
    { name: "a --compare file that is not a graded table", args: ["report", "--example", "--compare", "bad.csv", "--out", "r.html"], code: 1, err: "bad.csv:1:1: no column \"category\"" },
  ])("fails on $name, writing nothing", async ({ args, code, err }) => {
    const dir = tempDir();
    writeFileSync(join(dir, "bad.csv"), "org_code,org_name\nA,B\n");
    const r = await runCli(args, { cwd: dir });
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(err);
    expect(existsSync(join(dir, "r.html"))).toBe(false);
  });
});

describe("the terminal", () => {
  it.each([
    { name: "a terminal", tty: true, env: {} as Record<string, string>, coloured: true },
    { name: "a terminal with NO_COLOR", tty: true, env: { NO_COLOR: "1" } as Record<string, string>, coloured: false },
    { name: "a pipe", tty: false, env: {} as Record<string, string>, coloured: false },
  ])("colours the summary per category on $name: $coloured", async ({ tty, env, coloured }) => {
    const r = await runCli(["rate", "--example", "--out", "-", "--format", "json"], { tty, env });
    expect(r.code).toBe(0);
    expect(r.stderr.includes("\x1b[32mTop performing")).toBe(coloured);
    expect(r.stderr.includes("\x1b[")).toBe(coloured);
  });

  it.each([
    { name: "in a pipe", tty: false, args: [] },
    { name: "with --quiet", tty: true, args: ["--quiet"] },
  ])("never draws a progress line $name", async ({ tty, args }) => {
    const r = await runCli(["rate", "--example", "--out", "-", ...args], { tty });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("\r");
  });

  it.each([[["rate"]], [["report"]], [["frameworks"]], [[]]])("--help of %j shows an example", async (command: string[]) => {
    const r = await runCli([...command, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples?:\n {2}ccg-ratings /);
  });

  it("prints the version", async () => {
    const r = await runCli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe("rate --format md", () => {
  it("writes the summary and the graded table as Markdown, chosen by flag or .md extension", async () => {
    const dir = tempDir();
    const r = await runCli(["rate", "--example", "--format", "md", "-q"], { cwd: dir });
    expect(r.code).toBe(0);
    expect((await runCli(["rate", "--example", "--out", "ratings.md", "-q"], { cwd: dir })).code).toBe(0);
    const md = readFileSync(join(dir, "ratings.md"), "utf8");
    expect(r.stdout).toBe(md);
    expect(md).toContain("| Top performing | 13 | 6.2% |");
    expect(md).toContain("| 00C | NHS Darlington CCG | 42.653509 | 40.401592 | 44.936304 | 4 | 58.823529 | 36.005443 | 78.388943 | 2 | 3.000 | Needs improvement | otherwise (no rule held) |  |");
  });

  it("--check reads a Markdown table back and names what changed", async () => {
    const dir = tempDir();
    const rate = (...args: string[]) => runCli(["rate", "--example", "--out", "ratings.md", ...args], { cwd: dir });
    expect((await rate("-q")).code).toBe(0);
    expect(await rate("--check")).toMatchObject({ code: 0, stdout: "ratings.md: up to date\n" });
    const path = join(dir, "ratings.md");
    writeFileSync(path, readFileSync(path, "utf8").replace("| 00C | NHS Darlington CCG | 42.653509 |", "| 00C | NHS Darlington CCG | 52.653509 |"));
    const stale = await rate("--check");
    expect(stale.code).toBe(3);
    expect(stale.stdout).toContain("~ 00C: iapt_recovery 52.653509 -> 42.653509");
  });
});
