import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import CFB from "cfb";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/in-process.js";
import { csvAsRows, damagedPart, workbookFile, type SheetSpec } from "../helpers/workbooks.js";

const THRESHOLDS = ["--thresholds", "fixtures/formats/thresholds.csv"];
const HEADER = ["org_code", "org_name", "iapt_recovery", "eip_2wk"];
const GOOD = [
  ["A01", "Alpha CCG", 57, 61],
  ["B02", "Beta CCG", 50, 45],
];

/** A compound (OLE) file holding the streams named, as cfb (SheetJS) writes one. */
function compoundFile(streams: string[]): string {
  const container = CFB.utils.cfb_new();
  for (const name of streams) CFB.utils.cfb_add(container, `/${name}`, Buffer.from("not a real stream"));
  const path = join(mkdtempSync(join(tmpdir(), "ccg-cfb-")), "book.xlsx");
  writeFileSync(path, CFB.write(container, { type: "buffer" }) as Buffer);
  return path;
}

function textFile(name: string, text: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), "ccg-xlsx-")), name);
  writeFileSync(path, text);
  return path;
}

interface BadCase {
  what: string;
  file: () => Promise<string>;
  extra?: string[];
  /** Each error line expected, after the file's name: `Sheet1!C7 E_NOT_A_NUMBER`, or ` E_CODE` for the whole file. */
  errors: string[];
}

const sheet = (rows: SheetSpec["rows"], more: Partial<SheetSpec> = {}): SheetSpec => ({ name: "Sheet1", rows, ...more });

const BAD: BadCase[] = [
  {
    what: "a cell that is not a number, below two title rows",
    file: () => workbookFile("v.xlsx", [sheet([["Indicators 2016-17"], [], HEADER, ...GOOD, ["C03", "Delta CCG", "n/k", 40]], { merges: ["A1:D1"] })]),
    errors: ["Sheet1!C6 E_NOT_A_NUMBER"],
  },
  {
    what: "an empty organisation code",
    file: () => workbookFile("v.xlsx", [sheet([HEADER, ...GOOD, [null, "Nameless", 50, 50]])]),
    errors: ["Sheet1!A4 E_EMPTY_ORG_CODE"],
  },
  {
    what: "the same organisation twice",
    file: () => workbookFile("v.xlsx", [sheet([HEADER, ...GOOD, ["A01", "Alpha again", 50, 50]])]),
    errors: ["Sheet1!A4 E_DUPLICATE_ORG"],
  },
  {
    what: "a formula whose cached result is an error",
    file: () => workbookFile("v.xlsx", [sheet([HEADER, ...GOOD, ["C03", "Delta CCG", { formula: "1/0", result: { error: "#DIV/0!" } }, 40]])]),
    errors: ["Sheet1!C4 E_NOT_A_NUMBER"],
  },
  {
    what: "an error value typed into a cell",
    file: () => workbookFile("v.xlsx", [sheet([HEADER, ...GOOD, ["C03", "Delta CCG", 40, { error: "#N/A" }]])]),
    errors: ["Sheet1!D4 E_NOT_A_NUMBER"],
  },
  {
    what: "a sheet whose name needs quotes",
    file: () => workbookFile("v.xlsx", [{ name: "Table 2", rows: [HEADER, ...GOOD, ["C03", "Delta CCG", 40, "12,5"]] }]),
    errors: ["'Table 2'!D4 E_NOT_A_NUMBER"],
  },
  {
    what: "no organisation code column (the first sheet is read, its first row the header)",
    file: () => workbookFile("v.xlsx", [sheet([["code", "iapt_recovery", "eip_2wk"], ["A01", 50, 50]])]),
    errors: ["Sheet1!A1 E_MISSING_COLUMN"],
  },
  {
    what: "--header-row on a row that is empty",
    file: () => workbookFile("v.xlsx", [sheet([HEADER, ...GOOD])]),
    extra: ["--header-row", "9"],
    errors: ["Sheet1!9:9 E_EMPTY_FILE"],
  },
  {
    what: "--sheet naming no sheet",
    file: () => workbookFile("v.xlsx", [sheet([HEADER, ...GOOD]), { name: "Notes", rows: [["n"]] }]),
    extra: ["--sheet", "Data"],
    errors: [" E_NO_SHEET"],
  },
  {
    what: "--sheet 3 of two sheets",
    file: () => workbookFile("v.xlsx", [sheet([HEADER, ...GOOD]), { name: "Notes", rows: [["n"]] }]),
    extra: ["--sheet", "3"],
    errors: [" E_NO_SHEET"],
  },
  { what: "a CSV file named .xlsx", file: async () => textFile("v.xlsx", "org_code,iapt_recovery\nA01,50\n"), errors: [" E_NOT_A_WORKBOOK"] },
  { what: "an empty file", file: async () => textFile("v.xlsx", ""), errors: [" E_EMPTY_FILE"] },
  { what: "an old .xls workbook named .xlsx", file: async () => compoundFile(["Workbook"]), errors: [" E_WORKBOOK_XLS"] },
  { what: "a password-protected workbook", file: async () => compoundFile(["EncryptionInfo", "EncryptedPackage"]), errors: [" E_WORKBOOK_ENCRYPTED"] },
  { what: "a zip file cut short", file: async () => textFile("v.xlsx", Buffer.from("PK\u0003\u0004 and then nothing")), errors: [" E_WORKBOOK_CORRUPT"] },
  {
    what: "a zip file that holds no workbook",
    file: async () => {
      const { default: JSZip } = await import("jszip");
      const zip = new JSZip().file("readme.txt", "hello");
      return textFile("v.xlsx", await zip.generateAsync({ type: "nodebuffer" }));
    },
    errors: [" E_WORKBOOK_CORRUPT"],
  },
  {
    what: "a sheet whose compressed bytes are damaged",
    file: async () => damagedPart(await workbookFile("v.xlsx", [sheet([HEADER, ...GOOD])]), "xl/worksheets/sheet1.xml"),
    errors: [" E_WORKBOOK_CORRUPT"],
  },
];

describe("bad workbooks: one line each, naming the file, the sheet and the cell, exit 1", () => {
  it.each(BAD)("$what", async ({ file, extra, errors }) => {
    const path = await file();
    const r = await runCli(["rate", ...THRESHOLDS, "--values", path, ...(extra ?? []), "-q"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.split("\n").filter((l) => l !== "");
    const got = lines.map((l) => {
      const m = /^(.*?\.xlsx):(?:(.+?): )?.+ \((E_[A-Z_]+)\)$/.exec(l.startsWith(path) ? l : "");
      expect(m, r.stderr).not.toBeNull();
      return `${/^(?:'[^']+'|\w+)!\S+$/.test(m![2] ?? "") ? m![2] : ""} ${m![3]}`;
    });
    expect(got, r.stderr).toEqual(errors);
  });

  it("prints the place as Excel names it", async () => {
    const path = await workbookFile("v.xlsx", [sheet([["Title"], HEADER, ...GOOD, ["C03", "Delta CCG", "n/k", 40]])]);
    const r = await runCli(["rate", ...THRESHOLDS, "--values", path, "-q"]);
    expect(r.stderr).toBe(`${path}:Sheet1!C5: "n/k" is not a number (column iapt_recovery) (E_NOT_A_NUMBER)\n`);
  });

  it("keeps the sheet in validate's JSON", async () => {
    const path = await workbookFile("v.xlsx", [sheet([HEADER, ...GOOD, ["C03", "Delta CCG", "n/k", 40]])]);
    const r = await runCli(["validate", ...THRESHOLDS, "--values", path, "--format", "json"]);
    expect((JSON.parse(r.stdout) as { diagnostics: { severity: string }[] }).diagnostics.filter((d) => d.severity === "error")).toEqual([
      { code: "E_NOT_A_NUMBER", severity: "error", message: '"n/k" is not a number (column iapt_recovery)', file: path, sheet: "Sheet1", line: 4, column: 3 },
    ]);
  });

  it("names the sheet and cell of a problem the engine finds later (numerator above denominator)", async () => {
    const path = await workbookFile("v.xlsx", [
      sheet([
        ["org_code", "iapt_recovery_numerator", "iapt_recovery_denominator", "eip_2wk"],
        ["A01", 12, 10, 50],
      ]),
    ]);
    const r = await runCli(["rate", ...THRESHOLDS, "--values", path, "-q"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${path.replaceAll("/", "\\/")}:Sheet1!B2: .*\\(E_NUMERATOR_GT_DENOMINATOR\\)\\n$`));
  });

  it("refuses --sheet and --header-row with a CSV", async () => {
    const r = await runCli(["rate", ...THRESHOLDS, "--values", "fixtures/formats/wide.csv", "--sheet", "1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--sheet and --header-row are for a values workbook/);
  });
});

describe("a workbook rates to the same bytes as the CSV it holds", () => {
  /** The graded table, and the warnings with the file's name and place left out (a CSV's 7:5 is a sheet's E9). */
  const rate = async (args: string[]) => {
    const r = await runCli(["rate", ...args, "-q"]);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout + r.stderr.replace(/^.*?: warning: /gm, "");
  };

  it.each([
    ["the bundled example (wide, numerators and denominators)", "fixtures/example/ccg-2016-17-mental-health-synthetic.csv", ["--framework", "ccg-iaf-2016-17-mental-health"], [] as string[], [] as string[]],
    ["a long file with periods", "fixtures/formats/long-periods.csv", THRESHOLDS, [], []],
    [
      "NHS Digital's long layout, dates for periods, with --where and renamed columns",
      "fixtures/formats/nhs-digital-long.csv",
      THRESHOLDS,
      ["--org-col", "ORG_CODE1", "--name-col", "ORG_NAME1", "--indicator-col", "MEASURE_ID", "--value-col", "MEASURE_VALUE", "--period-col", "REPORTING_PERIOD_START", "--where", "GROUP_TYPE=CCG"],
      ["REPORTING_PERIOD_START"],
    ],
  ])("%s", async (_, csv, method, options, dates) => {
    const fromCsv = await rate([...method, "--values", csv, ...options]);
    const rows = csvAsRows(csv, dates);
    const path = await workbookFile("values.xlsx", [
      { name: "About", rows: [["Notes on this workbook"], ["Synthetic data"]] },
      { name: "Data", rows: [["A title row"], [], ...rows, [], []], merges: ["A1:C1"] },
    ]);
    expect(await rate([...method, "--values", path, ...options])).toBe(fromCsv);
    expect(await rate([...method, "--values", path, "--sheet", "Data", "--header-row", "3", ...options])).toBe(fromCsv);
    expect(await rate([...method, "--values", path, "--sheet", "2", ...options])).toBe(fromCsv);
  });

  it("reads cells as a CSV of them would hold them: percentages shown, formulas' results, dates, rich text", async () => {
    const csv = "org_code,org_name,period,indicator,value\nA01,Alpha CCG,2017-03-31,iapt_recovery,45.2\nA01,Alpha CCG,2017-03-31,eip_2wk,61\nB02,Beta CCG,2017-03-31,iapt_recovery,50\nB02,Beta CCG,2017-03-31,eip_2wk,45\n";
    const fromCsv = await rate([...THRESHOLDS, "--values", textFile("v.csv", csv)]);
    const path = await workbookFile("v.xlsx", [
      sheet(
        [
          ["org_code", "org_name", "period", "indicator", "value", null, null],
          ["A01", { richText: [{ text: "Alpha " }, { text: "CCG", font: { bold: true } }] }, new Date("2017-03-31T00:00:00Z"), "iapt_recovery", 0.452],
          ["A01", "Alpha CCG", new Date("2017-03-31T00:00:00Z"), "eip_2wk", { formula: "60+1", result: 61 }],
          ["B02", "Beta CCG", new Date("2017-03-31T00:00:00Z"), "iapt_recovery", 0.5],
          ["B02", "Beta CCG", new Date("2017-03-31T00:00:00Z"), "eip_2wk", 45],
        ],
        { formats: { E2: "0.0%", E4: "0%" } },
      ),
    ]);
    expect(await rate([...THRESHOLDS, "--values", path])).toBe(fromCsv);
  });
});

describe("the table ends at its first empty row", () => {
  it.each([
    ["a note below an empty row", [[], ["Source: synthetic"]], "Sheet1!A5", "Source: synthetic"],
    ["a total two rows down", [[], ["Total", null, 107, 106]], "Sheet1!A5", "Total"],
  ])("%s is not an organisation, and a warning says where the reading stopped", async (_, below, place, text) => {
    const path = await workbookFile("v.xlsx", [sheet([HEADER, ...GOOD, ...below])]);
    const withNotes = await runCli(["rate", ...THRESHOLDS, "--values", path, "-q"]);
    const plain = await runCli(["rate", ...THRESHOLDS, "--values", await workbookFile("v.xlsx", [sheet([HEADER, ...GOOD])]), "-q"]);
    expect(withNotes.code).toBe(0);
    expect(withNotes.stdout).toBe(plain.stdout);
    expect(withNotes.stderr).toContain(
      `${path}:${place}: warning: the table ends at row 4, which is empty: row 5 and those below it are not read ("${text}"); delete the empty row to read them (W_ROWS_BELOW_TABLE)\n`,
    );
  });

  it("empty rows between the header and the first data row are skipped", async () => {
    const path = await workbookFile("v.xlsx", [sheet([HEADER, [], ...GOOD])]);
    const r = await runCli(["rate", ...THRESHOLDS, "--values", path, "-q"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").filter((l) => /^[AB]0/.test(l))).toHaveLength(2);
  });
});

describe("thresholds from a workbook", () => {
  it("rate the same as the thresholds CSV, cuts typed as percentages too", async () => {
    const values = ["--values", "fixtures/formats/wide.csv", "-q"];
    const fromCsv = await runCli(["rate", ...THRESHOLDS, ...values]);
    const rows = csvAsRows("fixtures/formats/thresholds.csv");
    rows[1]![3] = 0.55;
    const path = await workbookFile("thresholds.xlsx", [{ name: "Thresholds", rows: [["Thresholds for 2016-17"], ...rows] }]);
    const withFormat = await workbookFile("thresholds.xlsx", [{ name: "Thresholds", rows: [["Thresholds for 2016-17"], ...rows], formats: { D3: "0%" } }]);
    const fromXlsx = await runCli(["rate", "--thresholds", withFormat, ...values]);
    expect(fromXlsx.stderr).toBe("");
    expect(fromXlsx.stdout).toBe(fromCsv.stdout);
    // Without the % format 0.55 is 0.55: the cuts are then out of order, and the error says where.
    const unformatted = await runCli(["rate", "--thresholds", path, ...values]);
    expect(unformatted.code).toBe(1);
    expect(unformatted.stderr).toMatch(/thresholds\.xlsx:Thresholds!E3: .*\(E_CUTS_NOT_MONOTONE\)/);
  });
});
