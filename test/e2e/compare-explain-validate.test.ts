import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/fake-proc.js";

/** The built binary, as a user runs it (npm test builds first). */
function cli(args: string[]) {
  const ran = spawnSync(process.execPath, ["bin/ccg-ratings.js", ...args], { cwd: REPO, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: ran.status, stdout: ran.stdout, stderr: ran.stderr };
}

const EXAMPLE_17 = ["--framework", "ccg-iaf-2016-17-mental-health", "--values", "fixtures/example/ccg-2017-18-mental-health-synthetic.csv"];
const MAP = ["--map", "fixtures/maps/ccg-2016-2018-successors.csv"];

describe("built CLI: compare", () => {
  const dir = mkdtempSync(join(tmpdir(), "e2e-compare-"));
  const g16 = join(dir, "graded-2016-17.csv");
  const g17 = join(dir, "graded-2017-18.csv");

  it("rates both example years, then compares them across the Manchester merger", () => {
    expect(cli(["rate", "--example", "--out", g16, "-q"]).code).toBe(0);
    expect(cli(["rate", ...EXAMPLE_17, "--out", g17, "-q"]).code).toBe(0);
    const out = join(dir, "changes.csv");
    const ran = cli(["compare", g16, g17, ...MAP, "--out", out]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toMatch(/^graded-2016-17\.csv -> graded-2017-18\.csv\n/);
    expect(ran.stdout).toMatch(/up \d+, down \d+ \(net [+-]?\d+\); same \d+; merged 3; new 0; gone 0\n$/);
    const rows = readFileSync(out, "utf8").trimEnd().split("\n");
    expect(rows).toHaveLength(1 + 209);
    expect(rows.filter((r) => r.includes(",14L,")).map((r) => r.split(",").slice(0, 3).concat(r.split(",")[5]!))).toEqual([
      ["00W", "NHS Central Manchester CCG", "14L", "merged"],
      ["01M", "NHS North Manchester CCG", "14L", "merged"],
      ["01N", "NHS South Manchester CCG", "14L", "merged"],
    ]);
    expect(cli(["compare", g16, g17, ...MAP, "--out", out, "--check"])).toEqual({ code: 0, stdout: `${out}: up to date\n`, stderr: "" });
  });

  it("is byte-identical run after run, and --fail-on-decline exits 4 when anyone moved down", () => {
    const first = cli(["compare", g16, g17, ...MAP, "--format", "json", "-q"]);
    const second = cli(["compare", g16, g17, ...MAP, "--format", "json", "-q"]);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const down = JSON.parse(first.stdout).counts.down as number;
    expect(down).toBeGreaterThan(0);
    const failed = cli(["compare", g16, g17, ...MAP, "--fail-on-decline", "-q", "--out", join(dir, "x.csv")]);
    expect(failed).toEqual({ code: 4, stdout: "", stderr: `${down} organisation(s) moved down (--fail-on-decline)\n` });
  });

  it("--check exits 3 on a stale table and says which rows change", () => {
    const out = join(dir, "stale.csv");
    expect(cli(["compare", g16, g17, ...MAP, "--out", out, "-q"]).code).toBe(0);
    writeFileSync(out, readFileSync(out, "utf8").replace("00W,NHS Central Manchester CCG,14L", "00W,NHS Central Manchester CCG,99X"));
    const ran = cli(["compare", g16, g17, ...MAP, "--out", out, "--check"]);
    expect(ran.code).toBe(3);
    expect(ran.stdout).toBe(`${out}: would change\n  ~ 00W: successor_code 99X -> 14L\n`);
  });

  it("refuses to overwrite an input and writes nothing on bad data", () => {
    expect(cli(["compare", g16, g17, "--out", g17]).code).toBe(2);
    const out = join(dir, "never.csv");
    const ran = cli(["compare", g16, "fixtures/maps/ccg-2016-2018-successors.csv", "--out", out]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toBe("fixtures/maps/ccg-2016-2018-successors.csv:1:1: missing columns org_code, category (E_MISSING_COLUMN)\n");
    expect(existsSync(out)).toBe(false);
  });
});

describe("built CLI: explain and validate", () => {
  it("explains an organisation and suggests codes for a typo", () => {
    const ran = cli(["explain", "00C", "--example"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("Category:  Needs improvement (otherwise (no rule held))\n");
    expect(cli(["explain", "0C", "--example"])).toEqual({ code: 2, stdout: "", stderr: 'error: no organisation "0C" in the values; nearest codes: 00C, 01C, 03C\n(see ccg-ratings --help)\n' });
  });

  it("validates: 0 when clean, 1 with every error listed", () => {
    expect(cli(["validate", "--example"])).toEqual({ code: 0, stdout: "no problems found\n", stderr: "" });
    const dir = mkdtempSync(join(tmpdir(), "e2e-validate-"));
    const values = join(dir, "v.csv");
    writeFileSync(values, "org_code,org_name,iapt_recovery,eip_2wk\nA,x,4O.2,50\nB,y,50,x\n");
    const ran = cli(["validate", "--thresholds", "fixtures/example/thresholds.csv", "--values", values]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain(`${values}:2:3: "4O.2" is not a number (column iapt_recovery) (E_NOT_A_NUMBER)\n`);
    expect(ran.stdout).toContain(`${values}:3:4: "x" is not a number (column eip_2wk) (E_NOT_A_NUMBER)\n`);
    expect(ran.stdout).toMatch(/\n2 errors, 2 warnings\n$/);
  });

  it("lists the new commands in --help", () => {
    const help = cli(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["compare", "explain", "validate"]) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
    expect(cli(["compare", "--help"]).stdout).toContain("ccg-ratings compare graded-2016.csv graded-2017.csv --map");
  });
});
