import { describe, expect, it } from "vitest";
import { Random, seedKey, streamKey } from "../../../src/engine/stats/random.js";

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: sumSq / n - mean * mean };
}

const N = 40_000;

describe("Random", () => {
  it("gives the same numbers for the same seed and stream, others for another", () => {
    const take = (r: Random) => Array.from({ length: 5 }, () => r.uint32());
    expect(take(new Random(7, 3))).toEqual(take(new Random(7, 3)));
    expect(take(new Random(7, 3))).not.toEqual(take(new Random(7, 4)));
    expect(take(new Random(7, 3))).not.toEqual(take(new Random(8, 3)));
    expect(take(new Random(7, 1, 2))).not.toEqual(take(new Random(7, 2, 1)));
  });

  it("keeps its first numbers fixed across versions (a change would change every published draw)", () => {
    const r = new Random(20161);
    expect([r.uint32(), r.uint32(), r.uint32()]).toEqual([1485519157, 3854219052, 3213889394]);
  });

  it("is xoshiro128**: from the state 1, 2, 3, 4 it gives the reference outputs", () => {
    // The reference C code (prng.di.unimi.it/xoshiro128starstar.c) from s = {1, 2, 3, 4}.
    const r = new Random(0);
    (r as unknown as { s: Int32Array }).s.set([1, 2, 3, 4]);
    expect(Array.from({ length: 6 }, () => r.uint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it("draws uniforms strictly inside (0, 1)", () => {
    const r = new Random(1);
    for (let i = 0; i < 10_000; i++) {
      const u = r.uniform();
      expect(u > 0 && u < 1).toBe(true);
    }
  });

  // Expected moments of each law; the tolerance is about five standard errors of the sample mean/variance.
  it.each([
    { law: "uniform", draw: (r: Random) => r.uniform(), mean: 0.5, variance: 1 / 12 },
    { law: "normal", draw: (r: Random) => r.normal(), mean: 0, variance: 1 },
    { law: "gamma(0.5)", draw: (r: Random) => r.gamma(0.5), mean: 0.5, variance: 0.5 },
    { law: "gamma(3.7)", draw: (r: Random) => r.gamma(3.7), mean: 3.7, variance: 3.7 },
    { law: "beta(0.5, 0.5)", draw: (r: Random) => r.beta(0.5, 0.5), mean: 0.5, variance: 1 / 8 },
    { law: "beta(12.5, 3.5)", draw: (r: Random) => r.beta(12.5, 3.5), mean: 12.5 / 16, variance: (12.5 * 3.5) / (16 * 16 * 17) },
    { law: "poisson(0.3)", draw: (r: Random) => r.poisson(0.3), mean: 0.3, variance: 0.3 },
    { law: "poisson(12)", draw: (r: Random) => r.poisson(12), mean: 12, variance: 12 },
    { law: "poisson(4000)", draw: (r: Random) => r.poisson(4000), mean: 4000, variance: 4000 },
    { law: "binomial(10, 0.3)", draw: (r: Random) => r.binomial(10, 0.3), mean: 3, variance: 2.1 },
    { law: "binomial(17, 0.9)", draw: (r: Random) => r.binomial(17, 0.9), mean: 15.3, variance: 1.53 },
    { law: "binomial(5000, 0.42)", draw: (r: Random) => r.binomial(5000, 0.42), mean: 2100, variance: 1218 },
  ])("draws $law with its mean and variance", ({ draw, mean, variance }) => {
    const r = new Random(99);
    const got = moments(() => draw(r), N);
    expect(Math.abs(got.mean - mean)).toBeLessThan(5 * Math.sqrt(variance / N));
    expect(Math.abs(got.variance - variance)).toBeLessThan(5 * variance * Math.sqrt(2 / N) + 1e-12);
  });

  it.each([
    { n: 0, p: 0.4, want: 0 },
    { n: 30, p: 0, want: 0 },
    { n: 30, p: 1, want: 30 },
    { n: 300, p: 1, want: 300 },
  ])("draws binomial($n, $p) = $want where nothing can vary", ({ n, p, want }) => {
    expect(new Random(5).binomial(n, p)).toBe(want);
  });

  it("keeps binomial draws within 0..n and Poisson draws whole and non-negative", () => {
    const r = new Random(3);
    for (let i = 0; i < 2000; i++) {
      const b = r.binomial(123, 0.77);
      expect(Number.isInteger(b) && b >= 0 && b <= 123).toBe(true);
      const p = r.poisson(57.5);
      expect(Number.isInteger(p) && p >= 0).toBe(true);
    }
  });

  it.each([
    { call: (r: Random) => r.gamma(0) },
    { call: (r: Random) => r.poisson(-1) },
    { call: (r: Random) => r.binomial(2.5, 0.5) },
    { call: (r: Random) => r.binomial(10, 1.5) },
  ])("refuses parameters outside the law's range ($call)", ({ call }) => {
    expect(() => call(new Random(1))).toThrow(RangeError);
  });
});

describe("Random.restart", () => {
  it.each([[[1]], [[1, 7]], [[42, 3, 0, 5]], [[0xffffffff, 2000, 1]]])("restarting at the key of seed and stream %j gives that stream's numbers", (named) => {
    const [seed, ...stream] = named as number[];
    const key = stream.reduce((k, i) => streamKey(k, i), seedKey(seed!));
    const reused = new Random(99);
    reused.uniform();
    reused.restart(key);
    const fresh = new Random(seed!, ...stream);
    expect(Array.from({ length: 8 }, () => reused.uint32())).toEqual(Array.from({ length: 8 }, () => fresh.uint32()));
  });
});
