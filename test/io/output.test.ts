import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/io/output/atomic-write.js";
import { formatFixed, formatValue } from "../../src/io/output/format-number.js";

describe("formatValue", () => {
  it.each([
    [57, "57"],
    [56.99999999999999, "57"],
    [45.2, "45.2"],
    [1 / 3, "0.333333"],
    [200 / 3, "66.666667"],
    [0.0000004, "0"],
    [-0.0000004, "0"],
    [-2.5, "-2.5"],
    [1234567.125, "1234567.125"],
    [100, "100"],
    [1e30, "1e+30"],
    [1.5e21, "1.5e+21"],
    [-1e21, "-1e+21"],
    // Exponent form: its zeros are not decimals to drop.
    [1.5e300, "1.5e+300"],
    [2.5e40, "2.5e+40"],
    [-1.0815485005262277e150, "-1.0815485005262277e+150"],
  ])("%s -> %s", (x, s) => {
    expect(formatValue(x)).toBe(s);
  });
});

describe("a number read back from its text", () => {
  // The CSV writes a cell's text and JSON the number read back from it: the same text either way.
  it("is written the same again, by formatValue and by formatFixed", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -1e4, max: 1e4 }), fc.integer().map((n) => n / 1000)), (x) => {
        expect(formatValue(Number(formatValue(x)))).toBe(formatValue(x));
        expect(formatFixed(Number(formatFixed(x, 3)), 3)).toBe(formatFixed(x, 3));
      }),
      { seed: 7, numRuns: 50000 },
    );
  });
});

describe("formatValue against a plain regular-expression version", () => {
  const reference = (x: number) => {
    const fixed = x.toFixed(6);
    const s = fixed.includes(".") && !fixed.includes("e") ? fixed.replace(/\.?0+$/, "") : fixed;
    return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
  };
  it.each([0, -0, 100, -100, 0.5, 1e21, 1e30, -1e30, 1.5e300, NaN, Infinity, -Infinity, 1e-7, -1e-7, 123456789012.123456, 1e-6, -1e-6, 1.5e-6, 5e-7, 2 ** 31, 2 ** 31 - 0.5, -(2 ** 31) + 0.25, 2147483647.123456, 12.3456785, 0.05, -0.05, 0.1234, 1.234567, 0.000001, 999.999, 2147483647.5, 53.7])("%s", (x) => {
    expect(formatValue(x)).toBe(reference(x));
  });
  it("agrees on any double", () => {
    fc.assert(
      fc.property(fc.oneof(
          fc.double(),
          fc.integer().map((n) => n / 1000),
          fc.double({ min: -1e3, max: 1e3 }),
          // A few decimals at every size up to past 2^31, where formatValue stops taking the shortest form.
          fc.tuple(fc.integer({ min: -(2 ** 34), max: 2 ** 34 }), fc.integer({ min: 0, max: 9 })).map(([n, k]) => n / 10 ** k),
          fc.double({ min: -1e-5, max: 1e-5 }),
        ), (x) => formatValue(x) === reference(x)),
      { seed: 6, numRuns: 50000 },
    );
  });
});

describe("formatFixed", () => {
  it.each([
    [1.5, 3, "1.500"],
    [2, 3, "2.000"],
    [1 / 3, 3, "0.333"],
    [-0.0001, 3, "0.000"],
  ])("%s to %s decimals -> %s", (x, d, s) => {
    expect(formatFixed(x, d)).toBe(s);
  });
});

describe("writeFileAtomic", () => {
  it("replaces a file whole and leaves no temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-"));
    const path = join(dir, "out.csv");
    writeFileSync(path, "old\n");
    await writeFileAtomic(path, "new\n");
    expect(readFileSync(path, "utf8")).toBe("new\n");
    expect(readdirSync(dir)).toEqual(["out.csv"]);
  });

  it("writes text in pieces as the UTF-8 of the pieces joined, whatever splits them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-"));
    const path = join(dir, "out.csv");
    // Pieces of every size around the megabyte slices, with 2-, 3- and 4-byte characters, surrogate
    // pairs split between two pieces, a lone surrogate, and a piece larger than a slice.
    const pieces = ["é", "\u{1F600}".slice(0, 1), "\u{1F600}".slice(1), "x\uD800y"];
    for (let i = 0; i < 3000; i++) pieces.push(`${"a".repeat(i % 700)}€,${i}`, `\u{1F4A9}`.slice(0, 1), `\u{1F4A9}`.slice(1) + "\n");
    pieces.push("b".repeat(1_500_000) + "ü", "end\uDBFF");
    await writeFileAtomic(path, pieces);
    expect(readFileSync(path).equals(Buffer.from(pieces.join(""), "utf8"))).toBe(true);
    expect(readdirSync(dir)).toEqual(["out.csv"]);
  });

  it("writes bytes as they are", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-"));
    const path = join(dir, "out.xlsx");
    const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]);
    await writeFileAtomic(path, bytes);
    expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
    expect(readdirSync(dir)).toEqual(["out.xlsx"]);
  });

  it("leaves the old file untouched and no temporary file when it cannot write", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-"));
    const path = join(dir, "missing-folder", "out.csv");
    await expect(writeFileAtomic(path, "new\n")).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
