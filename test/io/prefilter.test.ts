import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readBuiltinFramework } from "../../src/io/framework/builtin.js";
import { LinePrefilter, simpleCells } from "../../src/io/csv/prefilter.js";
import { DEFAULT_VALUES_OPTIONS, type ValuesOptions } from "../../src/io/values/options.js";
import { readValues } from "../../src/io/values/read-values.js";

const read = readBuiltinFramework("ccg-iaf-2016-17-mental-health");
if (!read.ok) throw new Error("built-in framework does not load");
const framework = read.framework;

/** The bytes in chunks cut at the given offsets, as a file stream would deliver them. */
function chunked(bytes: Buffer, cuts: number[]): Readable {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    if (c > from) pieces.push(bytes.subarray(from, c));
    from = Math.max(from, c);
  }
  return Readable.from(pieces.length > 0 ? pieces : [Buffer.alloc(0)]);
}

async function both(bytes: Buffer, cuts: number[], options: ValuesOptions) {
  const on = await readValues(chunked(bytes, cuts), "f.csv", framework, { ...options, prefilter: true });
  const off = await readValues(chunked(bytes, []), "f.csv", framework, { ...options, prefilter: false });
  return { on, off };
}

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("CCG", "GP", "iapt_recovery", "eip_2wk", "other", "00C", "01A", "2016", "2017", "55.5", "*", "", " ", "12") },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom("a", "C", "G", ",", ";", '"', "\r", "\n", " ", "\t", "£", "é", "\uFEFF"), maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('"CCG"', '"x, y"', '"say ""CCG"""', '"line\nbreak"', '"CR\r\nLF"', 'a"b', '"open', "x\r") },
);
const header = fc.constantFrom(
  ["org_code", "org_name", "indicator", "value", "period", "group"],
  ["group", "org_code", "indicator", "value"],
  ["org_code", "iapt_recovery", "eip_2wk", "group"],
  ["org_code", '"org_name"', "indicator", "value", "group"],
);
const file = fc.record({
  bom: fc.boolean(),
  header,
  delimiter: fc.constantFrom(",", ",", ";", "\t"),
  ending: fc.constantFrom("\n", "\r\n", "\r"),
  rows: fc.array(fc.record({ cells: fc.array(cell, { minLength: 3, maxLength: 7 }), sameLength: fc.boolean(), ending: fc.option(fc.constantFrom("\n", "\r\n", "\r", "\n\n"), { nil: undefined }) }), { maxLength: 25 }),
  finalEnding: fc.boolean(),
});

function render(f: fc.RecordValue<typeof file extends fc.Arbitrary<infer T> ? T : never>): string {
  const lines = f.rows.map((r) => {
    const cells = r.sameLength ? f.header.map((_, i) => r.cells[i % r.cells.length]!) : r.cells;
    return { text: cells.join(f.delimiter), ending: r.ending ?? f.ending };
  });
  let text = (f.bom ? "\uFEFF" : "") + f.header.join(f.delimiter);
  for (const l of lines) text += f.ending + l.text;
  return text.replace(/$/, f.finalEnding ? f.ending : "");
}

describe("LinePrefilter", () => {
  it("gives the same dataset and diagnostics with and without it, on fuzzed files", async () => {
    await fc.assert(
      fc.asyncProperty(
        file,
        fc.array(fc.nat(2000), { maxLength: 4 }),
        fc.constantFrom("CCG", "GP", "iapt_recovery"),
        async (f, cuts, wanted) => {
          const options: ValuesOptions = { ...DEFAULT_VALUES_OPTIONS, where: [{ column: "group", value: wanted }] };
          const { on, off } = await both(Buffer.from(render(f), "utf8"), cuts, options);
          expect(on).toEqual(off);
        },
      ),
      { seed: 20161, numRuns: 1500 },
    );
  });

  it("leaves out most lines of an NHS-like file and keeps the line numbers of the rest", () => {
    const rows = ["a,b,group", "1,x,GP", '2,"y, z",GP', "3,w,CCG", "4,v,GP", '5,"q ""CCG""",GP', "6,u,CCG", ""].join("\n");
    const f = new LinePrefilter(["CCG"], ",");
    const out = f.push(rows.slice(0, 17)) + f.push(rows.slice(17)) + f.end();
    expect(out).toBe('a,b,group\n3,w,CCG\n5,"q ""CCG""",GP\n6,u,CCG\n');
    expect(f.dropped).toBe(3);
    expect([1, 2, 3, 4].map((l) => f.originalLine(l))).toEqual([1, 4, 6, 7]);
  });

  it.each([
    { needles: ['a"b'], why: "a quote in the value" },
    { needles: ["a,b"], why: "the delimiter in the value" },
    { needles: ["a\nb"], why: "a line break in the value" },
    { needles: [""], why: "an empty value" },
  ])("passes everything when $why", ({ needles }) => {
    const f = new LinePrefilter(needles, ",");
    const text = "h1,h2\nx,y\nz,w\n";
    expect(f.push(text) + f.end()).toBe(text);
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
