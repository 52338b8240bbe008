import { describe, expect, it } from "vitest";
import { DEFAULT_CATEGORIES } from "../../src/engine/framework/categories.js";
import { readGraded } from "../../src/io/graded/graded-rows.js";

const csv = (rows: string) => `org_code,org_name,score,category,notes\n${rows}`;
const none = { categories: null, period: null };

describe("readGraded: CSV", () => {
  it("reads the rows in code order, with the default categories", async () => {
    const read = await readGraded(csv("B,Bee,2.500,Performing well,\nA,Ay,,Not rated,no values\n"), "g.csv", none);
    expect(read.ok && read.table).toEqual({
      frameworkId: null,
      categories: [...DEFAULT_CATEGORIES],
      period: null,
      rows: [
        { code: "A", name: "Ay", period: null, category: "Not rated", score: null, rank: null, origin: { file: "g.csv", line: 3 } },
        { code: "B", name: "Bee", period: null, category: "Performing well", score: 2.5, rank: null, origin: { file: "g.csv", line: 2 } },
      ],
    });
  });

  it.each([
    {
      name: "a quoted name with a comma",
      text: 'org_code,org_name,iapt,iapt_band,score,category,notes\n00D,"NHS Durham, Dales",33,4,4.000,Greatest need for improvement,\n',
      row: { code: "00D", name: "NHS Durham, Dales", period: null, category: "Greatest need for improvement", score: 4, rank: null, origin: { file: "g.csv", line: 2 } },
    },
    {
      name: "a BOM, CRLF line ends and a period column",
      text: "\uFEFForg_code,period,category\r\nA,2016,Top performing\r\n",
      row: { code: "A", name: "", period: "2016", category: "Top performing", score: null, rank: null, origin: { file: "g.csv", line: 2 } },
    },
  ])("reads $name", async ({ text, row }) => {
    const read = await readGraded(text, "g.csv", none);
    expect(read.ok && read.table.rows).toEqual([row]);
  });

  it.each([
    { name: "no framework: other categories follow the four in order of appearance", categories: null, expected: [...DEFAULT_CATEGORIES, "Outstanding", "Good"] },
    { name: "the framework's categories when given", categories: ["Outstanding", "Good", "Top performing"], expected: ["Outstanding", "Good", "Top performing"] },
  ])("$name", async ({ categories, expected }) => {
    const read = await readGraded(csv("A,,1,Outstanding,\nB,,2,Good,\nC,,1,Top performing,\n"), "g.csv", { categories, period: null });
    expect(read.ok && read.table.categories).toEqual(expected);
  });

  it.each([
    { name: "an unknown category", text: csv("A,,1,Excellent,\n"), options: { categories: ["Good", "Bad"], period: null }, expected: [["E_UNKNOWN_CATEGORY", 2, 4]] },
    { name: "a score that is not a number", text: csv("A,,x,Good,\n"), options: none, expected: [["E_NOT_A_NUMBER", 2, 3]] },
    { name: "a duplicate organisation", text: csv("A,,1,Good,\nA,,1,Good,\n"), options: none, expected: [["E_DUPLICATE_ORG", 3, undefined]] },
    { name: "a missing column", text: "org_code,score\nA,1\n", options: none, expected: [["E_MISSING_COLUMN", 1, 1]] },
    { name: "an empty file", text: " \n", options: none, expected: [["E_EMPTY_FILE", 1, 1]] },
    { name: "broken CSV", text: 'org_code,category\n"A,B\n', options: none, expected: [["E_CSV_SYNTAX", 2, 1]] },
    {
      name: "several periods and none chosen",
      text: "org_code,period,category\nA,2016,Good\nA,2017,Good\n",
      options: none,
      expected: [["E_SEVERAL_PERIODS", undefined, undefined]],
    },
    { name: "a period not in the table", text: "org_code,period,category\nA,2016,Good\n", options: { categories: null, period: "2019" }, expected: [["E_PERIOD_NOT_FOUND", undefined, undefined]] },
  ])("reports $name", async ({ text, options, expected }) => {
    const read = await readGraded(text, "g.csv", options);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual(expected);
  });

  it("reads the league-table rank where the table has one", async () => {
    const read = await readGraded("org_code,score,category,rank,rank_of\nA,1.5,Good,2,9\nB,1.2,Good,1,9\n", "g.csv", none);
    expect(read.ok && read.table.rows.map((r) => [r.code, r.rank])).toEqual([
      ["A", 2],
      ["B", 1],
    ]);
  });

  it.each(["x", "2.5", "0"])("refuses the rank %s", async (rank) => {
    const read = await readGraded(`org_code,category,rank\nA,Good,${rank}\n`, "g.csv", none);
    expect(!read.ok && read.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["E_NOT_A_NUMBER", 2, 3]]);
  });

  it("takes one period of a table with several", async () => {
    const read = await readGraded("org_code,period,category\nA,2016,Good\nA,2017,Bad\n", "g.csv", { categories: ["Good", "Bad"], period: "2017" });
    expect(read.ok && read.table.rows.map((r) => [r.code, r.period, r.category])).toEqual([["A", "2017", "Bad"]]);
    expect(read.ok && read.table.period).toBe("2017");
  });
});

describe("readGraded: JSON", () => {
  const doc = (organisations: unknown[]) =>
    JSON.stringify({ framework: { id: "fw", categories: ["Good", "Bad"] }, summary: [], organisations }, null, 2);

  it("takes the framework id and categories from the file", async () => {
    const read = await readGraded(doc([{ org_code: "A", org_name: "Ay", score: 1, category: "Good", notes: "" }]), "g.json", none);
    expect(read.ok && read.table).toMatchObject({ frameworkId: "fw", categories: ["Good", "Bad"], rows: [{ code: "A", name: "Ay", score: 1, category: "Good" }] });
  });

  it.each([
    { name: "a category not in the file's framework", organisations: [{ org_code: "A", category: "Great" }], code: "E_UNKNOWN_CATEGORY", line: 13 },
    { name: "a row without a category", organisations: [{ org_code: "A" }], code: "E_NOT_A_GRADED_TABLE", line: 11 },
    { name: "a row without a code", organisations: [{ category: "Good" }], code: "E_NOT_A_GRADED_TABLE", line: 11 },
  ])("reports $name at its line", async ({ organisations, code, line }) => {
    const read = await readGraded(doc(organisations), "g.json", none);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.diagnostics[0]).toMatchObject({ code, file: "g.json", line });
  });

  it("reads the league-table rank", async () => {
    const read = await readGraded(doc([{ org_code: "A", category: "Good", rank: 3, rank_of: 9 }, { org_code: "B", category: "Bad" }]), "g.json", none);
    expect(read.ok && read.table.rows.map((r) => [r.code, r.rank])).toEqual([
      ["A", 3],
      ["B", null],
    ]);
  });

  it("refuses JSON that is not a graded table", async () => {
    const read = await readGraded('{"rows": []}', "g.json", none);
    expect(!read.ok && read.diagnostics[0]).toMatchObject({ code: "E_NOT_A_GRADED_TABLE", file: "g.json" });
  });

  it("reports JSON syntax errors with a position", async () => {
    const read = await readGraded('{"framework": }', "g.json", none);
    expect(!read.ok && read.diagnostics[0]).toMatchObject({ code: "E_NOT_JSON", file: "g.json", line: 1 });
  });
});
