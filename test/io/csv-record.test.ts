import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvRecord } from "../../src/io/output/csv-record.js";
import { formulaSafe } from "../../src/io/output/formula-safe.js";
import { cell } from "../fuzz/arbitraries.js";

// The library with OWASP's formula guard as its cast: csvRecord must be exactly that.
const byLibrary = (fields: string[]) => stringify([fields], { record_delimiter: "\n", cast: { string: formulaSafe } });

describe("csvRecord", () => {
  it.each([
    [["a", "b"], "a,b\n"],
    [["", ""], ",\n"],
    [[""], "\n"],
    [['say "hi"', "x,y"], '"say ""hi""","x,y"\n'],
    [["two\nlines", "cr\r\nlf", "lone cr\r", "tab\tonly"], '"two\nlines","cr\r\nlf",lone cr\r,tab\tonly\n'],
    [["£ é \uFEFF", " padded "], "£ é \uFEFF, padded \n"],
    [['=HYPERLINK("http://x","click")', "-3.5", "@x"], `"'=HYPERLINK(""http://x"",""click"")",-3.5,'@x\n`],
  ])("writes %j as %j, as csv-stringify does", (fields, text) => {
    expect(csvRecord(fields)).toBe(text);
    expect(byLibrary(fields)).toBe(text);
  });

  it("gives csv-stringify's bytes for any fields, awkward cells and arbitrary strings", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(cell, fc.string({ unit: "binary" })), { minLength: 1, maxLength: 12 }), (fields) => {
        expect(csvRecord(fields)).toBe(byLibrary(fields));
      }),
      { seed: 6, numRuns: 3000 },
    );
  });

  it.each(readdirSync("fixtures/fuzz").filter((f) => f.endsWith(".csv")))("gives csv-stringify's bytes for the lines and the whole of fixtures/fuzz/%s", (name) => {
    const text = readFileSync(join("fixtures/fuzz", name), "latin1");
    const fields = [text, ...text.split(/(?=[,;\t])/)];
    expect(csvRecord(fields)).toBe(byLibrary(fields));
  });
});
