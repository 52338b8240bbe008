import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gaussLegendre } from "../../../src/engine/stats/gauss-legendre.js";
import { normalCdf } from "../../../src/engine/stats/normal-cdf.js";
import { Random } from "../../../src/engine/stats/random.js";
import { rankIntervals, type RankIntervalsInput } from "../../../src/engine/stats/rank-intervals.js";
import { studentizedRangeCdf, studentizedRangeQuantile } from "../../../src/engine/stats/studentized-range.js";

const bounds = (input: RankIntervalsInput) => rankIntervals(input).map(({ rank, rankLower, rankUpper }) => [rank, rankLower, rankUpper]);

describe("rankIntervals", () => {
  describe("the single-step critical value with independent equal standard errors is q(1 − α; N, ∞)/√2", () => {
    // All N(N − 1) studentised differences (Z_a − Z_b)/(σ√2): their largest is the range of N
    // normals over √2. The Monte Carlo sd of an estimated p quantile is √(p(1 − p)/R)/f(q), f the
    // density of range/√2 there (numerically differentiated); allow 4 sd.
    const draws = 20_000;
    it.each([3, 10, 20])("N = %d", (n) => {
      const level = 0.95;
      const q = studentizedRangeQuantile(level, n);
      const h = 1e-4;
      const density = (Math.SQRT2 * (studentizedRangeCdf(q + h, n) - studentizedRangeCdf(q - h, n))) / (2 * h);
      const sd = Math.sqrt((level * (1 - level)) / draws) / density;
      const estimates = Array.from({ length: n }, (_, i) => i / 10);
      const [first] = rankIntervals({ estimates, standardErrors: estimates.map(() => 2), better: "higher", kind: "simultaneous", stepdown: false, draws, random: new Random(5) });
      expect(first!.criticalValues).toHaveLength(1);
      expect(Math.abs(first!.criticalValues[0]! - q / Math.SQRT2)).toBeLessThan(4 * sd);
    });
  });

  describe("the single-step marginal critical value with independent equal standard errors", () => {
    // For population i the family is every pair with i, so M = max_j |Z_i − Z_j|/(σ√2) and, given
    // Z_i = σz, P(M <= m) = ∫ φ(z) [Φ(z + m√2) − Φ(z − m√2)]^(N−1) dz: integrated here, inverted by
    // bisection, and compared within 4 Monte Carlo sd as above.
    const cdf = (m: number, n: number): number => {
      const { nodes, weights } = gaussLegendre(16);
      let sum = 0;
      for (let panel = 0; panel < 72; panel++) {
        const middle = -9 + 0.25 * panel + 0.125;
        for (let k = 0; k < 16; k++) {
          const z = middle + 0.125 * nodes[k]!;
          const inside = normalCdf(z + m * Math.SQRT2) - normalCdf(z - m * Math.SQRT2);
          sum += 0.125 * weights[k]! * (Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI)) * inside ** (n - 1);
        }
      }
      return sum;
    };
    it.each([2, 5, 30])("N = %d", (n) => {
      const level = 0.95;
      let low = 0;
      let high = 10;
      for (let i = 0; i < 60; i++) {
        const middle = (low + high) / 2;
        if (cdf(middle, n) < level) low = middle;
        else high = middle;
      }
      const h = 1e-4;
      const density = (cdf(low + h, n) - cdf(low - h, n)) / (2 * h);
      const draws = 20_000;
      const sd = Math.sqrt((level * (1 - level)) / draws) / density;
      const estimates = Array.from({ length: n }, (_, i) => i / 10);
      const [first] = rankIntervals({ estimates, standardErrors: estimates.map(() => 1), better: "higher", kind: "marginal", stepdown: false, draws, random: new Random(6) });
      if (n === 2) expect(low).toBeCloseTo(1.959964, 5);
      expect(Math.abs(first!.criticalValues[0]! - low)).toBeLessThan(4 * sd);
    });
  });

  it.each([
    ["one estimate", [5], [1], [[1, 1, 1]]],
    ["two far apart", [0, 10], [1, 1], [[2, 2, 2], [1, 1, 1]]],
    ["two close together", [0, 0.5], [1, 1], [[2, 1, 2], [1, 1, 2]]],
    ["none", [], [], []],
  ])("%s", (_, estimates, standardErrors, expected) => {
    for (const kind of ["marginal", "simultaneous"] as const) {
      expect(bounds({ estimates, standardErrors, better: "higher", kind, random: new Random(1) })).toEqual(expected);
    }
  });

  it("ranks lower values first when lower is better, as if the estimates were negated", () => {
    const estimates = [3.1, 0.2, 5.5, 2.4, 2.5, 9];
    const standardErrors = [0.5, 1, 0.3, 0.4, 2, 1];
    for (const kind of ["marginal", "simultaneous"] as const) {
      const lower = bounds({ estimates, standardErrors, better: "lower", kind, random: new Random(9) });
      const negated = bounds({ estimates: estimates.map((x) => -x), standardErrors, better: "higher", kind, random: new Random(9) });
      expect(lower).toEqual(negated);
      expect(lower[1]![0]).toBe(1);
    }
  });

  it("gives the same sets for the same seed, and takes a diagonal covariance as standard errors", () => {
    const estimates = [1, 2, 2.5, 4, 7];
    const standardErrors = [0.6, 0.5, 0.9, 1.2, 0.4];
    const input = { estimates, standardErrors, better: "higher", random: new Random(4) } as const;
    const covariance = standardErrors.map((a, i) => standardErrors.map((_, j) => (i === j ? a * a : 0)));
    expect(rankIntervals(input)).toEqual(rankIntervals({ ...input, random: new Random(4) }));
    expect(rankIntervals({ estimates, covariance, better: "higher", random: new Random(4) })).toEqual(rankIntervals({ ...input, random: new Random(4) }));
  });

  it("uses the covariance: positively correlated estimates are told apart more often", () => {
    // Var(θ̂_a − θ̂_b) = 2σ²(1 − ρ): at ρ = 0.99 neighbours 1 apart differ by 7 sd, and are all told apart.
    const estimates = [0, 1, 2, 3, 4, 5];
    const covarianceAt = (rho: number) => estimates.map((_, i) => estimates.map((__, j) => (i === j ? 1 : rho)));
    const width = (rho: number) =>
      rankIntervals({ estimates, covariance: covarianceAt(rho), better: "higher", random: new Random(2) }).reduce((sum, r) => sum + r.rankUpper - r.rankLower, 0);
    expect(width(0.9)).toBeLessThan(width(0));
    expect(bounds({ estimates, covariance: covarianceAt(0.99), better: "higher", kind: "marginal", random: new Random(2) })).toEqual(
      [6, 5, 4, 3, 2, 1].map((rank) => [rank, rank, rank]),
    );
  });

  it("refuses input that is not estimates with standard errors or a covariance of the right shape", () => {
    const random = new Random(1);
    const base = { estimates: [1, 2], better: "higher", random } as const;
    expect(() => rankIntervals(base)).toThrow(/either standardErrors or covariance/);
    expect(() => rankIntervals({ ...base, standardErrors: [1, 1], covariance: [[1, 0], [0, 1]] })).toThrow(/either/);
    expect(() => rankIntervals({ ...base, standardErrors: [1] })).toThrow(/expected 2 standard errors/);
    expect(() => rankIntervals({ ...base, covariance: [[1, 0.5], [0.4, 1]] })).toThrow(/symmetric/);
    expect(() => rankIntervals({ ...base, covariance: [[1, 0]] })).toThrow(/2 × 2/);
    expect(() => rankIntervals({ ...base, estimates: [1, Number.NaN], standardErrors: [1, 1] })).toThrow(/estimate 2/);
    expect(() => rankIntervals({ ...base, standardErrors: [1, 1], level: 1 })).toThrow(/level/);
    expect(() => rankIntervals({ ...base, standardErrors: [0, 0] })).toThrow(/standard error 0/);
    expect(() => rankIntervals({ ...base, standardErrors: [1, -1] })).toThrow(/standard error 2/);
    expect(() => rankIntervals({ ...base, covariance: [[1, 2], [2, 1]] })).toThrow(/no variance/);
    const notCovariance = [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]];
    expect(() => rankIntervals({ ...base, estimates: [1, 2, 3], covariance: notCovariance })).toThrow(/positive semi-definite/);
  });

  describe("laws that hold draw for draw, since every step and set shares one set of draws", () => {
    const problem = fc.record({
      estimates: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 12 }),
      seed: fc.nat(),
      level: fc.constantFrom(0.5, 0.8, 0.95),
    });
    const errorsFor = (n: number, seed: number) => {
      const g = new Random(seed, 7);
      return Array.from({ length: n }, () => 0.2 + g.uniform());
    };

    it("1 <= L <= rank <= U <= N; the stepdown is inside the single step; marginal inside simultaneous", () => {
      fc.assert(
        fc.property(problem, ({ estimates, seed, level }) => {
          const n = estimates.length;
          const standardErrors = errorsFor(n, seed);
          const of = (kind: "marginal" | "simultaneous", stepdown: boolean) =>
            rankIntervals({ estimates, standardErrors, better: "higher", kind, stepdown, level, draws: 200, random: new Random(seed) });
          const marginal = of("marginal", true);
          const simultaneous = of("simultaneous", true);
          const single = of("marginal", false);
          marginal.forEach((m, i) => {
            expect(1 <= m.rankLower && m.rankLower <= m.rank && m.rank <= m.rankUpper && m.rankUpper <= n).toBe(true);
            expect(m.rankLower).toBeGreaterThanOrEqual(simultaneous[i]!.rankLower);
            expect(m.rankUpper).toBeLessThanOrEqual(simultaneous[i]!.rankUpper);
            expect(m.rankLower).toBeGreaterThanOrEqual(single[i]!.rankLower);
            expect(m.rankUpper).toBeLessThanOrEqual(single[i]!.rankUpper);
            const steps = m.criticalValues;
            for (let s = 1; s < steps.length; s++) expect(steps[s]!).toBeLessThanOrEqual(steps[s - 1]!);
          });
        }),
        { numRuns: 60 },
      );
    });
  });
});
