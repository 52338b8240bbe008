import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/built-cli.js";
import { csvAsRows, workbookFile } from "../helpers/workbooks.js";

const EXAMPLE = "fixtures/example/ccg-2016-17-mental-health-synthetic.csv";
const FRAMEWORK = ["--framework", "ccg-iaf-2016-17-mental-health"];

describe("workbooks through the built CLI", () => {
  it("rates a published-style workbook (title rows, a notes sheet first) to the bytes of its CSV", async () => {
    const path = await workbookFile("values.xlsx", [
      { name: "Notes", rows: [["Synthetic data for the example"]] },
      { name: "Data", rows: [["Mental health, 2016-17"], ["Source: synthetic"], [], ...csvAsRows(EXAMPLE)], merges: ["A1:F1"] },
    ]);
    const fromCsv = runBuilt(["rate", ...FRAMEWORK, "--values", EXAMPLE]);
    const fromXlsx = runBuilt(["rate", ...FRAMEWORK, "--values", path]);
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.stderr).toBe(fromCsv.stderr);
    expect(fromXlsx.stdout).toBe(fromCsv.stdout);
  });

  it("finds a Fingertips export's header below title rows and rates it to the bytes of its CSV", async () => {
    const csv = "fixtures/fingertips/export-synthetic.csv";
    const path = await workbookFile("fingertips.xlsx", [{ name: "Data", rows: [["Fingertips export"], [], ...csvAsRows(csv)] }]);
    const args = ["rate", "--thresholds", "fixtures/fingertips/thresholds.csv", "--where", "Area Type=Counties & UAs (from Apr 2023)", "--where", "Sex=Persons", "-q"];
    const fromCsv = runBuilt([...args, "--values", csv]);
    const fromXlsx = runBuilt([...args, "--values", path]);
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.stdout).toBe(fromCsv.stdout);
    expect(fromXlsx.stderr).toBe(`${path}:Data!A777: warning: indicator "90365" is not in the framework; its rows are ignored (W_UNKNOWN_INDICATOR)\n`);
  });

  it("stops at a bad cell with one line naming the sheet and cell, exit 1, no output written", async () => {
    const rows = csvAsRows(EXAMPLE);
    rows[6]![2] = "n/k";
    const path = await workbookFile("values.xlsx", [{ name: "Sheet1", rows: [["Title"], ...rows] }]);
    const dir = mkdtempSync(join(tmpdir(), "ccg-xlsx-out-"));
    const r = runBuilt(["rate", ...FRAMEWORK, "--values", path, "--out", join(dir, "graded.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`${path}:Sheet1!C8: "n/k" is not a number (column iapt_recovery_numerator) (E_NOT_A_NUMBER)\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses a CSV named .xlsx with one line and exit 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-xlsx-"));
    const path = join(dir, "values.xlsx");
    writeFileSync(path, readFileSync(EXAMPLE));
    const r = runBuilt(["rate", ...FRAMEWORK, "--values", path]);
    expect(r).toEqual({ code: 1, stdout: "", stderr: `${path}: is text, not an .xlsx workbook: a CSV file named .xlsx? Name it .csv (E_NOT_A_WORKBOOK)\n` });
  });

  it("writes the graded workbook atomically, the same bytes each time, which Excel reads as the table", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-xlsx-out-"));
    const first = runBuilt(["rate", "--example", "--out", join(dir, "a.xlsx"), "-q"]);
    const second = runBuilt(["rate", "--example", "--format", "xlsx", "--out", join(dir, "b.bin"), "-q"], { env: { TZ: "Pacific/Auckland" } });
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(readdirSync(dir).sort()).toEqual(["a.xlsx", "b.bin"]);
    expect(readFileSync(join(dir, "a.xlsx")).equals(readFileSync(join(dir, "b.bin")))).toBe(true);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "a.xlsx"));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Ratings", "Summary"]);
    const csv = runBuilt(["rate", "--example", "-q"]).stdout.trimEnd().split("\n");
    expect(workbook.getWorksheet("Ratings")!.rowCount).toBe(csv.length);
    expect((workbook.getWorksheet("Ratings")!.getRow(1).values as string[]).slice(1).join(",")).toBe(csv[0]);
  });

  it("rates fixtures/xlsx (the README's workbooks) as the example CSVs, and says where the table ended", () => {
    const fromCsv = runBuilt(["rate", "--thresholds", "fixtures/example/thresholds.csv", "--values", EXAMPLE, "-q"]);
    const fromXlsx = runBuilt(["rate", "--thresholds", "fixtures/xlsx/thresholds.xlsx", "--values", "fixtures/xlsx/ccg-2016-17-mental-health-synthetic.xlsx", "-q"]);
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.stdout).toBe(fromCsv.stdout);
    expect(fromXlsx.stderr).toBe(
      `fixtures/xlsx/ccg-2016-17-mental-health-synthetic.xlsx:'Table 1'!A215: warning: the table ends at row 214, which is empty: row 215 and those below it are not read ("Totals are not given: CCGs only."); delete the empty row to read them (W_ROWS_BELOW_TABLE)\n`,
    );
    const bad = runBuilt(["rate", "--thresholds", "fixtures/xlsx/thresholds.xlsx", "--values", "fixtures/xlsx/bad-cell.xlsx"]);
    expect(bad).toEqual({ code: 1, stdout: "", stderr: `fixtures/xlsx/bad-cell.xlsx:'Table 1'!C5: "n/k" is not a number (column iapt_recovery_numerator) (E_NOT_A_NUMBER)\n` });
  });

  it("refuses a workbook on stdout", () => {
    const r = runBuilt(["rate", "--example", "--format", "xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/an .xlsx workbook is written to a file: give --out FILE.xlsx/);
  });
});
