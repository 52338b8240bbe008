import { describe, expect, it } from "vitest";
import { withMerges } from "../../src/io/rows/sheet-merges.js";

describe("withMerges: a merged range's text in every cell of its first column", () => {
  const rows = [
    { line: 3, cells: ["org_code", "org_name", "IAPT recovery", ""] },
    { line: 4, cells: ["", "", "iapt_recovery_numerator", "iapt_recovery_denominator"] },
    { line: 5, cells: ["00C", "Darlington", "778", "1824"] },
  ];

  it.each([
    ["down over two rows", [{ top: 3, left: 1, bottom: 4, right: 1 }], ["org_code", "", "iapt_recovery_numerator", "iapt_recovery_denominator"]],
    ["across columns: the others stay empty", [{ top: 3, left: 3, bottom: 3, right: 4 }], ["", "", "iapt_recovery_numerator", "iapt_recovery_denominator"]],
    ["down and across: the first column only", [{ top: 3, left: 1, bottom: 4, right: 2 }], ["org_code", "", "iapt_recovery_numerator", "iapt_recovery_denominator"]],
    ["a merge of empty cells gives nothing", [{ top: 4, left: 1, bottom: 5, right: 1 }], ["", "", "iapt_recovery_numerator", "iapt_recovery_denominator"]],
  ])("%s", (_, merges, row4) => {
    const filled = withMerges(rows, merges);
    expect(filled.find((r) => r.line === 4)!.cells).toEqual(row4);
    expect(filled.find((r) => r.line === 5)!.cells).toEqual(rows[2]!.cells);
  });

  it("never changes a cell that has text, nor the rows given", () => {
    const merges = [{ top: 3, left: 3, bottom: 5, right: 3 }];
    expect(withMerges(rows, merges).map((r) => r.cells[2])).toEqual(["IAPT recovery", "iapt_recovery_numerator", "778"]);
    expect(rows[1]!.cells[0]).toBe("");
  });
});
