import { describe, expect, it } from "vitest";
import {
  assignFunnelSignificance,
  assignRatioFunnelSignificance,
  poissonFunnelMean,
  proportionFunnelLimits,
  rateFunnelRow,
  ratioFunnelRow,
  sigmaAdjustment,
} from "../../../src/engine/stats/funnel.js";
import { gammaQuantile } from "../../../src/engine/stats/gamma.js";
import {
  expectWithinRounding,
  halfUnitInLastPlace,
  loadPheVector,
  num,
  reportMaxErrorsAfterAll,
  type Row,
} from "./peer-vectors.js";

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

  it.each(inputs.map((row, i) => [i + 3, cell(row, "Area"), row] as const))(
    "line %i %s significance",
    (_line, _area, row) => {
      expect(assignFunnelSignificance(num(row, "numerator"), num(row, "denominator"), average)).toBe(
        cell(row, "significance"),
      );
    },
  );

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

  it("rejects impossible proportions", () => {
    expect(() => assignFunnelSignificance(-1, 10, 0.5)).toThrow(RangeError);
    expect(() => assignFunnelSignificance(1, 0, 0.5)).toThrow(RangeError);
    expect(() => assignFunnelSignificance(11, 10, 0.5)).toThrow(RangeError);
  });
});

describe("ratio funnels against PHE testdata_funnel_ratio", () => {
  const inputs = loadPheVector("testdata_funnel_ratio_inputs.csv");
  const outputs = loadPheVector("testdata_funnel_ratio_outputs.csv");

  it("reads all 300 areas and 100 funnel points", () => {
    expect(inputs).toHaveLength(300);
    expect(outputs).toHaveLength(100);
  });

  it.each(inputs.map((row, i) => [i + 3, num(row, "obs"), num(row, "expected"), row] as const))(
    "line %i O=%d E=%d significance",
    (_line, observed, expected, row) => {
      expect(assignRatioFunnelSignificance(observed, expected)).toBe(cell(row, "significance"));
    },
  );

  // Printed to 10 significant digits (9 dp below 10); PHE's "count" columns are O/E − 1 and
  // its "isr" columns 100·O/E.
  it.each(outputs.map((row) => [num(row, "Observed_events"), row] as const))("observed %d", (observed, row) => {
    const r = ratioFunnelRow(observed);
    const where = `funnel_ratio observed ${observed}`;
    for (const [line, expected, ratio] of [
      ["lower_2s", r.lower2sExpected, r.lower2sRatio],
      ["upper_2s", r.upper2sExpected, r.upper2sRatio],
      ["lower_3s", r.lower3sExpected, r.lower3sRatio],
      ["upper_3s", r.upper3sExpected, r.upper3sRatio],
    ] as const) {
      expectWithinRounding(expected, cell(row, `${line}_exp_events`), `${where} ${line}_exp_events`);
      expectWithinRounding(ratio - 1, cell(row, `${line}_count`), `${where} ${line}_count`);
      expectWithinRounding(ratio * 100, cell(row, `${line}_isr`), `${where} ${line}_isr`);
    }
  });

  // The bisection resolves v = λ/(1 + O + λ) to 2^-24, i.e. λ to (1 + O)·2^-24/(1 − v)², and the
  // truncated series moves the small tail by up to ~5e-7 relative.
  it("PHE's bisected boundaries are the exact Poisson limits to within the bisection's resolution", () => {
    const checks: [number, number, number][] = [];
    for (const row of outputs) {
      const observed = num(row, "Observed_events");
      checks.push(
        [observed, poissonFunnelMean(observed, 0.025, "upper"), gammaQuantile(0.975, observed + 1)],
        [observed, poissonFunnelMean(observed, 0.025, "lower"), gammaQuantile(0.025, observed)],
        [observed, poissonFunnelMean(observed, 0.001, "upper"), gammaQuantile(0.999, observed + 1)],
        [observed, poissonFunnelMean(observed, 0.001, "lower"), gammaQuantile(0.001, observed)],
      );
    }
    for (const [observed, bisected, exact] of checks) {
      const v = exact / (1 + observed + exact);
      const tolerance = ((1 + observed) * 2 ** -24) / (1 - v) ** 2 + 1e-6 * exact;
      expect(Math.abs(bisected - exact), `O=${observed}: ${bisected} vs exact ${exact}`).toBeLessThanOrEqual(tolerance);
    }
  });

  it("tests O = 0 only against the upper limit", () => {
    expect(assignRatioFunnelSignificance(0, 0.5)).toBe("Not significant");
    expect(assignRatioFunnelSignificance(0, 10)).toBe("Low (0.001)");
  });
});

describe("rate funnels against PHE testdata_funnel_rate_outputs", () => {
  const outputs = loadPheVector("testdata_funnel_rate_outputs.csv");
  const multiplier = 100_000;
  // The test table was made from 3 years of DSR data; only the rounded baseline (the average rate
  // per 100,000) is published, so the average comes from it and its rounding is carried into the
  // tolerance: every value in the table is proportional (or inversely proportional) to it.
  const yearsOfData = 3;
  const baselinePrinted = cell(outputs[0] as Row, "baseline");
  const baselineUncertainty = halfUnitInLastPlace(baselinePrinted) / Number(baselinePrinted);
  const averageRate = Number(baselinePrinted) / multiplier;

  it("reads all 100 funnel points, with one baseline", () => {
    expect(outputs).toHaveLength(100);
    expect(new Set(outputs.map((row) => cell(row, "baseline")))).toEqual(new Set([baselinePrinted]));
  });

  it.each(outputs.map((row) => [num(row, "Events"), row] as const))("events %d", (events, row) => {
    const r = rateFunnelRow(events, averageRate, multiplier, yearsOfData);
    const where = `funnel_rate events ${events}`;
    for (const [line, population, rate] of [
      ["lower_2s", r.lower2sPopulationPerYear, r.lower2sRate],
      ["upper_2s", r.upper2sPopulationPerYear, r.upper2sRate],
      ["lower_3s", r.lower3sPopulationPerYear, r.lower3sRate],
      ["upper_3s", r.upper3sPopulationPerYear, r.upper3sRate],
    ] as const) {
      const printedPopulation = cell(row, `${line}_population_1_year`);
      const printedRate = cell(row, `${line}_limit`);
      expectWithinRounding(
        population,
        printedPopulation,
        `${where} ${line}_population_1_year`,
        baselineUncertainty * Math.abs(Number(printedPopulation)),
      );
      expectWithinRounding(rate, printedRate, `${where} ${line}_limit`, baselineUncertainty * Math.abs(Number(printedRate)));
    }
    expect(cell(row, "method")).toBe("Poisson");
  });
});
