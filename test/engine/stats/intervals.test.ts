import { describe, expect, it } from "vitest";
import { byars } from "../../../src/engine/stats/byar.js";
import { poissonExact } from "../../../src/engine/stats/poisson-exact.js";
import { rateInterval } from "../../../src/engine/stats/poisson-interval.js";
import { wilson } from "../../../src/engine/stats/wilson.js";
import { expectClose, loadPheVector, num, reportMaxErrorsAfterAll } from "./peer-vectors.js";

reportMaxErrorsAfterAll();

const confidenceOf = (label: string): number => Number(label.replace("%", "")) / 100;

describe("Byar's and Wilson against PHE testdata_B_W", () => {
  const rows = loadPheVector("testdata_Byars_Wilson__testdata_B_W.csv");
  it("has the 13 data rows (padding rows skipped)", () => expect(rows).toHaveLength(13));

  it.each(rows.map((row, i) => [i + 2, row] as const))("row %i", (line, row) => {
    const x = num(row, "x");
    const confidence = confidenceOf(row["confidence"] ?? "");
    const result = row["method"] === "Wilson" ? wilson(x, num(row, "n"), confidence) : byars(x, confidence);
    expectClose(result.lower, num(row, "lowercl"), `B_W.lower line ${line}`);
    expectClose(result.upper, num(row, "uppercl"), `B_W.upper line ${line}`);
  });
});

describe("Wilson proportions against PHE testdata_Prop", () => {
  const rows = loadPheVector("testdata_Proportion__testdata_Prop.csv");
  it("has all 19 rows", () => expect(rows).toHaveLength(19));

  it.each(rows.map((row) => [row["Area"], row["statistic"], row] as const))("%s (%s)", (area, statistic, row) => {
    const x = num(row, "Numerator");
    const n = num(row, "Denominator");
    const multiplier = num(row, "multiplier");
    const where = `Prop ${area} ${statistic}`;
    expect(row["method"]).toBe("Wilson");
    expectClose((x / n) * multiplier, num(row, "value"), `${where} value`);
    for (const [confidence, suffix] of [
      [0.95, "95_0cl"],
      [0.998, "99_8cl"],
    ] as const) {
      const interval = wilson(x, n, confidence);
      expectClose(interval.lower * multiplier, num(row, `lower${suffix}`), `${where} lower${suffix}`);
      expectClose(interval.upper * multiplier, num(row, `upper${suffix}`), `${where} upper${suffix}`);
    }
  });
});

describe("crude rates against PHE testdata_Rate", () => {
  const rows = loadPheVector("testdata_Rate__testdata_Rate.csv");
  it("has all 20 rows", () => expect(rows).toHaveLength(20));

  it.each(rows.map((row) => [row["Area"], row["statistic"], row] as const))("%s (%s)", (area, statistic, row) => {
    const x = num(row, "Numerator");
    const n = num(row, "Denominator");
    const multiplier = num(row, "multiplier");
    const where = `Rate ${area} ${statistic}`;
    for (const [confidence, suffix] of [
      [0.95, "95_0cl"],
      [0.998, "99_8cl"],
    ] as const) {
      const rate = rateInterval(x, n, multiplier, confidence);
      // PHE's method column is NA when the count is missing.
      expect(rate.method ?? "", `${where} method`).toBe(row["method"]);
      expectClose(rate.value, num(row, "value"), `${where} value`);
      expectClose(rate.lower, num(row, `lower${suffix}`), `${where} lower${suffix}`);
      expectClose(rate.upper, num(row, `upper${suffix}`), `${where} upper${suffix}`);
    }
  });
});

describe("interval edge cases", () => {
  it("Wilson at confidence 1 is the whole unit interval", () => {
    expect(wilson(3, 10, 1)).toEqual({ lower: 0, upper: 1 });
    expect(wilson(3, 10, 100)).toEqual({ lower: 0, upper: 1 });
  });

  it("Wilson accepts percentages like PHE and gives 0 and 1 at the ends", () => {
    expect(wilson(65, 100, 95)).toEqual(wilson(65, 100, 0.95));
    expect(wilson(0, 10, 0.95).lower).toBe(0);
    expect(wilson(10, 10, 0.95).upper).toBeCloseTo(1, 15);
  });

  it.each([
    [-1, 10],
    [1, 0],
    [1, -5],
    [11, 10],
  ])("Wilson rejects x=%d, n=%d", (x, n) => {
    expect(() => wilson(x, n, 0.95)).toThrow(RangeError);
  });

  it.each([0.5, 0.89, 1.01, 89, 100.5, -95])("rejects confidence %d", (confidence) => {
    expect(() => wilson(1, 10, confidence)).toThrow(RangeError);
    expect(() => rateInterval(1, 1, 1, confidence)).toThrow(RangeError);
  });

  it("Byar's lower limit is NaN (PHE's NA) when the approximation is negative", () => {
    expect(byars(1, 0.998).lower).toBeNaN();
    expect(byars(1, 0.95).lower).toBeGreaterThan(0);
  });

  it("exact Poisson limits for 0 events start at 0, with upper = -ln(tail)", () => {
    const interval = poissonExact(0, 0.95);
    expect(interval.lower).toBe(0);
    expectClose(interval.upper, -Math.log(0.025), "exact0.upper", 1e-14);
  });

  it("switches from exact to Byar's at 10 events", () => {
    expect(rateInterval(9, 1, 1, 0.95).method).toBe("Exact");
    expect(rateInterval(10, 1, 1, 0.95).method).toBe("Byars");
  });

  it("rejects negative counts and non-positive denominators", () => {
    expect(() => rateInterval(-1, 1, 1, 0.95)).toThrow(RangeError);
    expect(() => rateInterval(5, 0, 100000, 0.95)).toThrow(RangeError);
  });
});
