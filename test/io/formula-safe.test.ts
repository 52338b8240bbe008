import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formulaSafe, fromFormulaSafe } from "../../src/io/output/formula-safe.js";

describe("formulaSafe", () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `'=HYPERLINK("http://x","click")`],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["-1+1", "'-1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["'=already quoted", "''=already quoted"],
    ["-3.5", "-3.5"],
    ["+2", "+2"],
    ["-1e-3", "-1e-3"],
    ["NHS Leeds CCG", "NHS Leeds CCG"],
    ["O'Neill Trust", "O'Neill Trust"],
    ["'quoted", "'quoted"],
    ["", ""],
  ])("writes %j as %j", (text, safe) => {
    expect(formulaSafe(text)).toBe(safe);
    expect(fromFormulaSafe(safe)).toBe(text);
  });

  it("is undone by fromFormulaSafe for every text", () => {
    const text = fc.oneof(fc.string(), fc.tuple(fc.constantFrom("'", "''", "=", "+", "-", "@", "\t", "\r", "'-", "'="), fc.string()).map(([a, b]) => a + b));
    fc.assert(
      fc.property(text, (t) => fromFormulaSafe(formulaSafe(t)) === t),
      { seed: 12, numRuns: 5000 },
    );
  });

  it("never leaves a cell that starts like a formula, unless it is a plain number", () => {
    fc.assert(
      fc.property(fc.string(), (t) => !/^[=+\-@\t\r]/.test(formulaSafe(t)) || /^[+-][\d.]/.test(t)),
      { seed: 13, numRuns: 5000 },
    );
  });
});
