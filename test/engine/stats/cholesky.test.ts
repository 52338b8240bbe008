import { describe, expect, it } from "vitest";
import { cholesky } from "../../../src/engine/stats/cholesky.js";

function product(factor: Float64Array, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += factor[i * n + k]! * factor[j * n + k]!;
      out.push(sum);
    }
  }
  return out;
}

describe("cholesky", () => {
  it.each([
    ["a 2 × 2", [4, 2, 2, 3], 2],
    ["an equicorrelated 3 × 3", [1, 0.5, 0.5, 0.5, 1, 0.5, 0.5, 0.5, 1], 3],
    ["a singular one (the third is the sum of the first two)", [1, 0, 1, 0, 1, 1, 1, 1, 2], 3],
  ])("L·Lᵀ gives back %s, with L lower triangular", (_, entries, n) => {
    const factor = cholesky(Float64Array.from(entries), n);
    expect(product(factor, n)).toEqual(entries.map((v) => expect.closeTo(v, 12)));
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(factor[i * n + j]).toBe(0);
  });

  it("gives the textbook factor of [[4, 2], [2, 3]]", () => {
    expect([...cholesky(Float64Array.from([4, 2, 2, 3]), 2)]).toEqual([2, 0, 1, expect.closeTo(Math.SQRT2, 15)]);
  });

  it("refuses a matrix that is not positive semi-definite, or of the wrong size", () => {
    expect(() => cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(RangeError);
    expect(() => cholesky(Float64Array.from([1, 0, 0]), 2)).toThrow(RangeError);
  });
});
