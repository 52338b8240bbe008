import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalQuantile } from "../../../src/engine/stats/normal.js";
import { normalCdf } from "../../../src/engine/stats/normal-cdf.js";

describe("normalCdf (Cody's algorithm, as R's pnorm)", () => {
  // R 4.x: pnorm(c(0, 0.5, -1, 1.959963984540054, 3, -5, -10, 7)), and pnorm(7, lower.tail = FALSE).
  it.each([
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [-1, 0.15865525393145707],
    [1.959963984540054, 0.975],
    [3, 0.9986501019683699],
    [-5, 2.866515718791939e-7],
    [-10, 7.619853024160527e-24],
  ])("Φ(%d) = %d", (x, expected) => {
    expect(normalCdf(x)).toBeCloseTo(expected, 15);
    expect(normalCdf(x) / expected).toBeCloseTo(1, 13);
  });

  it("keeps the upper tail's relative precision far out, read as Φ(−x)", () => {
    expect(normalCdf(-7) / 1.279812543885835e-12).toBeCloseTo(1, 13);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });

  it("inverts normalQuantile", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 11);
      }),
    );
  });

  it("is symmetric: Φ(−x) = 1 − Φ(x)", () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
        expect(normalCdf(-x) + normalCdf(x)).toBeCloseTo(1, 15);
      }),
    );
  });
});
