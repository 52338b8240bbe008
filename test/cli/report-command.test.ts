import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/in-process.js";

const NEXT_YEAR = join(import.meta.dirname, "../../fixtures/example/ccg-2017-18-mental-health-synthetic.csv");
const FRAMEWORK = "ccg-iaf-2016-17-mental-health";
const FIXTURES = join(import.meta.dirname, "../../fixtures");
const MAP = join(FIXTURES, "maps/ccg-2016-2018-successors.csv");
const THRESHOLDS = join(FIXTURES, "example/thresholds.csv");
const PERIODS = join(FIXTURES, "periods/long-two-periods.csv");
const PERIOD_MAP = join(FIXTURES, "periods/successors.csv");

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

  it("adds the comparison with --compare, following mergers with --map", async () => {
    const dir = tempDir();
    expect((await runCli(["rate", "--example", "--out", "old.csv", "-q"], { cwd: dir })).code).toBe(0);
    const r = await runCli(["report", "--framework", FRAMEWORK, "--values", NEXT_YEAR, "--compare", "old.csv", "--map", MAP, "--out", "r.html", "-q"], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const html = readFileSync(join(dir, "r.html"), "utf8");
    expect(html).toContain("Compared with old.csv");
    for (const [key, value] of Object.entries({ up: 82, down: 33, same: 94, merged: 3, new: 0, gone: 0 })) expect(html).toContain(`data-count="${key}">${value}</strong>`);
    expect(html).toMatch(/<td class="code">00W<\/td><td>NHS Central Manchester CCG<\/td><td class="code">14L<\/td>/);
  });

  it("matches by code alone without --map: the merged CCGs are gone and their successor new", async () => {
    const dir = tempDir();
    expect((await runCli(["rate", "--example", "--out", "old.csv", "-q"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["report", "--framework", FRAMEWORK, "--values", NEXT_YEAR, "--compare", "old.csv", "--out", "r.html", "-q"], { cwd: dir })).code).toBe(0);
    const html = readFileSync(join(dir, "r.html"), "utf8");
    for (const [key, value] of Object.entries({ merged: 0, new: 1, gone: 3 })) expect(html).toContain(`data-count="${key}">${value}</strong>`);
  });

  it("compares with the rating's latest period unless --periods says otherwise", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "old.csv"), "org_code,category\nAAA,Top performing\n");
    const report = async (...extra: string[]) => {
      const r = await runCli(["report", "--thresholds", THRESHOLDS, "--values", PERIODS, "--compare", "old.csv", "--out", "r.html", "-q", ...extra], { cwd: dir });
      expect(r).toMatchObject({ code: 0, stderr: "" });
      return readFileSync(join(dir, "r.html"), "utf8");
    };
    const latest = await report();
    expect(latest).toContain("Columns: category in 2017-18.");
    expect(latest).toContain('data-count="down">1</strong>');
    expect(latest).toContain('data-count="new">5</strong>');
    const periodTable = await runCli(["rate", "--thresholds", THRESHOLDS, "--values", PERIODS, "--out", "periods.csv", "-q"], { cwd: dir });
    expect(periodTable.code).toBe(0);
    const both = await runCli(["report", "--thresholds", THRESHOLDS, "--values", PERIODS, "--compare", "periods.csv", "--periods", "2016-17,2017-18", "--map", PERIOD_MAP, "--out", "r.html", "-q"], { cwd: dir });
    expect(both.code).toBe(0);
    const html = readFileSync(join(dir, "r.html"), "utf8");
    expect(html).toContain("Compared with periods.csv (2016-17)");
    for (const [key, value] of Object.entries({ up: 3, down: 2, merged: 3, new: 1, gone: 1 })) expect(html).toContain(`data-count="${key}">${value}</strong>`);
  });

  it("compares tables of different frameworks only with --allow-different-frameworks", async () => {
    const dir = tempDir();
    const rated = await runCli(["rate", "--example", "--format", "json", "-q"], { cwd: dir });
    const doc = JSON.parse(rated.stdout) as { framework: { id: string } };
    doc.framework.id = "another-framework";
    writeFileSync(join(dir, "old.json"), JSON.stringify(doc));
    const args = ["report", "--framework", FRAMEWORK, "--values", NEXT_YEAR, "--compare", "old.json", "--out", "r.html", "-q"];
    const refused = await runCli(args, { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("different frameworks (another-framework and ccg-iaf-2016-17-mental-health); add --allow-different-frameworks");
    expect(existsSync(join(dir, "r.html"))).toBe(false);
    expect((await runCli([...args, "--allow-different-frameworks"], { cwd: dir })).code).toBe(0);
  });

  it.each([
    { name: "no --out", args: ["report", "--example"], code: 2, err: "required option '--out <file>' not specified" },
    { name: "--out is the --compare table", args: ["report", "--example", "--compare", "same.csv", "--out", "same.csv"], code: 2, err: "is the --compare file; refusing to overwrite" },
    { name: "--out is the --map file", args: ["report", "--example", "--compare", "bad.csv", "--map", "r.html", "--out", "r.html"], code: 2, err: "is the --map file; refusing to overwrite" },
    { name: "--map without --compare", args: ["report", "--example", "--map", "m.csv", "--out", "r.html"], code: 2, err: "need --compare OLD" },
    { name: "a missing --compare table", args: ["report", "--example", "--compare", "nope.csv", "--out", "r.html"], code: 1, err: "nope.csv: file not found (E_FILE_NOT_FOUND)" },
    { name: "a missing --map file", args: ["report", "--example", "--compare", "old.csv", "--map", "nope.csv", "--out", "r.html"], code: 1, err: "nope.csv: file not found (E_FILE_NOT_FOUND)" },
    { name: "a --compare file that is not a graded table", args: ["report", "--example", "--compare", "bad.csv", "--out", "r.html"], code: 1, err: "bad.csv:1:1: missing column category (E_MISSING_COLUMN)" },
    { name: "a --compare table of several periods", args: ["report", "--example", "--compare", "periods.csv", "--out", "r.html"], code: 1, err: "choose two with --periods OLD,NEW (E_SEVERAL_PERIODS)" },
    { name: "--periods naming a period the rating lacks", args: ["report", "--example", "--compare", "periods.csv", "--periods", "2016,2017", "--out", "r.html"], code: 1, err: 'no period "2017" in the values' },
  ])("fails on $name, writing nothing", async ({ args, code, err }) => {
    const dir = tempDir();
    writeFileSync(join(dir, "bad.csv"), "org_code,org_name\nA,B\n");
    writeFileSync(join(dir, "old.csv"), "org_code,category\nA,Top performing\n");
    writeFileSync(join(dir, "periods.csv"), "org_code,period,category\nA,2016,Top performing\nA,2017,Top performing\n");
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

describe("report --sensitivity", () => {
  it("adds a section with each fixed cut's moves, the organisations named on hover", async () => {
    const ran = await runCli(["report", "--thresholds", "fixtures/example/thresholds.csv", "--values", "fixtures/example/ccg-2016-17-mental-health-synthetic.csv", "--sensitivity", "--out", "-", "-q"]);
    expect(ran.code).toBe(0);
    const section = ran.stdout.slice(ran.stdout.indexOf('<section id="sensitivity"'), ran.stdout.indexOf("</section>", ran.stdout.indexOf('<section id="sensitivity"')));
    const row = (name: string) => [...section.slice(section.indexOf(`<th scope="row">${name}</th>`)).split("</tr>")[0]!.matchAll(/>([^<>]*)<\/td>/g)].map((m) => m[1]);
    expect(row("iapt_recovery, cut 1")).toEqual(["55", "3", "0", "9", "2"]);
    expect(row("mean, cut 2")).toEqual(["2.5", "-", "-", "46", "0"]);
    expect(section).toContain('title="moved to 54&#10;06N: ');
  });

  it("needs the values, not a graded table", async () => {
    const ran = await runCli(["report", "graded.csv", "--sensitivity", "--out", "-"]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("--sensitivity rates the values again");
  });
});
