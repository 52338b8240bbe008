import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Random } from "../../../src/engine/stats/random.js";
import { StudentizedDifferences } from "../../../src/engine/stats/studentized-differences.js";

/** A covariance matrix A·Aᵀ + diag(d) from a few random loadings, or null (independent). */
const problem = fc
  .record({
    n: fc.integer({ min: 2, max: 25 }),
    seed: fc.nat(),
    full: fc.boolean(),
    equalErrors: fc.boolean(),
    density: fc.double({ min: 0.05, max: 1, noNaN: true }),
  })
  .map(({ n, seed, full, equalErrors, density }) => {
    const g = new Random(seed, 1);
    const variance = Float64Array.from({ length: n }, () => (equalErrors ? 1 : 0.1 + 3 * g.uniform()));
    let covariance: Float64Array | null = null;
    if (full) {
      const loadings = Array.from({ length: n }, () => [g.normal(), g.normal()]);
      covariance = new Float64Array(n * n);
      for (let a = 0; a < n; a++) {
        for (let b = 0; b < n; b++) {
          const shared = loadings[a]![0]! * loadings[b]![0]! + loadings[a]![1]! * loadings[b]![1]!;
          covariance[a * n + b] = shared + (a === b ? variance[a]! : 0);
        }
      }
      for (let a = 0; a < n; a++) variance[a] = covariance[a * n + a]!;
    }
    const words = Math.ceil(n / 32);
    const members = new Uint32Array(n * words);
    const rowCounts = new Int32Array(n);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        if (a !== b && g.uniform() < density) {
          members[a * words + (b >>> 5)]! |= 1 << (b & 31);
          rowCounts[a]!++;
        }
      }
    }
    return { n, seed, variance, covariance, words, members, rowCounts };
  });

const has = (members: Uint32Array, offset: number, b: number): boolean => ((members[offset + (b >>> 5)]! >>> (b & 31)) & 1) === 1;

describe("StudentizedDifferences", () => {
  it("finds the same largest studentised difference over a pair set as trying every pair", () => {
    fc.assert(
      fc.property(problem, ({ n, seed, variance, covariance, words, members, rowCounts }) => {
        const d = new StudentizedDifferences(variance, covariance, 20, new Random(seed));
        for (let r = 0; r < d.draws; r++) {
          let exhaustive = Number.NEGATIVE_INFINITY;
          for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (has(members, a * words, b)) exhaustive = Math.max(exhaustive, d.value(r, a, b));
          expect(d.maxOverSet(r, members, words, rowCounts, Number.NEGATIVE_INFINITY)).toBe(exhaustive);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("finds the same largest difference around one population, both ways, as trying every pair (a set or all)", () => {
    fc.assert(
      fc.property(problem, fc.nat(), ({ n, seed, variance, covariance, members }, pick) => {
        const d = new StudentizedDifferences(variance, covariance, 20, new Random(seed));
        const i = pick % n;
        const words = Math.ceil(n / 32);
        const above = members.subarray(0, words);
        const below = members.subarray((n - 1) * words, n * words);

        for (let r = 0; r < d.draws; r++) {
          let exhaustive = Number.NEGATIVE_INFINITY;
          for (let b = 0; b < n; b++) {
            if (b === i) continue;
            if (has(above, 0, b)) exhaustive = Math.max(exhaustive, d.value(r, i, b));
            if (has(below, 0, b)) exhaustive = Math.max(exhaustive, d.value(r, b, i));
          }
          expect(d.maxAround(r, i, above, below, 0)).toBe(exhaustive);
          let everyPair = Number.NEGATIVE_INFINITY;
          for (let b = 0; b < n; b++) if (b !== i) everyPair = Math.max(everyPair, d.value(r, i, b), d.value(r, b, i));
          expect(d.maxAround(r, i, null, null, 0)).toBe(everyPair);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("finds the largest even when every value in a draw is negative, with negative correlations", () => {
    // Row 0's pairs (0, 1) and (0, 2) only; both values are negative in many draws, where a bound
    // that held only for positive values would stop the search too soon.
    const covariance = Float64Array.from([1, -0.8, -0.5, -0.8, 2, 0.3, -0.5, 0.3, 0.5]);
    const d = new StudentizedDifferences(Float64Array.from([1, 2, 0.5]), covariance, 5000, new Random(8));
    const members = Uint32Array.from([0b110, 0, 0]);
    const rowCounts = Int32Array.from([2, 0, 0]);
    let negative = 0;
    for (let r = 0; r < d.draws; r++) {
      const exhaustive = Math.max(d.value(r, 0, 1), d.value(r, 0, 2));
      if (exhaustive < 0) negative++;
      expect(d.maxOverSet(r, members, 1, rowCounts, Number.NEGATIVE_INFINITY)).toBe(exhaustive);
      expect(d.maxOverRow(r, 0, members, 0, Number.NEGATIVE_INFINITY)).toBe(exhaustive);
    }
    expect(negative).toBeGreaterThan(500);
  });

  it("draws Z with the covariance asked for", () => {
    const covariance = Float64Array.from([1, 0.6, 0.6, 2]);
    const d = new StudentizedDifferences(Float64Array.from([1, 2]), covariance, 40_000, new Random(3));
    let sum = 0;
    let sumSq = 0;
    for (let r = 0; r < d.draws; r++) {
      // value(r, 0, 1)·sd(Z₀ − Z₁) = Z₀ − Z₁, whose variance is 1 + 2 − 2·0.6 = 1.8.
      const v = d.value(r, 0, 1);
      sum += v;
      sumSq += v * v;
    }
    expect(d.sdOfDifference(0, 1)).toBeCloseTo(Math.sqrt(1.8), 15);
    expect(sum / d.draws).toBeCloseTo(0, 1);
    expect(sumSq / d.draws).toBeCloseTo(1, 1);
  });

  it("refuses pairs whose difference has no variance, and negative variances", () => {
    expect(() => new StudentizedDifferences(Float64Array.from([0, 0, 1]), null, 10, new Random(1))).toThrow(/both have standard error 0/);
    expect(() => new StudentizedDifferences(Float64Array.from([1, 1]), Float64Array.from([1, 1, 1, 1]), 10, new Random(1))).toThrow(/no variance/);
    expect(() => new StudentizedDifferences(Float64Array.from([-1, 1]), null, 10, new Random(1))).toThrow(RangeError);
    expect(() => new StudentizedDifferences(Float64Array.from([1, 1]), null, 0, new Random(1))).toThrow(RangeError);
  });
});
