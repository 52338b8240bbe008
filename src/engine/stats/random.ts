import { normalQuantile } from "./normal.js";

/**
 * Seeded pseudo-random numbers for the bootstrap and the rank intervals. The generator is xoshiro128**
 * (Blackman & Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021), 32-bit so that
 * it needs no BigInt, seeded through splitmix32. A stream is named by the run's seed and any number of
 * indices (e.g. the draw number): each draw can be made on any thread, in any order, and give the same
 * numbers, so results never depend on how the work was shared out.
 */
export class Random {
  /**
   * xoshiro's four words, held in a typed array: as plain fields, each new value above 2^30 was a
   * heap number, and a GP-level bootstrap spent more time collecting them than drawing.
   */
  private readonly s = new Int32Array(4);

  constructor(seed: number, ...stream: number[]) {
    let key = seedKey(seed);
    for (const index of stream) key = streamKey(key, index);
    this.restart(key);
  }

  /**
   * Start again as the stream of `key` (from seedKey and streamKey): the same numbers as a new Random of
   * that seed and those indices, without making one. A bootstrap names a stream per draw and observation,
   * hundreds of millions of them at GP level.
   */
  restart(key: number): void {
    const s = this.s;
    // splitmix32's first four outputs from `key`, written out: no closure made per stream.
    s[0] = mix32((key + 0x9e3779b9) >>> 0);
    s[1] = mix32((key + 2 * 0x9e3779b9) >>> 0);
    s[2] = mix32((key + 3 * 0x9e3779b9) >>> 0);
    s[3] = mix32((key + 4 * 0x9e3779b9) >>> 0);
    // xoshiro's state must not be all zero; splitmix32 makes that all but impossible, this makes it impossible.
    if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  }

  /** The next 32 random bits, as an unsigned integer. */
  uint32(): number {
    return this.bits(0);
  }

  /** Uniform on the open interval (0, 1), with 53 random bits: never 0 or 1, so logs and quantiles stay finite. */
  uniform(): number {
    const high = this.bits(5);
    const low = this.bits(6);
    return (high * 67108864 + low + 0.5) / 9007199254740992;
  }

  /**
   * The next output shifted right by `shift`. Shifted by 2 or more it is a small integer to V8, where a
   * full 32-bit number returned from a call is a heap object: one per uniform, collected by the million.
   */
  private bits(shift: number): number {
    const s = this.s;
    const b = s[1]!;
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> shift;
    const t = b << 9;
    s[2]! ^= s[0]!;
    s[3]! ^= b;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /**
   * Standard normal by inversion (Φ⁻¹ of one uniform): one uniform per draw keeps two runs that differ
   * in one value drawing the same underlying numbers (common random numbers), so a better value gives
   * a better draw, not merely another one.
   */
  normal(): number {
    return normalQuantile(this.uniform());
  }

  /**
   * Gamma(shape, 1) by Marsaglia & Tsang, "A simple method for generating gamma variables" (ACM TOMS
   * 26(3), 2000); a shape below 1 is boosted by U^(1/shape), as that paper's section 6 gives.
   */
  gamma(shape: number): number {
    if (!(shape > 0)) throw new RangeError(`gamma: shape must be positive, got ${shape}`);
    if (shape >= 1) return this.marsagliaTsang(shape);
    return this.marsagliaTsang(shape + 1) * Math.pow(this.uniform(), 1 / shape);
  }

  /** Marsaglia & Tsang's method for a shape of at least 1: apart, and not recursive, so that V8 inlines it. */
  private marsagliaTsang(shape: number): number {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
  beta(a: number, b: number): number {
    const x = this.gamma(a);
    return x / (x + this.gamma(b));
  }

  /**
   * Poisson(mean): by inversion of the CDF below a mean of 30 (exact, a handful of uniforms' worth of
   * work), and above it by Gamma-Poisson splitting (Ahrens & Dieter 1974, as Knuth TAOCP vol. 2,
   * 3.4.1 F gives it), which stays exact and takes O(log mean) steps.
   */
  poisson(mean: number): number {
    if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`poisson: mean must be finite and >= 0, got ${mean}`);
    let count = 0;
    let m = mean;
    while (m > 30) {
      const k = Math.floor(m * (7 / 8));
      const x = this.gamma(k);
      if (x > m) return count + this.binomial(k - 1, m / x);
      count += k;
      m -= x;
    }
    return count + this.poissonByInversion(m);
  }

  /**
   * Binomial(n, p): by inversion when n·min(p, 1−p) is small, otherwise by recursive splitting on a
   * Beta order statistic (Knuth TAOCP vol. 2, 3.4.1 F), exact at any n in O(log n) steps.
   */
  binomial(n: number, p: number): number {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomial: n must be a whole number >= 0, got ${n}`);
    if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial: p must be in [0, 1], got ${p}`);
    let count = 0;
    let trials = n;
    let prob = p;
    while (trials > 40) {
      const i = (trials >> 1) + 1;
      const y = this.beta(i, trials + 1 - i);
      if (y >= prob) {
        trials = i - 1;
        prob /= y;
      } else {
        count += i;
        trials -= i;
        prob = (prob - y) / (1 - y);
      }
    }
    return count + this.binomialByInversion(trials, prob);
  }

  private poissonByInversion(mean: number): number {
    let k = 0;
    let term = Math.exp(-mean);
    let cumulative = term;
    const u = this.uniform();
    while (u > cumulative && term > 0) {
      k++;
      term *= mean / k;
      cumulative += term;
    }
    return k;
  }

  private binomialByInversion(n: number, p: number): number {
    if (p === 0 || n === 0) return 0;
    if (p === 1) return n;
    const flip = p > 0.5;
    const q = flip ? 1 - p : p;
    const ratio = q / (1 - q);
    let k = 0;
    let term = Math.pow(1 - q, n);
    let cumulative = term;
    const u = this.uniform();
    while (u > cumulative && k < n) {
      term *= (ratio * (n - k)) / (k + 1);
      k++;
      cumulative += term;
    }
    return flip ? n - k : k;
  }
}

/** The key of the stream of a seed alone: `new Random(seed)` starts at restart(seedKey(seed)). */
export function seedKey(seed: number): number {
  return mix32(seed >>> 0);
}

/** The key of stream `index` within the stream of `key`: `new Random(seed, i, j)` is restart(streamKey(streamKey(seedKey(seed), i), j)). */
export function streamKey(key: number, index: number): number {
  return mix32((key ^ (index >>> 0)) >>> 0);
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The finaliser of splitmix32 / MurmurHash3's fmix32: every input bit moves every output bit. */
function mix32(x: number): number {
  let z = x >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
