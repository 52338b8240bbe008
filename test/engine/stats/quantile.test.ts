import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { quantilesType7, quantileType7, quantileType7Unsorted } from "../../../src/engine/stats/quantile.js";

describe("quantileType7 (R's default)", () => {
  // R: quantile(c(1, 2, 3, 4, 10), c(0, 0.1, 0.25, 0.5, 0.9, 1)) gives 1, 1.4, 2, 3, 7.6, 10.
  it.each([
    [0, 1],
    [0.1, 1.4],
    [0.25, 2],
    [0.5, 3],
    [0.9, 7.6],
    [1, 10],
  ])("quantile(c(1,2,3,4,10), %d) = %d", (p, expected) => {
    expect(quantileType7([1, 2, 3, 4, 10], p)).toBeCloseTo(expected, 14);
  });

  it("matches R on an even-length sample", () => {
    // R: quantile(c(2, 4, 4, 5, 7, 9), c(0.1, 0.75)) gives 3.0, 6.5.
    expect(quantileType7([2, 4, 4, 5, 7, 9], 0.1)).toBeCloseTo(3, 14);
    expect(quantileType7([2, 4, 4, 5, 7, 9], 0.75)).toBeCloseTo(6.5, 14);
  });

  it("sorts a copy and drops NaN in quantilesType7", () => {
    const values = [10, Number.NaN, 3, 1, 4, 2];
    expect(quantilesType7(values, [0.1, 0.9])).toEqual([1.4, 7.6].map((v) => expect.closeTo(v, 14)));
    expect(values[0]).toBe(10);
  });

  it("handles one value, no values and ties with infinities", () => {
    expect(quantileType7([5], 0.3)).toBe(5);
    expect(quantileType7([], 0.5)).toBeNaN();
    expect(quantileType7([Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, 1], 0.25)).toBe(Number.NEGATIVE_INFINITY);
    expect(() => quantileType7([1, 2], 1.5)).toThrow(RangeError);
  });
});

describe("quantileType7Unsorted (selection, not a sort)", () => {
  it("gives quantileType7's number to the bit, ties and infinities included", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, 1, 1, 2)), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          const sorted = [...values].sort((a, b) => a - b);
          const selected = quantileType7Unsorted(Float64Array.from(values), p);
          const expected = quantileType7(sorted, p);
          // === so that 0 and −0 (which may come out in either order) agree; Object.is for NaN.
          expect(selected === expected || Object.is(selected, expected)).toBe(true);
        },
      ),
    );
  });

  it("handles no values and refuses p outside [0, 1]", () => {
    expect(quantileType7Unsorted(new Float64Array(0), 0.5)).toBeNaN();
    expect(() => quantileType7Unsorted(Float64Array.from([1]), -0.1)).toThrow(RangeError);
  });
});
