import { describe, expect, it } from "vitest";
import { Indicator } from "../../src/engine/framework/schema.js";
import { hasControlLimits } from "../../src/report/indicator-plot.js";

const indicator = (unit: string, standard?: number) =>
  Indicator.parse({ id: "x", label: "X", polarity: "higher", unit, ...(standard === undefined ? {} : { standard }), scoring: { method: "thresholds", cuts: [1, 0] } });

describe("hasControlLimits", () => {
  it.each([
    ["%", 50, true],
    ["%", undefined, false],
    ["%", 0, false],
    ["%", 100, false],
    ["per 1000", 4.2, true],
    ["per 100000", 250, true],
    ["count", 5, false],
    ["ratio", 1, false],
    ["score", 2, false],
  ] as const)("unit %s with standard %s: %s", (unit, standard, expected) => {
    expect(hasControlLimits(indicator(unit, standard))).toBe(expected);
  });
});
