import { describe, expect, it } from "vitest";
import { capDiagnostics } from "../../src/engine/diagnostic-cap.js";
import { error, warning, type Diagnostic } from "../../src/engine/diagnostics.js";

const at = (line: number) => ({ file: "v.csv", line, column: 3 });
// Given out of file order, as parts read on several threads may hand them over.
const MIXED: Diagnostic[] = [
  error("E_NOT_A_NUMBER", "n/k", at(9)),
  error("E_DUPLICATE_ORG", "dup", at(4)),
  error("E_NOT_A_NUMBER", "n/k", at(2)),
  warning("W_FEW_SCORED", "few", { file: "v.csv" }),
  error("E_NOT_A_NUMBER", "n/k", at(5)),
  error("E_DUPLICATE_ORG", "dup", at(7)),
  error("E_NOT_A_NUMBER", "n/k", at(3)),
];

describe("capDiagnostics", () => {
  it.each([
    { max: 0, shown: [["W_FEW_SCORED", undefined], ["E_NOT_A_NUMBER", 2], ["E_NOT_A_NUMBER", 3], ["E_DUPLICATE_ORG", 4], ["E_NOT_A_NUMBER", 5], ["E_DUPLICATE_ORG", 7], ["E_NOT_A_NUMBER", 9]], omitted: [] },
    {
      max: 2,
      shown: [["W_FEW_SCORED", undefined], ["E_NOT_A_NUMBER", 2], ["E_NOT_A_NUMBER", 3], ["E_DUPLICATE_ORG", 4], ["E_DUPLICATE_ORG", 7]],
      omitted: [{ code: "E_NOT_A_NUMBER", count: 2 }],
    },
    {
      max: 1,
      shown: [["W_FEW_SCORED", undefined], ["E_NOT_A_NUMBER", 2], ["E_DUPLICATE_ORG", 4]],
      omitted: [{ code: "E_DUPLICATE_ORG", count: 1 }, { code: "E_NOT_A_NUMBER", count: 3 }],
    },
    { max: 50, shown: [["W_FEW_SCORED", undefined], ["E_NOT_A_NUMBER", 2], ["E_NOT_A_NUMBER", 3], ["E_DUPLICATE_ORG", 4], ["E_NOT_A_NUMBER", 5], ["E_DUPLICATE_ORG", 7], ["E_NOT_A_NUMBER", 9]], omitted: [] },
  ])("at most $max of each code: the first ones in file order, and how many more", ({ max, shown, omitted }) => {
    const capped = capDiagnostics(MIXED, max);
    expect(capped.shown.map((d) => [d.code, d.line])).toEqual(shown);
    expect(capped.omitted).toEqual(omitted);
    expect(capped.counts).toEqual([
      { code: "E_DUPLICATE_ORG", count: 2 },
      { code: "E_NOT_A_NUMBER", count: 4 },
      { code: "W_FEW_SCORED", count: 1 },
    ]);
    expect([capped.errors, capped.warnings]).toEqual([6, 1]);
  });

  it("gives nothing for nothing", () => {
    expect(capDiagnostics([], 50)).toEqual({ shown: [], omitted: [], counts: [], errors: 0, warnings: 0 });
  });
});
