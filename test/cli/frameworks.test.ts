import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/in-process.js";

const BUILTINS = [
  "ccg-iaf-2016-17-maternity",
  "ccg-iaf-2016-17-mental-health",
  "ccg-iaf-2017-18-mental-health",
  "cqc-aggregation",
  "nof-2025-26-acute",
  "nof-2025-26-ambulance",
  "nof-2025-26-mental-health-community",
  "nof-2026-27-acute",
  "nof-2026-27-ambulance",
  "nof-2026-27-icb",
  "nof-2026-27-mental-health-community",
];
const ALIASES = ["nof-2025-26", "nof-2026-27"];

describe("frameworks, in-process", () => {
  it("lists every built-in with its title", async () => {
    const r = await runCli(["frameworks", "list"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n").map((l) => l.split("\t")[0])).toEqual([...BUILTINS, ...ALIASES]);
    expect(r.stdout).toContain("cqc-aggregation\tCQC overall rating from the five key questions\n");
    expect(r.stdout).toContain("nof-2025-26\tthe same as nof-2025-26-acute\n");
  });

  it.each([
    ["nof-2025-26", "nof-2025-26-acute"],
    ["nof-2026-27", "nof-2026-27-acute"],
  ])("shows the alias %s as %s", async (alias, id) => {
    const r = await runCli(["frameworks", "show", alias]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe(id);
  });

  it.each(BUILTINS)("shows %s as JSON with its source and caveats", async (id) => {
    const r = await runCli(["frameworks", "show", id]);
    expect(r.code).toBe(0);
    const fw = JSON.parse(r.stdout);
    expect(fw.id).toBe(id);
    expect(fw.source).not.toBe("");
    expect(fw.caveats).not.toBe("");
  });

  it("shows a thresholds framework as a thresholds CSV that rates to the same table", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-fw-"));
    const fw = join(dir, "fw.json");
    writeFileSync(
      fw,
      JSON.stringify({
        id: "t",
        title: "T",
        indicators: [
          { id: "iapt_recovery", label: "IAPT, recovery", polarity: "higher", standard: 50, scoring: { method: "thresholds", cuts: [55, 50, 45] } },
          { id: "eip_2wk", label: "EIP", polarity: "higher", weight: 2, scoring: { method: "thresholds", cuts: [60, 50, 40] } },
        ],
      }),
    );
    const csv = await runCli(["frameworks", "show", fw, "--as", "csv"]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(
      'indicator,label,polarity,top_performing,performing_well,needs_improvement,weight,standard,unit\niapt_recovery,"IAPT, recovery",higher,55,50,45,1,50,%\neip_2wk,EIP,higher,60,50,40,2,,%\n',
    );
    const thresholds = join(dir, "thresholds.csv");
    writeFileSync(thresholds, csv.stdout);
    const values = ["--values", "fixtures/example/ccg-2016-17-mental-health-synthetic.csv", "-q"];
    const byCsv = await runCli(["rate", "--thresholds", thresholds, ...values]);
    const byJson = await runCli(["rate", "--framework", fw, ...values]);
    expect(byCsv.code).toBe(0);
    expect(byCsv.stdout).toBe(byJson.stdout);

    const workbook = join(dir, "thresholds.xlsx");
    const written = await runCli(["frameworks", "show", fw, "--as", "xlsx", "--out", workbook]);
    expect(written).toEqual({ code: 0, stdout: "", stderr: "" });
    const again = join(dir, "again.xlsx");
    await runCli(["frameworks", "show", fw, "--as", "xlsx", "--out", again]);
    expect(readFileSync(again).equals(readFileSync(workbook))).toBe(true);
    const byXlsx = await runCli(["rate", "--thresholds", workbook, ...values]);
    expect(byXlsx.stderr).toBe("");
    expect(byXlsx.stdout).toBe(byJson.stdout);
  });

  it.each([
    [["frameworks", "show", "ccg-iaf-2016-17-mental-health", "--as", "csv"], /cannot be written as a thresholds CSV: its aggregation is not mean-score with cuts 1.5, 2.5, 3.5; indicator iapt_recovery uses standard-ci scoring/],
    [["frameworks", "show"], /frameworks show needs a framework id/],
    [["frameworks", "show", "ccg-iaf-2016-17-mental-health", "--as", "xlsx", "--out", "t.xlsx"], /cannot be written as a thresholds workbook: its aggregation/],
    [["frameworks", "show", "cqc-aggregation", "--as", "xlsx"], /a thresholds workbook is written to a file: give --out FILE.xlsx/],
    [["frameworks", "show", "no-such-framework"], /"no-such-framework" is neither a built-in framework/],
    [["frameworks", "remove"], /unknown frameworks action "remove"/],
    [["frameworks", "show", "cqc-aggregation", "--as", "xml"], /argument 'xml' is invalid/],
  ])("%j is a usage error", async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });
});
