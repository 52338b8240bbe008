import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/in-process.js";

const FORMATS = ["--thresholds", "fixtures/formats/thresholds.csv"];
const tmp = () => mkdtempSync(join(tmpdir(), "ccg-cli-"));

describe("rate, in-process", () => {
  it("writes the table to stdout and the summary to stderr", async () => {
    const r = await runCli(["rate", ...FORMATS, "--values", "fixtures/formats/wide.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("org_code,org_name,iapt_recovery,iapt_recovery_band,eip_2wk,eip_2wk_band,score,category,decided_by,notes");
    expect(r.stderr).toContain("Top performing");
    expect(r.stderr).toMatch(/Total\s+│\s+5/);
  });

  it("with --out, writes the file and prints the summary on stdout", async () => {
    const dir = tmp();
    const r = await runCli(["rate", ...FORMATS, "--values", "fixtures/formats/wide.csv", "--out", join(dir, "g.csv")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Greatest need for improvement");
    expect(readFileSync(join(dir, "g.csv"), "utf8")).toMatch(/^org_code,/);
  });

  it("--quiet prints no summary", async () => {
    const r = await runCli(["rate", ...FORMATS, "--values", "fixtures/formats/wide.csv", "--quiet"]);
    expect(r.stderr).toBe("");
  });

  it("reads values from stdin", async () => {
    const r = await runCli(["rate", ...FORMATS, "--values", "-", "-q"], { stdin: readFileSync("fixtures/formats/wide.csv", "utf8") });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")).toHaveLength(7);
  });

  it("writes JSON with the framework and summary", async () => {
    const r = await runCli(["rate", ...FORMATS, "--values", "fixtures/formats/wide.csv", "--format", "json", "-q"]);
    const doc = JSON.parse(r.stdout);
    expect(doc.framework.id).toBe("thresholds:thresholds.csv");
    expect(doc.summary).toEqual([
      {
        period: null,
        counts: { "Top performing": 2, "Performing well": 1, "Needs improvement": 0, "Greatest need for improvement": 2 },
        not_rated: 0,
        total: 5,
      },
    ]);
    expect(doc.organisations[1]).toEqual({
      org_code: "B02",
      org_name: "Beta, Gamma CCG",
      iapt_recovery: 50,
      iapt_recovery_band: 2,
      eip_2wk: 45,
      eip_2wk_band: 3,
      score: 2.5,
      category: "Performing well",
      decided_by: "1.5 < mean 2.5 <= 2.5",
      notes: "",
    });
  });

  it("--min-indicators makes organisations with fewer scored indicators Not rated", async () => {
    const r = await runCli(["rate", ...FORMATS, "--values", "fixtures/formats/wide.csv", "--min-indicators", "2"]);
    expect(r.stdout).toContain("C03,Delta CCG,44.9,4,,,,Not rated,");
    expect(r.stderr).toMatch(/Not rated\s+│\s+3/);
  });

  it.each([
    [["rate"], /say how to rate/],
    [["rate", "--values", "x.csv"], /say how to rate/],
    [["rate", ...FORMATS], /--values/],
    [["rate", ...FORMATS, "--framework", "x", "--values", "v.csv"], /only one of/],
    [["rate", "--example", "--values", "v.csv"], /--example/],
    [["rate", "--framework", "no-such-framework", "--values", "fixtures/formats/wide.csv"], /neither a built-in framework/],
    [["rate", ...FORMATS, "--values", "fixtures/formats/wide.csv", "--format", "xml"], /Allowed choices are csv, json/],
    [["rate", ...FORMATS, "--values", "fixtures/formats/wide.csv", "--min-indicators", "0"], /at least 1/],
    [["rate", ...FORMATS, "--values", "fixtures/formats/wide.csv", "--where", "novalue"], /COLUMN=VALUE/],
    [["rate", ...FORMATS, "--values", "fixtures/formats/wide.csv", "--check"], /--check/],
    [["rate", "--bogus"], /unknown option/],
    [["frobnicate"], /unknown command/],
  ])("%j is a usage error (exit 2)", async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  it("refuses to write over an input file", async () => {
    const dir = tmp();
    const values = join(dir, "v.csv");
    const original = readFileSync("fixtures/formats/wide.csv", "utf8");
    writeFileSync(values, original);
    const r = await runCli(["rate", ...FORMATS, "--values", values, "--out", values]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/one of the input files/);
    expect(readFileSync(values, "utf8")).toBe(original);
  });

  it("--help and --version exit 0", async () => {
    const help = await runCli(["rate", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Examples:");
    const version = await runCli(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("a bad file gives one line per problem, exit 1 and leaves --out untouched", async () => {
    const dir = tmp();
    const out = join(dir, "g.csv");
    writeFileSync(out, "keep me\n");
    const r = await runCli(["rate", "--thresholds", "fixtures/bad/thresholds.csv", "--values", "fixtures/bad/not-a-number.csv", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('fixtures/bad/not-a-number.csv:3:3: "4O.2" is not a number (column iapt_recovery) (E_NOT_A_NUMBER)\n');
    expect(readFileSync(out, "utf8")).toBe("keep me\n");
    expect(readdirSync(dir)).toEqual(["g.csv"]);
  });

  it("a missing file is exit 1 with its name", async () => {
    const r = await runCli(["rate", ...FORMATS, "--values", "nope.csv"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("nope.csv: file not found (E_FILE_NOT_FOUND)\n");
  });

  it("an unwritable --out is exit 1 and a clear line", async () => {
    const r = await runCli(["rate", ...FORMATS, "--values", "fixtures/formats/wide.csv", "--out", "/nonexistent-folder/g.csv"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^\/nonexistent-folder\/g.csv: cannot write the output \(ENOENT\); nothing was written \(E_WRITE_FAILED\)\n$/);
  });

  it("warns about unknown indicators but still rates", async () => {
    const r = await runCli(["rate", ...FORMATS, "--values", "fixtures/formats/nhs-digital-long.csv", "--org-col", "ORG_CODE1", "--indicator-col", "MEASURE_ID", "--value-col", "MEASURE_VALUE", "--where", "GROUP_TYPE=CCG", "-q"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('fixtures/formats/nhs-digital-long.csv:7:5: warning: indicator "other_measure" is not in the framework; its rows are ignored (W_UNKNOWN_INDICATOR)\n');
  });
});

describe("--check", () => {
  const args = (out: string) => ["rate", ...FORMATS, "--values", "fixtures/formats/wide.csv", "--out", out];

  it("exits 0 when the file is up to date, 3 and names the rows when it is not, and writes nothing", async () => {
    const dir = tmp();
    const out = join(dir, "g.csv");
    expect((await runCli(args(out))).code).toBe(0);
    const fresh = readFileSync(out, "utf8");
    const same = await runCli([...args(out), "--check"]);
    expect(same).toMatchObject({ code: 0, stdout: `${out}: up to date\n` });

    const stale = fresh.replace("B02,\"Beta, Gamma CCG\",50,2,45,3,2.500,Performing well", "B02,\"Beta, Gamma CCG\",50,2,45,3,2.500,Top performing");
    writeFileSync(out, stale);
    const changed = await runCli([...args(out), "--check"]);
    expect(changed.code).toBe(3);
    expect(changed.stdout).toBe(`${out}: would change\n  ~ B02: category Top performing -> Performing well\n`);
    expect(readFileSync(out, "utf8")).toBe(stale);
    expect(readdirSync(dir)).toEqual(["g.csv"]);
  });

  it("exits 3 when the file does not exist yet", async () => {
    const out = join(tmp(), "g.csv");
    const r = await runCli([...args(out), "--check"]);
    expect(r.code).toBe(3);
    expect(readdirSync(join(out, ".."))).toEqual([]);
  });
});

describe("colour", () => {
  const argv = ["rate", ...FORMATS, "--values", "fixtures/formats/wide.csv"];
  const ANSI = /\u001b\[/;
  it.each([
    [{ tty: true, env: {} }, true],
    [{ tty: false, env: {} }, false],
    [{ tty: true, env: { NO_COLOR: "1" } }, false],
    [{ tty: false, env: { FORCE_COLOR: "1" } }, true],
    [{ tty: true, env: { FORCE_COLOR: "1", NO_COLOR: "1" } }, false],
  ])("%j -> coloured: %s", async (options, coloured) => {
    const r = await runCli(argv, options);
    expect(ANSI.test(r.stderr)).toBe(coloured);
    expect(ANSI.test(r.stdout)).toBe(false);
  });

  it("--no-color wins on a terminal", async () => {
    const r = await runCli([...argv, "--no-color"], { tty: true });
    expect(ANSI.test(r.stderr)).toBe(false);
  });
});

describe("arguments passed on by npx", () => {
  it("a leading -- is dropped, so `npx ccg-ratings -- --version` works", async () => {
    const r = await runCli(["--", "--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("rate --sensitivity", () => {
  it("prints, after the summary, how many change category per moved cut and who", async () => {
    const ran = await runCli(["rate", "--thresholds", "fixtures/example/thresholds.csv", "--values", "fixtures/example/ccg-2016-17-mental-health-synthetic.csv", "--sensitivity", "-q"]);
    expect(ran.code).toBe(0);
    const text = ran.stderr;
    expect(text).toContain(
      [
        "Cut sensitivity: organisations whose category changes when one cut moves",
        "Cut                   At  -1  +1  -5%  +5%",
        "iapt_recovery cut 1   55   3   0    9    2",
      ].join("\n"),
    );
    expect(text).toContain("mean cut 1           1.5   -   -   13    0\n");
    expect(text).toContain("  iapt_recovery cut 1 -1 (54): 06N, 06Y, 09C\n");
    expect(text).toContain("  iapt_recovery cut 2 -5% (47.5): 00P, 00Q, 01H, 01Y, 02F, 05D, 05G, 05R, 05T, 06M, and 6 more\n");
  });

  it("says so when the framework has no fixed cut", async () => {
    const ran = await runCli(["rate", "--example", "--sensitivity", "-q"]);
    expect(ran.stderr).toBe("Cut sensitivity: the framework has no thresholds cut or fixed cut of the mean to move (its bands come from statistics, ranks or rules).\n");
  });

  it("json gives scripts every move and every organisation it changes", async () => {
    const ran = await runCli(["rate", "--thresholds", "fixtures/example/thresholds.csv", "--values", "fixtures/example/ccg-2016-17-mental-health-synthetic.csv", "--sensitivity", "json", "-q"]);
    const doc = JSON.parse(ran.stderr) as { sensitivity: { indicator: string | null; cut: number; at: number; shifts: { shift: string; movedTo: number; changed: { code: string }[] | null }[] }[] };
    expect(doc.sensitivity).toHaveLength(9);
    expect(doc.sensitivity[0]).toMatchObject({ indicator: "iapt_recovery", cut: 1, at: 55 });
    expect(doc.sensitivity[0]!.shifts[0]).toEqual({
      shift: "-1",
      movedTo: 54,
      changed: ["06N", "06Y", "09C"].map((code) => ({ code, period: null, from: expect.any(String), to: expect.any(String) })),
    });
    expect(doc.sensitivity[6]!.shifts.map((s) => s.changed?.length ?? null)).toEqual([null, null, 13, 0]);
  });
});
