import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readBuiltinFramework } from "../../src/io/framework/builtin.js";
import { LinePrefilter, simpleCells } from "../../src/io/rows/csv/prefilter.js";
import { DEFAULT_VALUES_OPTIONS, type ValuesOptions } from "../../src/io/values/options.js";
import { readValues } from "../../src/io/values/read-values.js";
import { cell, chunked, csvish } from "../fuzz/arbitraries.js";

const framework = readBuiltinFramework("ccg-iaf-2016-17-mental-health");

async function both(bytes: Buffer, cuts: number[], options: ValuesOptions) {
  const on = await readValues(chunked(bytes, cuts), "f.csv", framework, { ...options, prefilter: true });
  const off = await readValues(chunked(bytes, []), "f.csv", framework, { ...options, prefilter: false });
  return { on, off };
}

describe("LinePrefilter", () => {
  it("gives the same dataset and diagnostics with and without it, on fuzzed files", async () => {
    await fc.assert(
      fc.asyncProperty(
        csvish,
        fc.array(fc.nat(2000), { maxLength: 4 }),
        fc.constantFrom("CCG", "GP", "iapt_recovery"),
        // Small enough that some lines are longer than a record may be: those are csv-parse's to refuse.
        fc.option(fc.integer({ min: 8, max: 400 }), { nil: undefined }),
        async (text, cuts, wanted, maxRecordBytes) => {
          const options: ValuesOptions = {
            ...DEFAULT_VALUES_OPTIONS,
            where: [{ column: "group", value: wanted }],
            ...(maxRecordBytes === undefined ? {} : { limits: { maxRecordBytes, maxColumns: 10_000 } }),
          };
          const { on, off } = await both(Buffer.from(text, "utf8"), cuts, options);
          expect(on).toEqual(off);
        },
      ),
      { seed: 20161, numRuns: 1500 },
    );
  });

  it("gives the same with cells the reader does not look at passed on empty, on fuzzed files", async () => {
    // "note" and "status" are read by no one. The prefilter is told so once the reader has the header,
    // so the fuzzed rows come after 90 KB of rows it leaves out, and in 8 KB chunks.
    const header = ["org_code", "note", "indicator", "value", "status", "group"];
    const filler = Array.from({ length: 3000 }, (_, i) => `F${i},,iapt_recovery,1,,Other`);
    const file = fc
      .record({
        crlf: fc.boolean(),
        rows: fc.array(fc.record({ cells: fc.array(cell, { minLength: 1, maxLength: 8 }), sameLength: fc.nat(5) }), { maxLength: 40 }),
      })
      .map((f) => {
        const end = f.crlf ? "\r\n" : "\n";
        const lines = f.rows.map((r) => (r.sameLength > 0 ? header.map((_, i) => r.cells[i % r.cells.length]!) : r.cells).join(","));
        return [header.join(","), ...filler, ...lines].join(end) + end;
      });
    await fc.assert(
      fc.asyncProperty(file, fc.constantFrom("CCG", "GP", "iapt_recovery"), async (text, wanted) => {
        const bytes = Buffer.from(text, "utf8");
        const cuts = Array.from({ length: Math.ceil(bytes.length / 8192) }, (_, k) => k * 8192);
        const options: ValuesOptions = { ...DEFAULT_VALUES_OPTIONS, where: [{ column: "group", value: wanted }] };
        const { on, off } = await both(bytes, cuts, options);
        expect(on).toEqual(off);
      }),
      { seed: 20164, numRuns: 200 },
    );
  }, 60_000);

  it("gives the same with cells repeated from the line before passed on empty, on fuzzed files", async () => {
    // Each row repeats some cells of the row before, quoted or not, between rows left out, rows of
    // another length and rows that span lines; chunks cut anywhere. The 90 KB of rows before them are
    // parsed (so the reader has the header and tells the prefilter its columns early on) and not kept.
    const header = ["org_code", "org_name", "indicator", "value", "period", "group"];
    const filler = Array.from({ length: 3000 }, (_, i) => `F${i},,iapt_recovery,1,,CCG or GP`);
    const repeatable = fc.constantFrom("00C", "00D", '"00C"', "Name", "Namf", '"Name, Ltd"', "iapt_recovery", "eip_2wk", "55.5", "55.6", "2016", "2017", "CCG", "GP", "", " ");
    const file = fc
      .record({
        crlf: fc.boolean(),
        first: fc.array(repeatable, { minLength: 6, maxLength: 6 }),
        rows: fc.array(fc.record({ same: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), fresh: fc.array(fc.oneof({ weight: 12, arbitrary: repeatable }, { weight: 1, arbitrary: cell }), { minLength: 6, maxLength: 6 }), odd: fc.nat(9) }), {
          maxLength: 60,
        }),
        cuts: fc.array(fc.nat(), { maxLength: 6 }),
      })
      .map((f) => {
        const end = f.crlf ? "\r\n" : "\n";
        let before: string[] = f.first;
        const lines = [before.join(",")];
        for (const r of f.rows) {
          const cells = before.map((c, i) => (r.same[i] ? c : r.fresh[i]!));
          // Now and then a row of fewer cells, which the prefilter passes untouched.
          lines.push(r.odd === 0 ? cells.slice(0, 4).join(",") : cells.join(","));
          before = cells;
        }
        return { text: [header.join(","), ...filler, ...lines].join(end) + end, cuts: f.cuts };
      });
    await fc.assert(
      fc.asyncProperty(file, fc.constantFrom("CCG", "GP"), async ({ text, cuts }, wanted) => {
        const bytes = Buffer.from(text, "utf8");
        const options: ValuesOptions = { ...DEFAULT_VALUES_OPTIONS, where: [{ column: "group", value: wanted }] };
        const { on, off } = await both(bytes, [...cuts, ...Array.from({ length: Math.ceil(bytes.length / 8192) }, (_, k) => k * 8192)], options);
        expect(on).toEqual(off);
      }),
      { seed: 20165, numRuns: 300 },
    );
  }, 60_000);

  it("passes a kept cell empty where the line passed on before, cut too, has the same bytes, and notes it", () => {
    const f = new LinePrefilter(["CCG"], ",");
    f.push(Buffer.from("org,name,ind,value,group\n"));
    f.keepColumns([0, 1, 2, 3, 4]);
    const rows = [
      "A,Name,i1,5,CCG",
      "A,Name,i2,5,CCG",
      "B,Name,i2,,GP",
      'A,"Name",i3,6,CCG',
      'A,"Name",i3,,CCG',
      'A,"open,CCG',
      'line",x,y,CCG',
      "A,Name,i1,5,CCG",
      "A,Name,i1,5,CCG,extra",
      "A,Name,i1,5,CCG",
      "",
    ].join("\n");
    const out = Buffer.concat([...f.push(Buffer.from(rows)), ...f.end()]).toString();
    expect(out).toBe(['A,Name,i1,5,CCG', ",,i2,,", ',"Name",i3,6,', ",,,,", 'A,"open,CCG', 'line",x,y,CCG', "A,Name,i1,5,CCG", "A,Name,i1,5,CCG,extra", "A,Name,i1,5,CCG", ""].join("\n"));
    // Lines as passed on (the header is 1): B's line was left out, so A's third line follows its second.
    expect([2, 3, 4, 5, 6, 7, 8, 9, 10].map((line) => f.repeats.take(line))).toEqual([0, 0b11011, 0b10001, 0b10111, 0, 0, 0, 0, 0]);
  });

  it("does not empty repeats from column 31 on", () => {
    const header = Array.from({ length: 34 }, (_, i) => `c${i}`);
    const f = new LinePrefilter(["CCG"], ",");
    f.push(Buffer.from(`${header.join(",")}\n`));
    f.keepColumns(header.map((_, i) => i));
    const row = header.map((_, i) => (i === 0 ? "CCG" : `v${i}`)).join(",");
    const out = Buffer.concat([...f.push(Buffer.from(`${row}\n${row}\n`)), ...f.end()]).toString();
    expect(out).toBe(`${row}\n${",".repeat(31)}v31,v32,v33\n`);
    expect(f.repeats.take(3)).toBe(2 ** 31 - 1);
  });

  it("empties the cells of columns not kept, in records plain enough to leave out, and only there", () => {
    const f = new LinePrefilter(["CCG"], ",");
    const header = Buffer.from("org,note,group\n");
    expect(Buffer.concat(f.push(header)).toString()).toBe("org,note,group\n");
    f.keepColumns([0, 2]);
    const rows = ['A,"a, long note",CCG', "B,x,GP", 'C,"open,CCG', 'more",CCG', "D,y,CCG,extra", "E,,CCG", ""].join("\n");
    expect(Buffer.concat([...f.push(Buffer.from(rows)), ...f.end()]).toString()).toBe(['A,,CCG', 'C,"open,CCG', 'more",CCG', "D,y,CCG,extra", "E,,CCG", ""].join("\n"));
  });

  it.each([[[0, 1, 2, 3, 4]], [[0]], [[4]], [[1, 2]], [[0, 1, 3, 4]], [[0, 2, 4]], [[]]])("keeping columns %j, empties the others' cells and keeps every delimiter", (kept) => {
    const f = new LinePrefilter(["CCG"], ",");
    f.push(Buffer.from("a,b,c,d,group\n"));
    f.keepColumns(kept);
    const wanted = [
      ["1", "22", "333", "4444", "CCG"],
      ['"q,1"', "", "x", '"y ""z"""', "CCG2"],
    ];
    const rows = [...wanted, ["5", "6", "7", "8", "GP"]].map((cells) => `${cells.join(",")}\n`).join("");
    const expected = wanted.map((cells) => `${cells.map((c, i) => (kept.includes(i) ? c : "")).join(",")}\n`).join("");
    expect(Buffer.concat([...f.push(Buffer.from(rows)), ...f.end()]).toString()).toBe(expected);
  });

  it("leaves out most lines of an NHS-like file and keeps the line numbers of the rest", () => {
    const rows = ["a,b,group", "1,x,GP", '2,"y, z",GP', "3,w,CCG", "4,v,GP", '5,"q ""CCG""",GP', "6,u,CCG", ""].join("\n");
    const f = new LinePrefilter(["CCG"], ",");
    const bytes = Buffer.from(rows);
    const out = Buffer.concat([...f.push(bytes.subarray(0, 17)), ...f.push(bytes.subarray(17)), ...f.end()]).toString();
    expect(out).toBe('a,b,group\n3,w,CCG\n5,"q ""CCG""",GP\n6,u,CCG\n');
    expect(f.dropped).toBe(3);
    expect([1, 2, 3, 4].map((l) => f.gaps.originalLine(l))).toEqual([1, 4, 6, 7]);
  });

  it.each([
    { needles: ['a"b'], why: "a quote in the value" },
    { needles: ["a,b"], why: "the delimiter in the value" },
    { needles: ["a\nb"], why: "a line break in the value" },
    { needles: [""], why: "an empty value" },
  ])("passes everything when $why", ({ needles }) => {
    const f = new LinePrefilter(needles, ",");
    const text = "h1,h2\nx,y\nz,w\n";
    expect(Buffer.concat([...f.push(Buffer.from(text)), ...f.end()]).toString()).toBe(text);
    expect(f.dropped).toBe(0);
  });

  it.each([
    { line: "a,b,c", cells: 3 },
    { line: "a,,", cells: 3 },
    { line: '"a,b",c', cells: 2 },
    { line: '"a""b",c', cells: 2 },
    { line: '"",""', cells: 2 },
    { line: 'a"b,c', cells: -1 },
    { line: '"a"b,c', cells: -1 },
    { line: '"a,c', cells: -1 },
    { line: '"a" ,c', cells: -1 },
    { line: "", cells: 1 },
  ])("simpleCells($line) = $cells", ({ line, cells }) => {
    expect(simpleCells(line, 0, line.length, ",")).toBe(cells);
  });
});
