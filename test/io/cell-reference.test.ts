import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellReference, columnLetters, parseRange } from "../../src/io/rows/cell-reference.js";

describe("columnLetters", () => {
  it.each([
    [1, "A"],
    [3, "C"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
    [16384, "XFD"],
  ])("column %i is %s", (column, letters) => expect(columnLetters(column)).toBe(letters));
});

describe("cellReference", () => {
  it.each([
    ["Sheet1", 7, 3, "Sheet1!C7"],
    ["Table 2", 7, 3, "'Table 2'!C7"],
    ["O'Neill's", 1, 1, "'O''Neill''s'!A1"],
    ["2017", 4, 28, "'2017'!AB4"],
    ["Sheet1", 9, undefined, "Sheet1!9:9"],
    ["Sheet1", undefined, undefined, "Sheet1"],
  ])("%s row %s column %s is %s", (sheet, row, column, text) => expect(cellReference(sheet, row, column)).toBe(text));
});

describe("parseRange", () => {
  it.each([
    ["A4:B5", { top: 4, left: 1, bottom: 5, right: 2 }],
    ["C7", { top: 7, left: 3, bottom: 7, right: 3 }],
    ["$AA$10:$AB$12", { top: 10, left: 27, bottom: 12, right: 28 }],
    ["not a range", null],
  ])("%s", (range, parsed) => expect(parseRange(range)).toEqual(parsed));

  it("reads back what columnLetters writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16384 }), fc.integer({ min: 1, max: 1048576 }), (column, row) => {
        expect(parseRange(`${columnLetters(column)}${row}`)).toEqual({ top: row, left: column, bottom: row, right: column });
      }),
    );
  });
});
