import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { sortDiagnostics } from "../../src/engine/diagnostics.js";
import { readThresholds } from "../../src/io/thresholds/read-thresholds.js";

const HEADER = "indicator,label,polarity,top_performing,performing_well,needs_improvement";
const read = (text: string) => readThresholds(Readable.from([text]), "t.csv");

describe("readThresholds", () => {
  it("reads indicators with their cuts, weights and units", async () => {
    const got = await read(`${HEADER},weight,unit\niapt,IAPT,higher,55%,50,45,2,%\nwait,Waits,lower,10,20,30,,count\n`);
    expect(got.ok && got.framework.indicators.map((i) => [i.id, i.polarity, i.unit, i.weight, i.scoring.cuts])).toEqual([
      ["iapt", "higher", "%", 2, [55, 50, 45]],
      ["wait", "lower", "count", 1, [10, 20, 30]],
    ]);
  });

  it.each([
    {
      name: "every problem of the rows, and an unused column as a warning",
      text: `${HEADER},extra\na,A,up,1,2,x,z\na,A,higher,3,2,1,z\nb,B,higher,3,2\nc,C,higher,1,2,3,z\n`,
      expected: [
        ["W_UNUSED_COLUMN", 1, 7],
        ["E_BAD_POLARITY", 2, 3],
        ["E_NOT_A_NUMBER", 2, 6],
        ["E_DUPLICATE_INDICATOR", 3, 1],
        ["E_ROW_LENGTH", 4, 6],
        ["E_CUTS_NOT_MONOTONE", 5, 5],
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
