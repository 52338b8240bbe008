import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { sortDiagnostics } from "../../src/engine/diagnostics.js";
import { readThresholds } from "../../src/io/thresholds/read-thresholds.js";

const read = (text: string) => readThresholds(Readable.from([text]), "t.csv");
const HEADER = "indicator,label,polarity,top_performing,performing_well,needs_improvement";

describe("readThresholds", () => {
  it("makes a framework with threshold scoring and the defaults", async () => {
    const out = await read(`${HEADER},weight,standard,unit\niapt,IAPT recovery,higher,55%,50,45,2,50,%\nsmoking,Smoking,Lower,10,12,14,,,per 1000\n`);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.framework).toMatchObject({
      id: "thresholds:t.csv",
      categories: ["Top performing", "Performing well", "Needs improvement", "Greatest need for improvement"],
      aggregation: { method: "mean-score", cuts: [1.5, 2.5, 3.5] },
      indicators: [
        { id: "iapt", label: "IAPT recovery", polarity: "higher", unit: "%", weight: 2, standard: 50, scoring: { method: "thresholds", cuts: [55, 50, 45] } },
        { id: "smoking", polarity: "lower", unit: "per 1000", weight: 1, scoring: { cuts: [10, 12, 14] } },
      ],
    });
    expect(out.framework.indicators[1]!.standard).toBeUndefined();
  });

  it("takes any unit text, with the multiplier the contract gives it", async () => {
    const out = await read(`${HEADER},unit\nwait,Median wait (days),lower,10,20,30,days\nrate,Rate,lower,1,2,3,"per 10,000"\nshare,Share,higher,55%,50,45,percent\n`);
    expect(out.ok && out.framework.indicators.map((i) => [i.id, i.unit, i.scoring])).toEqual([
      ["wait", "days", { method: "thresholds", cuts: [10, 20, 30] }],
      ["rate", "per 10,000", { method: "thresholds", cuts: [1, 2, 3] }],
      ["share", "percent", { method: "thresholds", cuts: [55, 50, 45] }],
    ]);
  });

  it("refuses a unit it cannot use, at its cell", async () => {
    const out = await read(`${HEADER},unit\na,A,higher,3,2,1,per 0\n`);
    expect(!out.ok && out.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([["E_BAD_UNIT", 2, 7, 'unit "per 0": "per 0" would divide by nothing']]);
  });

  it("reports every problem, each where it is", async () => {
    const out = await read(`${HEADER},weight\na,A,up,1,2,3,1\nb,B,higher,1,2,3,1\nb,B,higher,3,2,1,1\nc,C,lower,1,x,3,-1\n`);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["E_BAD_POLARITY", 2, 3],
      ["E_CUTS_NOT_MONOTONE", 3, 5],
      ["E_DUPLICATE_INDICATOR", 4, 1],
      ["E_NOT_A_NUMBER", 5, 5],
      ["E_BAD_WEIGHT", 5, 7],
    ]);
  });

  it("warns about a column it does not use", async () => {
    const out = await read(`${HEADER},comment\na,A,higher,3,2,1,hello\n`);
    expect(out.ok && out.warnings).toEqual([expect.objectContaining({ code: "W_UNUSED_COLUMN", column: 7 })]);
  });

  it.each([
    {
      name: "short rows and unused columns along with the other problems",
      text: `${HEADER},extra\na,A,up,1,2,x,z\nb,B,higher,3,2\n`,
      expected: [
        ["W_UNUSED_COLUMN", 1, 7],
        ["E_BAD_POLARITY", 2, 3],
        ["E_NOT_A_NUMBER", 2, 6],
        ["E_ROW_LENGTH", 3, 6],
      ],
    },
    { name: "missing columns", text: "indicator,label\n", expected: [["E_MISSING_COLUMN", 1, 1]] },
    { name: "an empty file", text: "", expected: [["E_EMPTY_FILE", 1, 1]] },
    { name: "a header alone", text: `${HEADER}\n`, expected: [["E_NO_DATA", 1, 1]] },
  ])("reports $name", async ({ text, expected }) => {
    const got = await read(text);
    expect(got.ok).toBe(false);
    if (!got.ok) expect(sortDiagnostics(got.diagnostics).map((d) => [d.code, d.line, d.column])).toEqual(expected);
  });
});
