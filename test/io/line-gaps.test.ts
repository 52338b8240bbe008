import { describe, expect, it } from "vitest";
import { LineGaps } from "../../src/io/rows/csv/line-gaps.js";

describe("LineGaps", () => {
  it("turns lines of the text passed on into the file's, across gaps noted as they come", () => {
    const gaps = new LineGaps();
    // File lines 1-2 passed, 3-4 left out, 5 passed, 6 left out, 7 passed.
    gaps.leaveOut(2);
    gaps.leaveOut(2);
    gaps.leaveOut(3);
    expect([1, 2, 3, 4].map((l) => gaps.originalLine(l))).toEqual([1, 2, 5, 7]);
  });

  it("hands its gaps to another, which adds up gaps after the same line", () => {
    const scanning = new LineGaps();
    const parsing = new LineGaps();
    scanning.leaveOut(1);
    parsing.add(scanning.take());
    // Taken between two lines left out after the same line: noted as two gaps, which add up.
    scanning.leaveOut(1);
    scanning.leaveOut(4);
    parsing.add(scanning.take());
    expect(scanning.take()).toEqual([]);
    expect([1, 2, 4, 5].map((l) => parsing.originalLine(l))).toEqual([1, 4, 6, 8]);
  });

  it("forgets the gaps behind, so that memory stays flat", () => {
    const gaps = new LineGaps();
    for (let line = 1; line <= 10_000; line++) {
      gaps.leaveOut(line);
      expect(gaps.originalLine(line + 1)).toBe(2 * line + 1);
    }
  });
});
