import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectedRanks } from "../../../src/engine/stats/expected-rank.js";
import { normalCdf } from "../../../src/engine/stats/normal-cdf.js";

describe("expectedRanks (Lingsma et al. 2009)", () => {
  it.each([
    // Two estimates 1 apart with standard errors 3 and 4: P(the other is better) = Φ(∓1/5).
    ["two, higher better", [10, 11], [3, 4], "higher", [1 + normalCdf(1 / 5), 1 + normalCdf(-1 / 5)]],
    ["two, lower better", [10, 11], [3, 4], "lower", [1 + normalCdf(-1 / 5), 1 + normalCdf(1 / 5)]],
    ["equal estimates share the middle", [2, 2, 2], [1, 0.5, 2], "higher", [2, 2, 2]],
    ["known exactly: plain ranks", [3, 1, 2], [0, 0, 0], "higher", [1, 3, 2]],
    ["known exactly and tied", [1, 1], [0, 0], "higher", [1.5, 1.5]],
    ["one", [7], [1], "higher", [1]],
  ] as const)("%s", (_, estimates, standardErrors, better, expected) => {
    expect(expectedRanks(estimates, standardErrors, better)).toEqual(expected.map((v) => expect.closeTo(v, 14)));
  });

  it("sums to N(N + 1)/2 and lies within [1, N]", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true })), { minLength: 1, maxLength: 30 }),
        (pairs) => {
          const n = pairs.length;
          const ranks = expectedRanks(pairs.map((p) => p[0]), pairs.map((p) => p[1]), "higher");
          expect(ranks.reduce((a, b) => a + b, 0)).toBeCloseTo((n * (n + 1)) / 2, 9);
          for (const r of ranks) expect(r >= 1 - 1e-12 && r <= n + 1e-12).toBe(true);
        },
      ),
    );
  });

  it("refuses mismatched lengths and values that are not numbers", () => {
    expect(() => expectedRanks([1, 2], [1], "higher")).toThrow(RangeError);
    expect(() => expectedRanks([1, Number.NaN], [1, 1], "higher")).toThrow(/estimate 2/);
    expect(() => expectedRanks([1, 2], [1, -1], "higher")).toThrow(/standard error 2/);
  });
});
