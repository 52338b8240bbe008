import { describe, expect, it } from "vitest";
import { RepeatedCells, restoreRepeated } from "../../src/io/rows/csv/repeated-cells.js";

describe("RepeatedCells", () => {
  it("gives each line its mask, 0 for lines not noted, asked in order", () => {
    const repeats = new RepeatedCells();
    repeats.add(3, 0b101);
    repeats.add(4, 0b1);
    repeats.add(9, 2 ** 31 - 1);
    expect([2, 3, 4, 5, 8, 9, 10].map((line) => repeats.take(line))).toEqual([0, 0b101, 0b1, 0, 0, 2 ** 31 - 1, 0]);
  });

  it.each([
    { what: "taken as they come", lag: 0 },
    { what: "taken 5,000 lines behind", lag: 5000 },
  ])("keeps every line noted when many are, $what", ({ lag }) => {
    const repeats = new RepeatedCells();
    const got: number[] = [];
    const lines = 20_000;
    for (let line = 2; line < lines + lag; line++) {
      if (line < lines && line % 3 !== 0) repeats.add(line, line % 1000);
      if (line - lag >= 2) got.push(repeats.take(line - lag));
    }
    expect(got).toEqual(Array.from({ length: lines - 2 }, (_, k) => ((k + 2) % 3 === 0 ? 0 : (k + 2) % 1000)));
  });
});

describe("restoreRepeated", () => {
  it.each([
    { mask: 0b1, record: ["", "x", "1"], expected: ["A", "x", "1"] },
    { mask: 0b110, record: ["B", "", ""], expected: ["B", "Name", "1"] },
    { mask: 0b111, record: ["", "", ""], expected: ["A", "Name", "1"] },
  ])("gives back the cells of mask $mask from the record before", ({ mask, record, expected }) => {
    restoreRepeated(record, ["A", "Name", "1"], mask);
    expect(record).toEqual(expected);
  });

  it.each([
    { before: null, why: "no record before" },
    { before: ["A", "B"], why: "a record before of another length" },
  ])("is a bug with $why", ({ before }) => {
    expect(() => restoreRepeated(["", "x", "1"], before, 0b1)).toThrow(/no record before/);
  });
});
