import { Readable } from "node:stream";
import fc from "fast-check";
import { expect } from "vitest";
import { DiagnosticCode, type Diagnostic } from "../../src/engine/diagnostic-schema.js";

/** Cells an NHS-like values file has, and the awkward things a hand-edited or odd export has. */
export const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("CCG", "GP", "iapt_recovery", "eip_2wk", "other", "00C", "01A", "2016", "2017", "55.5", "*", "", " ", "12", "-3", "1e400") },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom("a", "C", "G", ",", ";", '"', "\r", "\n", " ", "\t", "£", "é", "\uFEFF"), maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('"CCG"', '"x, y"', '"say ""CCG"""', '"line\nbreak"', '"CR\r\nLF"', 'a"b', '"open', "x\r", "x".repeat(3000)) },
);

export const HEADERS = [
  ["org_code", "org_name", "indicator", "value", "period", "group"],
  ["group", "org_code", "indicator", "value"],
  ["org_code", "iapt_recovery", "eip_2wk", "group"],
  ["org_code", '"org_name"', "indicator", "value", "group"],
  ["org_code", "iapt_recovery_numerator", "iapt_recovery_denominator", "eip_2wk", "group", "group"],
  ["indicator", "label", "polarity", "top_performing", "performing_well", "needs_improvement", "weight", "unit"],
];

/** A CSV-ish file: one of a few headers, rows of awkward cells, mixed line ends, BOMs, empty lines. */
export const csvish = fc
  .record({
    bom: fc.boolean(),
    header: fc.constantFrom(...HEADERS),
    delimiter: fc.constantFrom(",", ",", ";", "\t"),
    ending: fc.constantFrom("\n", "\r\n", "\r"),
    rows: fc.array(
      fc.record({
        cells: fc.array(cell, { minLength: 1, maxLength: 9 }),
        sameLength: fc.boolean(),
        ending: fc.option(fc.constantFrom("\n", "\r\n", "\r", "\n\n"), { nil: undefined }),
      }),
      { maxLength: 25 },
    ),
    finalEnding: fc.boolean(),
  })
  .map((f) => {
    let text = (f.bom ? "\uFEFF" : "") + f.header.join(f.delimiter);
    for (const r of f.rows) {
      const cells = r.sameLength ? f.header.map((_, i) => r.cells[i % r.cells.length]!) : r.cells;
      text += (r.ending ?? f.ending) + cells.join(f.delimiter);
    }
    return text + (f.finalEnding ? f.ending : "");
  });

/** Any bytes, or a CSV-ish file's bytes in UTF-8 or (now and then) in another encoding. */
export const fileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
  csvish.map((t) => Buffer.from(t, "utf8")),
  csvish.map((t) => Buffer.from(t, "latin1")),
);

/** The bytes in chunks cut at the given offsets, as a file stream would deliver them. */
export function chunked(bytes: Buffer, cuts: readonly number[]): Readable {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    if (c > from) pieces.push(bytes.subarray(from, c));
    from = Math.max(from, c);
  }
  return Readable.from(pieces);
}

/** Every diagnostic names a known code, a file and a line (and a column, if anything, that is positive). */
export function expectWellFormed(diagnostics: readonly Diagnostic[], file: string): void {
  for (const d of diagnostics) {
    expect(DiagnosticCode.options).toContain(d.code);
    expect(d.file).toBe(file);
    expect(Number.isInteger(d.line) && d.line! >= 1, `line of ${JSON.stringify(d)}`).toBe(true);
    if (d.column !== undefined) expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
  }
}
