import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DiagnosticCollector } from "../../src/engine/diagnostic-collector.js";
import type { Diagnostic } from "../../src/engine/diagnostics.js";
import { diagnosticLines } from "../../src/cli/diagnostic-lines.js";

fc.configureGlobal({ seed: 20161, numRuns: 300 });

const CODES = ["E_NOT_A_NUMBER", "E_DUPLICATE_ORG", "E_EMPTY_ORG_CODE", "W_UNKNOWN_INDICATOR"] as const;
const diagnostic: fc.Arbitrary<Diagnostic> = fc.record({
  code: fc.constantFrom(...CODES),
  line: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
  column: fc.integer({ min: 1, max: 3 }),
  text: fc.string({ maxLength: 3 }),
}).map(({ code, line, column, text }) => ({
  code,
  severity: code.startsWith("W_") ? "warning" : "error",
  message: `m${text}`,
  file: "v.csv",
  ...(line === undefined ? {} : { line, column }),
}));
const cap = fc.integer({ min: 0, max: 4 });
const printed = (diagnostics: readonly Diagnostic[], max: number) => diagnosticLines(DiagnosticCollector.of(diagnostics, 0), max);

describe("collecting under the cap, then printing", () => {
  it("prints what collecting every one, then capping, prints", () => {
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 40 }), cap, (ds, max) => {
        expect(diagnosticLines(DiagnosticCollector.of(ds, max), max)).toBe(printed(ds, max));
      }),
    );
  });

  it("so do parts collected apart and put together in order", () => {
    fc.assert(
      fc.property(fc.array(fc.array(diagnostic, { maxLength: 15 }), { maxLength: 4 }), cap, (parts, max) => {
        const merged = new DiagnosticCollector(max);
        for (const part of parts) merged.absorb(DiagnosticCollector.of(part, max));
        expect(diagnosticLines(merged, max)).toBe(printed(parts.flat(), max));
      }),
    );
  });

  it("so does a collector some were withdrawn from, whenever it says it is exact", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(diagnostic, fc.boolean()), { maxLength: 40 }), cap, (pushed, max) => {
        const c = new DiagnosticCollector(max);
        const seqs = pushed.map(([d]) => c.push(d));
        pushed.forEach(([d, gone], i) => gone && c.withdraw(seqs[i]!, d.code, d.severity));
        const left = pushed.filter(([, gone]) => !gone).map(([d]) => d);
        const shortOfACap = max !== 0 && CODES.some((code) => c.list().filter((d) => d.code === code).length < Math.min(max, left.filter((d) => d.code === code).length));
        expect(c.exact).toBe(!shortOfACap);
        if (c.exact) expect(diagnosticLines(c, max)).toBe(printed(left, max));
      }),
    );
  });
});
