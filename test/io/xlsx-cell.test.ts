import type { CellValue } from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCell } from "../../src/io/cell.js";
import { cellText } from "../../src/io/rows/xlsx-cell.js";

describe("cellText: a workbook cell as the text a CSV of it would hold", () => {
  it.each<[string, CellValue, string | undefined, string]>([
    ["an empty cell", null, undefined, ""],
    ["a whole number", 1824, "General", "1824"],
    ["a decimal", 44.9, undefined, "44.9"],
    ["a negative number", -3.5, undefined, "-3.5"],
    ["a tiny number", 1e-7, undefined, "1e-7"],
    ["a number formatted as a percentage", 0.452, "0.0%", "45.2%"],
    ["a percentage without decimals", 0.5, "0%", "50%"],
    ["a tiny percentage", 1.5e-9, "0.00%", "1.5e-7%"],
    ["a % inside quoted text is not a percentage", 12, '0" %"', "12"],
    ["a % inside [ ] is not a percentage", 12, "[%]0", "12"],
    ["text", " 00C ", undefined, " 00C "],
    ["true", true, undefined, "TRUE"],
    ["a date", new Date("2017-03-31T00:00:00Z"), "yyyy-mm-dd", "2017-03-31"],
    ["a date and time", new Date("2017-03-31T09:30:00Z"), "yyyy-mm-dd hh:mm", "2017-03-31T09:30:00"],
    ["a formula's number", { formula: "A1*2", result: 10 }, undefined, "10"],
    ["a formula's percentage", { formula: "A1/B1", result: 0.25 }, "0%", "25%"],
    ["a formula's text", { formula: 'IF(A1>0,"x","")', result: "x" }, undefined, "x"],
    ["a formula never calculated", { formula: "A1*2" } as CellValue, undefined, "=A1*2"],
    ["a formula whose result is an error", { formula: "1/0", result: Number.NaN } as unknown as CellValue, undefined, "=1/0"],
    ["rich text", { richText: [{ text: "NHS " }, { text: "Leeds", font: { bold: true } }] }, undefined, "NHS Leeds"],
    ["an error value", { error: "#N/A" }, undefined, "#N/A"],
    ["a hyperlink", { text: "Leeds", hyperlink: "http://x" }, undefined, "Leeds"],
  ])("%s", (_, value, numFmt, text) => expect(cellText(value, numFmt)).toBe(text));

  it("gives back every finite number exactly", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const cell = parseCell(cellText(x, "General"), false);
        expect(cell).toEqual({ kind: "number", value: x === 0 ? 0 : x });
      }),
    );
  });

  it("shows a percentage as the decimal digits moved two places", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 6 }), (n, places) => {
        const shown = n / 10 ** places;
        const stored = Number(`${shown}e-2`);
        expect(cellText(stored, "0.0%")).toBe(`${shown}%`);
      }),
    );
  });
});
