import { describe, expect, it } from "vitest";
import { parseGradedTable } from "../../src/io/graded/read-graded-table.js";

describe("parseGradedTable", () => {
  it.each([
    {
      name: "CSV as rate writes it",
      text: 'org_code,org_name,iapt,iapt_band,score,category,notes\n00C,NHS Darlington CCG,42.6,4,3.000,Needs improvement,\n00D,"NHS Durham, Dales",33,4,4.000,Greatest need for improvement,\n',
      rows: [
        { code: "00C", name: "NHS Darlington CCG", period: null, category: "Needs improvement", line: 2 },
        { code: "00D", name: "NHS Durham, Dales", period: null, category: "Greatest need for improvement", line: 3 },
      ],
    },
    {
      name: "CSV with a BOM and a period",
      text: "\uFEFForg_code,period,category\r\nA,2016,Top performing\r\n",
      rows: [{ code: "A", name: "", period: "2016", category: "Top performing", line: 2 }],
    },
    {
      name: "JSON as rate writes it",
      text: JSON.stringify({ organisations: [{ org_code: "A", org_name: "Alpha", category: "Performing well", score: 2 }] }),
      rows: [{ code: "A", name: "Alpha", period: null, category: "Performing well" }],
    },
  ])("reads $name", ({ text, rows }) => {
    expect(parseGradedTable(text, "t")).toEqual({ ok: true, rows });
  });

  it.each([
    { name: "an empty file", text: " \n", code: "E_EMPTY_FILE" },
    { name: "a CSV without a category column", text: "org_code,name\nA,B\n", code: "E_NOT_A_GRADED_TABLE" },
    { name: "JSON without organisations", text: '{"rows":[]}', code: "E_NOT_A_GRADED_TABLE" },
    { name: "JSON rows without a code", text: '{"organisations":[{"category":"x"}]}', code: "E_NOT_A_GRADED_TABLE" },
    { name: "broken JSON", text: '{"organisations":', code: "E_NOT_JSON" },
    { name: "broken CSV", text: 'org_code,category\n"A,B\n', code: "E_CSV_SYNTAX" },
  ])("refuses $name", ({ text, code }) => {
    const read = parseGradedTable(text, "t.csv");
    expect(read).toEqual({ ok: false, diagnostics: [expect.objectContaining({ code, file: "t.csv", line: 1 })] });
  });
});
