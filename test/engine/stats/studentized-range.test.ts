import { describe, expect, it } from "vitest";
import { normalCdf } from "../../../src/engine/stats/normal-cdf.js";
import { studentizedRangeCdf, studentizedRangeQuantile } from "../../../src/engine/stats/studentized-range.js";

describe("studentised range, df = ∞", () => {
  // Published tables of q(0.95; k, ∞) (e.g. Harter 1960; Montgomery, Design and Analysis of
  // Experiments, Table VII), to the table's 3 decimals.
  it.each([
    [2, 2.772],
    [3, 3.314],
    [10, 4.474],
    [20, 5.012],
  ])("q(0.95; %d, ∞) = %d", (k, table) => {
    expect(studentizedRangeQuantile(0.95, k)).toBeCloseTo(table, 3);
  });

  it("agrees with the exact k = 2 case, the range of two normals being |N(0, 2)|", () => {
    for (const w of [0.1, 1, 2.5, 4]) expect(studentizedRangeCdf(w, 2)).toBeCloseTo(2 * normalCdf(w / Math.SQRT2) - 1, 12);
    expect(studentizedRangeQuantile(0.95, 2)).toBeCloseTo(Math.SQRT2 * 1.959963984540054, 10);
  });

  it("is a distribution function: 0 at 0, rising, 1 at ∞, lower for more groups", () => {
    expect(studentizedRangeCdf(0, 5)).toBe(0);
    expect(studentizedRangeCdf(Number.POSITIVE_INFINITY, 5)).toBe(1);
    let previous = 0;
    for (let w = 0.25; w < 10; w += 0.25) {
      const p = studentizedRangeCdf(w, 5);
      expect(p).toBeGreaterThanOrEqual(previous);
      expect(studentizedRangeCdf(w, 6)).toBeLessThanOrEqual(p);
      previous = p;
    }
    // At w = 9.75, P(W > w) is about k(k − 1)·P(Z₁ − Z₂ > w) = 20·Φ(−9.75/√2) ≈ 5.4e-11.
    expect(1 - previous).toBeCloseTo(20 * normalCdf(-9.75 / Math.SQRT2), 12);
  });

  it("inverts: P(W <= q(p)) = p", () => {
    for (const [p, k] of [[0.5, 4], [0.9, 37], [0.99, 200], [0.95, 2000]] as const) {
      expect(studentizedRangeCdf(studentizedRangeQuantile(p, k), k)).toBeCloseTo(p, 10);
    }
  });

  it("refuses fewer than two groups and a probability outside (0, 1)", () => {
    expect(() => studentizedRangeCdf(1, 1)).toThrow(RangeError);
    expect(() => studentizedRangeQuantile(1, 3)).toThrow(RangeError);
  });
});
