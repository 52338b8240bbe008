import { describe, expect, it } from "vitest";
import { proportionFunnelLimits, sigmaAdjustment } from "../../../src/engine/stats/funnel.js";
import { expectWithinRounding, loadPheVector, num, reportMaxErrorsAfterAll, type Row } from "./peer-vectors.js";

reportMaxErrorsAfterAll();

const cell = (row: Row, column: string): string => {
  const value = row[column];
  if (value === undefined) throw new Error(`no column ${column}`);
  return value;
};

describe("proportion funnels against PHE testdata_funnel_prop", () => {
  const inputs = loadPheVector("testdata_funnel_prop_inputs.csv");
  const outputs = loadPheVector("testdata_funnel_prop_outputs.csv");
  const sum = (column: string): number => inputs.reduce((total, row) => total + num(row, column), 0);
  const average = sum("numerator") / sum("denominator");

  it("reads all 303 areas (quoted names with commas) and 100 funnel points", () => {
    expect(inputs).toHaveLength(303);
    expect(outputs).toHaveLength(100);
  });

  // The outputs are printed to 6 dp, so each value is checked to within that rounding.
  it.each(outputs.map((row) => [num(row, "Population"), row] as const))("population %d limits", (population, row) => {
    const limits = proportionFunnelLimits(population, average);
    const where = `funnel_prop population ${population}`;
    expectWithinRounding(limits.lower2s, cell(row, "Lower2s0025limit"), `${where} lower 2s`);
    expectWithinRounding(limits.upper2s, cell(row, "Upper2s0025limit"), `${where} upper 2s`);
    expectWithinRounding(limits.lower3s, cell(row, "Lower3s0001limit"), `${where} lower 3s`);
    expectWithinRounding(limits.upper3s, cell(row, "Upper3s0001limit"), `${where} upper 3s`);
    expectWithinRounding(limits.baseline, cell(row, "Baseline"), `${where} baseline`);
  });

  it("clamps as PHE does: negative lower lines at small populations become 0", () => {
    expect(sigmaAdjustment(0.999, 1, average, "low", 100)).toBeLessThan(0);
    expect(proportionFunnelLimits(1, average).lower3s).toBe(0);
    expect(sigmaAdjustment(0.975, 1, average, "high", 100)).toBeGreaterThan(100);
    expect(proportionFunnelLimits(1, average).upper2s).toBe(100);
  });

  it("keeps PHE's quirk of clamping upper lines at 100 whatever the multiplier", () => {
    const perThousand = proportionFunnelLimits(100, average, 1000);
    expect(sigmaAdjustment(0.975, 100, average, "high", 1000)).toBeGreaterThan(100);
    expect(perThousand.upper2s).toBe(100);
  });
});
