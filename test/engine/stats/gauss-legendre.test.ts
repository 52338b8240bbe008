import { describe, expect, it } from "vitest";
import { gaussLegendre } from "../../../src/engine/stats/gauss-legendre.js";

describe("gaussLegendre", () => {
  // An n-point rule integrates every polynomial of degree <= 2n − 1 exactly: ∫ x^d over [−1, 1] is
  // 2/(d + 1) for even d and 0 for odd d.
  it.each([1, 2, 5, 16, 20])("the %d-point rule is exact up to degree 2n − 1", (n) => {
    const { nodes, weights } = gaussLegendre(n);
    for (let degree = 0; degree <= 2 * n - 1; degree++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += weights[i]! * nodes[i]! ** degree;
      expect(sum).toBeCloseTo(degree % 2 === 0 ? 2 / (degree + 1) : 0, 13);
    }
  });

  it("has the textbook 2-point nodes ±1/√3 and weights 1", () => {
    const { nodes, weights } = gaussLegendre(2);
    expect([...nodes]).toEqual([-1 / Math.sqrt(3), 1 / Math.sqrt(3)].map((v) => expect.closeTo(v, 15)));
    expect([...weights]).toEqual([expect.closeTo(1, 15), expect.closeTo(1, 15)]);
  });

  it("refuses a rule of no points", () => {
    expect(() => gaussLegendre(0)).toThrow(RangeError);
  });
});
