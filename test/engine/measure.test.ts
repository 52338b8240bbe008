import { describe, expect, it } from "vitest";
import { measure } from "../../src/engine/dataset/measure.js";
import type { Observation } from "../../src/engine/dataset/schema.js";
import { Indicator } from "../../src/engine/framework/schema.js";

const indicator = (unit: string, minDenominator?: number) =>
  Indicator.parse({ id: "x", label: "X", polarity: "higher", unit, minDenominator, scoring: { method: "thresholds", cuts: [1, 0] } });

describe("measure", () => {
  it.each<[string, Observation | undefined, unknown]>([
    ["%", { value: 45.2 }, { kind: "value", value: 45.2 }],
    ["%", { value: null, missing: "suppressed" }, { kind: "missing", reason: "suppressed" }],
    ["%", { value: null, missing: "empty" }, { kind: "missing", reason: "no value" }],
    ["%", undefined, { kind: "missing", reason: "no value" }],
    // multiply before dividing: 57/100*100 would be 56.99999999999999
    ["%", { value: null, numerator: 57, denominator: 100 }, { kind: "value", value: 57 }],
    ["%", { value: null, numerator: 333, denominator: 1000 }, { kind: "value", value: 33.3 }],
    ["%", { value: null, numerator: 7, denominator: 7 }, { kind: "value", value: 100 }],
    ["%", { value: null, numerator: 0, denominator: 7 }, { kind: "value", value: 0 }],
    ["per 1000", { value: null, numerator: 3, denominator: 1000 }, { kind: "value", value: 3 }],
    ["per 100000", { value: null, numerator: 3, denominator: 60000 }, { kind: "value", value: 5 }],
    ["ratio", { value: null, numerator: 12, denominator: 10 }, { kind: "value", value: 1.2 }],
  ])("%s %j", (unit, obs, expected) => {
    expect(measure(indicator(unit), obs)).toEqual(expected);
  });

  it.each([
    ["%", { value: null, numerator: 21, denominator: 20 }, "E_NUMERATOR_GT_DENOMINATOR"],
    ["per 1000", { value: null, numerator: 1001, denominator: 1000 }, "E_NUMERATOR_GT_DENOMINATOR"],
    ["%", { value: null, numerator: -1, denominator: 20 }, "E_NEGATIVE_COUNT"],
    ["ratio", { value: null, numerator: 1, denominator: -2 }, "E_NEGATIVE_COUNT"],
    ["%", { value: null, numerator: 0, denominator: 0 }, "E_ZERO_DENOMINATOR"],
  ] as const)("%s %j is %s", (unit, obs, code) => {
    const m = measure(indicator(unit), { ...obs, origin: { file: "v.csv", line: 3, column: 4 } });
    expect(m.kind).toBe("invalid");
    if (m.kind === "invalid") expect(m.diagnostic).toMatchObject({ code, file: "v.csv", line: 3, severity: "error" });
  });

  it("leaves a value with too small a denominator unscored", () => {
    expect(measure(indicator("%", 20), { value: null, numerator: 5, denominator: 12 })).toEqual({
      kind: "missing",
      reason: "denominator 12 below minimum 20",
    });
    expect(measure(indicator("%", 20), { value: null, numerator: 5, denominator: 20 })).toEqual({ kind: "value", value: 25 });
  });

  it("every fraction n/d with d <= 1000 on an integer cut meets the cut exactly", () => {
    for (let d = 1; d <= 1000; d++) {
      for (const cut of [10, 25, 40, 45, 50, 55, 57, 60, 75]) {
        if ((cut * d) % 100 !== 0) continue;
        const n = (cut * d) / 100;
        expect(measure(indicator("%"), { value: null, numerator: n, denominator: d })).toEqual({ kind: "value", value: cut });
      }
    }
  });
});
