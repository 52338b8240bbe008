import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { rate } from "../../src/engine/rate.js";
import { gradedWorkbook } from "../../src/io/output/graded-workbook.js";
import { gradedRows } from "../../src/io/output/graded-table.js";
import { categoryColour } from "../../src/report/palette.js";
import { dataset, org, twoIndicatorFramework } from "../helpers/frameworks.js";

const framework = twoIndicatorFramework();
const outcome = rate(
  framework,
  dataset([
    org("A01", { a: 60, b: 3 }, "2016-17"),
    org("B02", { a: 52, b: 7 }, "2016-17"),
    org("C03", { a: 40, b: 9 }, "2016-17"),
    org("=HYPERLINK(\"http://x\",\"click\")", { a: null, b: null }, "2016-17"),
    org("A01", { a: 47, b: 5 }, "2017-18"),
  ]),
);
if (!outcome.ok) throw new Error("the test rating failed");
const rating = outcome.rating;

async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe("gradedWorkbook", () => {
  it("gives the same bytes every time", async () => {
    const first = await gradedWorkbook(rating);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await gradedWorkbook(rating)).equals(first)).toBe(true);
  });

  it("holds the graded table's columns and rows, numbers as numbers and text exactly as it is", async () => {
    const sheet = (await read(await gradedWorkbook(rating))).getWorksheet("Ratings")!;
    const { columns, rows } = gradedRows(rating);
    const values = (r: number) => (sheet.getRow(r).values as ExcelJS.CellValue[]).slice(1);
    expect(values(1)).toEqual(columns);
    [...rows].forEach((row, i) => {
      const cells = columns.map((_, c) => sheet.getRow(i + 2).getCell(c + 1).value);
      expect(cells).toEqual(row);
    });
    expect(sheet.rowCount).toBe(rating.organisations.length + 1);
    expect(sheet.getColumn(4).values.filter((v) => typeof v === "number")).toEqual([60, 47, 52, 40]);
  });

  it("freezes the header row and fills each category cell with its palette colour", async () => {
    const sheet = (await read(await gradedWorkbook(rating))).getWorksheet("Ratings")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).font).toMatchObject({ bold: true });
    const column = (sheet.getRow(1).values as string[]).indexOf("category");
    rating.organisations.forEach((org, i) => {
      const fill = sheet.getRow(i + 2).getCell(column).fill as ExcelJS.FillPattern;
      expect(fill.fgColor?.argb).toBe(`FF${categoryColour(org.categoryIndex, framework.categories.length).hex.slice(1).toUpperCase()}`);
    });
  });

  it("counts the categories per period on a second sheet", async () => {
    const sheet = (await read(await gradedWorkbook(rating))).getWorksheet("Summary")!;
    const rows = sheet.getSheetValues().slice(1).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    const [p1, p2] = rating.summary.periods;
    expect(rows).toEqual([
      ["category", "2016-17", "2017-18"],
      ...framework.categories.map((c, i) => [c, p1!.counts[i], p2!.counts[i]]),
      ["Not rated", p1!.notRated, p2!.notRated],
      ["Total", 4, 1],
    ]);
  });
});
