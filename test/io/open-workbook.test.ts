import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { openWorkbook, type OpenWorkbook } from "../../src/io/rows/open-workbook.js";
import { cellText } from "../../src/io/rows/xlsx-cell.js";
import { damagedPart, repacked, workbookFile } from "../helpers/workbooks.js";

const DATA = [
  ["org_code", "org_name", "period", "value"],
  ["A01", "Alpha CCG", new Date("2017-03-31T00:00:00Z"), 45.2],
  ["B02", "Beta CCG", new Date("2017-06-30T00:00:00Z"), 50],
];
const EXPECTED = [
  ["org_code", "org_name", "period", "value"],
  ["A01", "Alpha CCG", "2017-03-31", "45.2"],
  ["B02", "Beta CCG", "2017-06-30", "50"],
];

async function book(): Promise<string> {
  return workbookFile("v.xlsx", [
    { name: "About", rows: [["Notes"]] },
    { name: "Data", rows: DATA },
  ]);
}

async function rowsOf(opened: OpenWorkbook, name: string): Promise<string[][]> {
  const sheet = opened.sheets.find((s) => s.name === name)!;
  const out: string[][] = [];
  const rows = sheet.rows();
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    const cells: string[] = [];
    next.value.eachCell((cell, column) => (cells[column - 1] = cellText(cell.value, cell.numFmt)));
    out.push(cells);
  }
  return out;
}

const last = (wanted: string) => (names: string[]) => [...names.filter((n) => n !== wanted), wanted];

describe("openWorkbook reads a workbook whatever order its zip stores the parts in", () => {
  it.each([
    ["as exceljs writes it (sheets, shared strings, then the workbook last)", (names: string[]) => names],
    ["reversed", (names: string[]) => [...names].reverse()],
    ["shared strings last", last("xl/sharedStrings.xml")],
    ["styles last (the date formats)", last("xl/styles.xml")],
    ["the relationships last", last("xl/_rels/workbook.xml.rels")],
  ])("%s", async (_, order) => {
    const opened = await openWorkbook(await repacked(await book(), order));
    expect(opened.tabs).toEqual(["About", "Data"]);
    expect(opened.sheets.map((s) => [s.name, s.position])).toEqual([
      ["About", 1],
      ["Data", 2],
    ]);
    expect(await rowsOf(opened, "Data")).toEqual(EXPECTED);
    expect(await rowsOf(opened, "About")).toEqual([["Notes"]]);
  });
});

describe("openWorkbook", () => {
  it("reads dates in a workbook that counts them from 1904 (Excel for Mac's old date system)", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    workbook.addWorksheet("Data").addRows(DATA);
    const path = (await workbookFile("v.xlsx", [{ name: "Unused", rows: [] }])).replace(/v\.xlsx$/, "1904.xlsx");
    await workbook.xlsx.writeFile(path);
    const xml = await (await JSZip.loadAsync(readFileSync(path))).file("xl/workbook.xml")!.async("string");
    expect(xml).toMatch(/date1904="1"/);
    expect(await rowsOf(await openWorkbook(path), "Data")).toEqual(EXPECTED);
  });

  it("gives the sheets in tab order, which need not be the order of their files, counting a chart sheet's tab", async () => {
    const path = await repacked(await book(), (names) => names, (files) => {
      const xml = files.get("xl/workbook.xml")!;
      const sheets = [...xml.matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0]);
      const chart = '<sheet name="Chart" sheetId="9" r:id="rIdChart"/>';
      files.set("xl/workbook.xml", xml.replace(sheets.join(""), chart + [...sheets].reverse().join("")));
      const rels = files.get("xl/_rels/workbook.xml.rels")!;
      const chartRel = '<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>';
      files.set("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", `${chartRel}</Relationships>`));
    });
    const opened = await openWorkbook(path);
    expect(opened.tabs).toEqual(["Chart", "Data", "About"]);
    expect(opened.sheets.map((s) => [s.name, s.position])).toEqual([
      ["Data", 2],
      ["About", 3],
    ]);
    expect(await rowsOf(opened, "Data")).toEqual(EXPECTED);
  });

  it("finds sheets named from the package's root, as openpyxl writes them", async () => {
    const path = await repacked(await book(), (names) => names, (files) => {
      files.set("xl/_rels/workbook.xml.rels", files.get("xl/_rels/workbook.xml.rels")!.replaceAll('Target="worksheets/', 'Target="/xl/worksheets/'));
    });
    expect(await rowsOf(await openWorkbook(path), "Data")).toEqual(EXPECTED);
  });

  it("has no sheets when the zip holds no workbook part", async () => {
    const path = await repacked(await book(), (names) => names.filter((n) => n !== "xl/workbook.xml"));
    expect(await openWorkbook(path)).toEqual({ tabs: [], sheets: [] });
  });

  it("says which part cannot be unpacked when the shared strings' compressed bytes are damaged", async () => {
    const path = await damagedPart(await book(), "xl/sharedStrings.xml");
    await expect(openWorkbook(path)).rejects.toThrow("its part xl/sharedStrings.xml cannot be unpacked");
  });

  it("says which part cannot be unpacked when the workbook part's compressed bytes are damaged", async () => {
    const path = await damagedPart(await book(), "xl/workbook.xml");
    await expect(openWorkbook(path)).rejects.toThrow("its part xl/workbook.xml cannot be unpacked");
  });

  it("fails, rather than waits, on a sheet whose compressed bytes are damaged", async () => {
    const path = await damagedPart(await book(), "xl/worksheets/sheet2.xml");
    const opened = await openWorkbook(path);
    await expect(rowsOf(opened, "Data")).rejects.toThrow("its part xl/worksheets/sheet2.xml cannot be unpacked");
  });
});
