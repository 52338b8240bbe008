import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  ])("%s -> %s", (x, s) => {
    expect(formatValue(x)).toBe(s);
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

  it("leaves the old file untouched and no temporary file when it cannot write", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-"));
    const path = join(dir, "missing-folder", "out.csv");
    await expect(writeFileAtomic(path, "new\n")).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
