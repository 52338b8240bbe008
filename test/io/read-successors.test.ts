import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { sortDiagnostics } from "../../src/engine/diagnostics.js";
import { readSuccessions } from "../../src/io/maps/read-successors.js";

const read = (text: string) => readSuccessions(Readable.from([text]), "map.csv");

describe("readSuccessions", () => {
  it("reads old_code,new_code[,effective_date] and ignores other columns", async () => {
    const got = await read("old_code,new_code,effective_date,verification\n00W,14L,2017-04-01,partly\n10Y;x,14Y,,from memory\n");
    expect(got.diagnostics).toEqual([]);
    expect(got.successions).toEqual([
      { oldCode: "00W", newCode: "14L", effectiveDate: "2017-04-01", origin: { file: "map.csv", line: 2 } },
      { oldCode: "10Y;x", newCode: "14Y", effectiveDate: null, origin: { file: "map.csv", line: 3 } },
    ]);
  });

  it("reports every problem with its line and column", async () => {
    const got = await read("old_code,new_code,effective_date\n,14L,2017-04-01\nA,B,April 2017\nC,D\n");
    expect(sortDiagnostics(got.diagnostics).map((d) => [d.code, d.line, d.column])).toEqual([
      ["E_EMPTY_ORG_CODE", 2, 1],
      ["E_NOT_A_DATE", 3, 3],
      ["E_ROW_LENGTH", 4, 3],
    ]);
  });

  it.each([
    { text: "from,to\nA,B\n", code: "E_MISSING_COLUMN" },
    { text: "old_code,new_code\n", code: "E_NO_DATA" },
    { text: "", code: "E_EMPTY_FILE" },
  ])("refuses $code", async ({ text, code }) => {
    expect((await read(text)).diagnostics.map((d) => d.code)).toEqual([code]);
  });

  it("reads the shipped 2016 -> 2018 map: 21 codes into 7 successors", async () => {
    const { readFileSync } = await import("node:fs");
    const got = await read(readFileSync(new URL("../../fixtures/maps/ccg-2016-2018-successors.csv", import.meta.url), "utf8"));
    expect(got.diagnostics).toEqual([]);
    expect(got.successions).toHaveLength(21);
    expect(new Set(got.successions.map((s) => s.newCode))).toEqual(new Set(["14L", "15E", "15A", "15C", "14Y", "15D", "15F"]));
  });
});
