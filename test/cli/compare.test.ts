import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-proc.js";

const PERIODS = ["--thresholds", "fixtures/example/thresholds.csv", "--values", "fixtures/periods/long-two-periods.csv", "--periods", "2016-17,2017-18"];
const MAP = ["--map", "fixtures/periods/successors.csv"];

describe("compare two periods of one values file", () => {
  it("writes one row per organisation and prints the matrix to stderr", async () => {
    const ran = await runCli(["compare", ...PERIODS, ...MAP]);
    expect(ran.code).toBe(0);
    expect(ran.stdout.split("\n")).toEqual([
      "org_code,org_name,successor_code,old_category,new_category,change,old_score,new_score,score_change",
      "AAA,Alpha CCG,,Top performing,Performing well,down 1,1.000,2.000,1.000",
      "BBB,Beta CCG,,Performing well,Top performing,up 1,2.000,1.000,-1.000",
      "CCC,Gamma CCG,,Needs improvement,Needs improvement,same,3.000,3.000,0.000",
      "DDD,Delta CCG,MMM,Greatest need for improvement,Performing well,merged,4.000,2.000,-2.000",
      "EEE,Epsilon CCG,MMM,Top performing,Performing well,merged,1.000,2.000,1.000",
      "FFF,Phi CCG,,Performing well,,gone,2.000,,",
      "GGG,Gimel CCG,,,Top performing,new,,1.000,",
      "PPP,Pi CCG,RRR,Greatest need for improvement,Needs improvement,merged,4.000,3.000,-1.000",
      "",
    ]);
    expect(ran.stderr).toMatch(/^2016-17 -> 2017-18\n[^\n]*\n│ old \\ new +│ Top performing │/);
    expect(ran.stderr).toContain("up 3, down 2 (net +1); same 1; merged 3; new 1; gone 1\n");
  });

  it("without the map, predecessors are gone and successors new", async () => {
    const ran = await runCli(["compare", ...PERIODS, "--format", "json", "-q"]);
    expect(JSON.parse(ran.stdout).counts).toEqual({ up: 1, down: 1, same: 1, merged: 0, new: 3, gone: 4, net: 0 });
    expect(ran.stderr).toBe("");
  });

  it.each([
    { flags: ["--fail-on-decline"], code: 4, stderr: "2 organisation(s) moved down (--fail-on-decline)\n" },
    { flags: ["--periods", "2016-17,2020"], code: 1, stderr: 'no period "2020" in the values (its periods are 2016-17, 2017-18) (E_PERIOD_NOT_FOUND)' },
    { flags: ["--periods", "2016-17"], code: 2, stderr: 'error: --periods takes OLD,NEW, got "2016-17"' },
  ])("$flags -> exit $code", async ({ flags, code, stderr }) => {
    const ran = await runCli(["compare", ...PERIODS, ...MAP, "-q", ...flags]);
    expect(ran.code).toBe(code);
    expect(ran.stderr).toContain(stderr);
  });
});

describe("compare two graded tables", () => {
  async function gradedPair(dir: string): Promise<[string, string]> {
    const a = join(dir, "g16.csv");
    const b = join(dir, "g17.json");
    expect((await runCli(["rate", "--example", "--out", a, "-q"])).code).toBe(0);
    const fw = ["--framework", "ccg-iaf-2016-17-mental-health", "--values", "fixtures/example/ccg-2017-18-mental-health-synthetic.csv"];
    expect((await runCli(["rate", ...fw, "--out", b, "-q"])).code).toBe(0);
    return [a, b];
  }

  it("compares the example years across the Manchester merger, writes --out and --check says up to date", async () => {
    const dir = mkdtempSync(join(tmpdir(), "compare-"));
    const [a, b] = await gradedPair(dir);
    const out = join(dir, "cmp.md");
    const args = ["compare", a, b, "--map", "fixtures/maps/ccg-2016-2018-successors.csv", "--out", out];
    const ran = await runCli(args);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("merged 3; new 0; gone 0");
    const md = readFileSync(out, "utf8");
    expect(md).toMatch(/^## Ratings g16\.csv -> g17\.json\n/);
    expect(md).toMatch(/\| 01M \| NHS North Manchester CCG \| 14L \| .* \| merged \|/);
    expect(await runCli([...args, "--check"])).toEqual({ code: 0, stdout: `${out}: up to date\n`, stderr: "" });

    writeFileSync(out, md.replace("merged 3", "merged 2"));
    const stale = await runCli([...args, "--check"]);
    expect(stale.code).toBe(3);
    expect(stale.stdout).toContain("would change\n  first difference at line 3:");
  });

  it("refuses tables from different frameworks unless allowed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "compare-"));
    const b = join(dir, "g17.json");
    const a = join(dir, "g16.json");
    await runCli(["rate", "--example", "--out", a, "-q"]);
    await runCli(["rate", "--thresholds", "fixtures/example/thresholds.csv", "--values", "fixtures/example/ccg-2017-18-mental-health-synthetic.csv", "--out", b, "-q"]);
    const refused = await runCli(["compare", a, b, "-q"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("different frameworks (ccg-iaf-2016-17-mental-health and thresholds:thresholds.csv)");
    expect(refused.stderr).toContain("(E_FRAMEWORK_MISMATCH)");
    const allowed = await runCli(["compare", a, b, "-q", "--allow-different-frameworks", "--format", "json"]);
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout).counts.gone).toBe(3);
  });

  it("reports a bad map with every problem and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "compare-"));
    const [a, b] = await gradedPair(dir);
    const map = join(dir, "map.csv");
    writeFileSync(map, "old_code,new_code\n00W,14L\n00W,15F\nX,\n");
    const out = join(dir, "out.csv");
    const ran = await runCli(["compare", a, b, "--map", map, "--out", out]);
    expect(ran.code).toBe(1);
    expect(ran.stderr.split("\n")).toEqual([
      `${map}:3: 00W has two successors, 14L (line 2) and 15F; a split cannot be compared (E_MAP_SPLIT)`,
      `${map}:4:2: new_code is empty (E_EMPTY_ORG_CODE)`,
      "",
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    { args: ["compare", "only-one.csv"], stderr: "error: give two graded tables" },
    { args: ["compare"], stderr: "error: give two graded tables, OLD and NEW, or --values with --periods OLD,NEW" },
    { args: ["compare", "a.csv", "b.csv", "--format", "xml"], stderr: "error: option '--format <format>' argument 'xml' is invalid" },
  ])("usage error: $args", async ({ args, stderr }) => {
    const ran = await runCli(args);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(stderr);
  });
});
