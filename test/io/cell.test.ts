import { describe, expect, it } from "vitest";
import { cellNumber, parseCell } from "../../src/io/cell.js";

const CASES = [
  ["45.2", false, { kind: "number", value: 45.2 }],
  [" 45.2 ", false, { kind: "number", value: 45.2 }],
  ["-3", false, { kind: "number", value: -3 }],
  ["+3", false, { kind: "number", value: 3 }],
  [".5", false, { kind: "number", value: 0.5 }],
  ["5.", false, { kind: "number", value: 5 }],
  ["1e3", false, { kind: "number", value: 1000 }],
  ["45.2%", true, { kind: "number", value: 45.2 }],
  ["45.2 %", true, { kind: "number", value: 45.2 }],
  ["", false, { kind: "missing", reason: "empty" }],
  ["   ", false, { kind: "missing", reason: "empty" }],
  ...["*", "-", "..", ":", "NA", "na", "n/a", "N/A", "null", "NULL"].map((m) => [m, false, { kind: "missing", reason: "suppressed" }] as const),
  ["45.2%", false, { kind: "invalid" }],
  ["4O.2", false, { kind: "invalid" }],
  ["12,5", false, { kind: "invalid" }],
  ["1,234", false, { kind: "invalid" }],
  ["0x10", false, { kind: "invalid" }],
  ["Infinity", false, { kind: "invalid" }],
  ["NaN", false, { kind: "invalid" }],
  ["1e999", false, { kind: "invalid" }],
  ["%", true, { kind: "invalid" }],
  ["--", false, { kind: "invalid" }],
] as const;

describe("parseCell", () => {
  it.each(CASES)("%j (percent allowed: %s)", (text, percent, expected) => {
    expect(parseCell(text, percent)).toEqual(expected);
  });
});

describe("cellNumber", () => {
  it.each(CASES)("%j (percent allowed: %s): parseCell's number, or NaN", (text, percent, expected) => {
    expect(cellNumber(text, percent)).toBe(expected.kind === "number" ? expected.value : Number.NaN);
  });
});
