import { cholesky } from "./cholesky.js";
import { normalCdf } from "./normal-cdf.js";
import type { Random } from "./random.js";

/** Draws correlated together; see correlate. */
const CHUNK = 16;
/**
 * The bound falls along a search, so it need only be tested at members of the set, where a value
 * could be taken, and (so that a sparse set's search still ends soon after the bound passes) at one
 * position in every 16; a mask of the position's low bits.
 */
const CHECK_EVERY = 15;

/**
 * The parametric bootstrap behind csranks' critical values (R/diffmeans.R, csdiffmeans: LInv):
 * draws Z ~ N(0, Σ) and, for a set I of ordered pairs (a, b), the largest studentised difference
 * (Z_a − Z_b) / sd(θ̂_a − θ̂_b) over I in each draw.
 *
 * csranks takes that maximum by forming every difference in I, R·|I| work per step; for thousands
 * of estimates that is too slow, so each draw's values are sorted once and a pair set is searched
 * from its most extreme members with an upper bound that stops the search as soon as no remaining
 * pair can beat the largest found. The maximum is the same number either way (the tests hold it to
 * the exhaustive one). Each draw is kept standardised, u_a = Z_a/σ_a, and ordered by u; with ρ⁺ the
 * largest positive correlation of a with any other (0 for independent estimates),
 * s_ab >= √((1 − ρ⁺)(σ_a² + σ_b²)), so for a fixed,
 *   (σ_a u_a − σ_b u_b) / s_ab <= max(0, max over σ_b in [smallest σ, largest σ] of
 *                                  (σ_a u_a − σ_b u_b) / √(σ_a² + σ_b²)) / √(1 − ρ⁺),
 * which falls as u_b rises (spreadBound; when it is not positive, the pair's value is not either, and
 * with independent estimates it is that bound itself); across rows, it is at most √(u_a⁺² + u_b⁻²) / √(1 − ρ⁺)
 * (Cauchy–Schwarz). With equal standard errors and no correlation the bound is exact and a search
 * stops at the first member of the set.
 */
export class StudentizedDifferences {
  readonly size: number;
  readonly draws: number;
  private readonly diagonal: boolean;
  private readonly variance: Float64Array;
  private readonly sd: Float64Array;
  private readonly sdLow: number;
  private readonly sdHigh: number;
  private readonly covariance: Float64Array;
  private readonly smallestVariance: number;
  /** sd(θ̂_a − θ̂_b)'s smallest value over b, with a full Σ. */
  private readonly smallestSd: Float64Array;
  /** 1/√(1 − ρ⁺) for each estimate, and the largest of them. */
  private readonly widening: Float64Array;
  private readonly widest: number;
  /** Draw r's standardised value u_a = Z_a/σ_a (0 when σ_a = 0) at r·size + a. */
  private readonly key: Float64Array;
  /** Draw r's estimates in ascending order of key, at r·size … r·size + size − 1. */
  private readonly order: Int32Array;

  /**
   * @param covariance Σ row-major (size × size), or null for independent estimates with the given variances.
   * @param variance the diagonal of Σ.
   */
  constructor(variance: Float64Array, covariance: Float64Array | null, draws: number, random: Random) {
    const n = variance.length;
    if (!Number.isInteger(draws) || draws < 1) throw new RangeError(`draws must be a whole number >= 1, got ${draws}`);
    this.size = n;
    this.draws = draws;
    this.diagonal = covariance === null;
    this.variance = variance;
    this.sd = variance.map(Math.sqrt);
    this.sdLow = this.sd.reduce((low, sd) => Math.min(low, sd), Number.POSITIVE_INFINITY);
    this.sdHigh = this.sd.reduce((high, sd) => Math.max(high, sd), 0);
    this.covariance = covariance ?? new Float64Array(0);
    this.smallestVariance = variance.reduce((low, v) => Math.min(low, v), Number.POSITIVE_INFINITY);
    this.smallestSd = new Float64Array(this.diagonal ? 0 : n);
    this.widening = new Float64Array(n).fill(1);
    this.checkDifferences();
    this.widest = this.widening.reduce((widest, w) => Math.max(widest, w), 1);
    this.key = new Float64Array(draws * n);
    const factor = covariance === null ? null : cholesky(covariance, n);
    if (factor === null) {
      for (let i = 0; i < draws * n; i++) this.key[i] = random.normal();
    } else {
      this.correlate(factor, draws, random);
    }
    this.order = new Int32Array(draws * n);
    const scratch = { bucketOf: new Int32Array(n), starts: new Int32Array(n + 1) };
    for (let r = 0; r < draws; r++) {
      orderByNormalValue(this.key.subarray(r * n, (r + 1) * n), this.order.subarray(r * n, (r + 1) * n), scratch);
    }
  }

  /**
   * key = (L·ε)/σ for each draw, ε standard normal, drawn draw after draw. The draws are worked out
   * CHUNK at a time so that each row of L (N²/2 numbers in all, too many for a cache) is read from
   * memory once per chunk rather than once per draw.
   */
  private correlate(factor: Float64Array, draws: number, random: Random): void {
    const n = this.size;
    const normals = new Float64Array(CHUNK * n);
    for (let first = 0; first < draws; first += CHUNK) {
      const count = Math.min(CHUNK, draws - first);
      for (let i = 0; i < count * n; i++) normals[i] = random.normal();
      for (let a = 0; a < n; a++) {
        const row = a * n;
        const sd = this.sd[a]!;
        for (let d = 0; d < count; d++) {
          const draw = d * n;
          let sum = 0;
          for (let k = 0; k <= a; k++) sum += factor[row + k]! * normals[draw + k]!;
          this.key[(first + d) * n + a] = sd > 0 ? sum / sd : 0;
        }
      }
    }
  }

  /** sd(θ̂_a − θ̂_b) = √(Σ_aa + Σ_bb − 2Σ_ab), csranks' calculate_difference_sds. */
  sdOfDifference(a: number, b: number): number {
    const n = this.size;
    if (this.diagonal) return Math.sqrt(this.variance[a]! + this.variance[b]!);
    return Math.sqrt(this.variance[a]! + this.variance[b]! - 2 * this.covariance[a * n + b]!);
  }

  /** Draw r's studentised difference of the pair (a, b). */
  value(r: number, a: number, b: number): number {
    const base = r * this.size;
    return (this.sd[a]! * this.key[base + a]! - this.sd[b]! * this.key[base + b]!) / this.sdOfDifference(a, b);
  }

  /**
   * The larger of `best` and draw r's largest studentised difference (a, b) over the b whose bit is
   * set in `members` from word `offset`, or over every b when `members` is null (b = a is never a pair).
   */
  maxOverRow(r: number, a: number, members: Uint32Array | null, offset: number, best: number): number {
    const n = this.size;
    const base = r * n;
    const sd = this.sd[a]!;
    const fixedValue = sd * this.key[base + a]!;
    const widening = this.widening[a]!;
    for (let p = 0; p < n; p++) {
      const b = this.order[base + p]!;
      const member = b !== a && (members === null || ((members[offset + (b >>> 5)]! >>> (b & 31)) & 1) === 1);
      if (!member && (p & CHECK_EVERY) !== 0) continue;
      const spread = this.spreadBound(fixedValue, sd, this.key[base + b]!);
      if ((spread > 0 ? spread * widening : this.diagonal ? spread : 0) <= best) break;
      if (!member) continue;
      const v = this.value(r, a, b);
      if (v > best) best = v;
    }
    return best;
  }

  /** As maxOverRow, for the pairs (a, b) with b fixed and a's bit set in `members` from word `offset`. */
  maxOverColumn(r: number, b: number, members: Uint32Array | null, offset: number, best: number): number {
    const n = this.size;
    const base = r * n;
    const sd = this.sd[b]!;
    const fixedValue = -sd * this.key[base + b]!;
    const widening = this.widening[b]!;
    for (let p = n - 1; p >= 0; p--) {
      const a = this.order[base + p]!;
      const member = a !== b && (members === null || ((members[offset + (a >>> 5)]! >>> (a & 31)) & 1) === 1);
      if (!member && (p & CHECK_EVERY) !== 0) continue;
      const spread = this.spreadBound(fixedValue, sd, -this.key[base + a]!);
      if ((spread > 0 ? spread * widening : this.diagonal ? spread : 0) <= best) break;
      if (!member) continue;
      const v = this.value(r, a, b);
      if (v > best) best = v;
    }
    return best;
  }

  /**
   * The larger of `best` and draw r's largest studentised difference over a whole pair set, held as
   * one bit row per estimate (row a from word a·words) with rowCounts[a] pairs in row a.
   */
  maxOverSet(r: number, members: Uint32Array, words: number, rowCounts: Int32Array, best: number): number {
    const n = this.size;
    const base = r * n;
    // Rows from the largest u down: once even the most negative u in the draw cannot lift a row's
    // bound above `best`, no later row can either.
    const lowest = Math.max(0, -this.key[base + this.order[base]!]!);
    for (let p = n - 1; p >= 0; p--) {
      const a = this.order[base + p]!;
      const high = Math.max(0, this.key[base + a]!);
      if (Math.sqrt(high * high + lowest * lowest) * this.widest <= best) break;
      const count = rowCounts[a]!;
      if (count > 0) best = this.maxOverRow(r, a, count === n - 1 ? null : members, a * words, best);
    }
    return best;
  }

  /**
   * Draw r's largest studentised difference over the pairs (i, b), b with its bit set in `above`
   * from word `offset` (every b ≠ i when null), and (b, i), b in `below` likewise. The direction in
   * which i's own draw is extreme is searched first, so that the other search starts from a high
   * `best` and stops early.
   */
  maxAround(r: number, i: number, above: Uint32Array | null, below: Uint32Array | null, offset: number): number {
    const first = Number.NEGATIVE_INFINITY;
    if (this.key[r * this.size + i]! >= 0) return this.maxOverColumn(r, i, below, offset, this.maxOverRow(r, i, above, offset, first));
    return this.maxOverRow(r, i, above, offset, this.maxOverColumn(r, i, below, offset, first));
  }

  /** A lower bound on sd(θ̂_a − θ̂_b) over every b ≠ a. */
  smallestSdOfDifference(a: number): number {
    return this.diagonal ? Math.sqrt(this.variance[a]! + this.smallestVariance) : this.smallestSd[a]!;
  }

  /**
   * max over t in [smallest σ, largest σ] of g(t) = (fixedValue − t·u) / √(fixedSd² + t²): the largest
   * studentised difference the fixed population (value fixedValue = σ·u of its own) can have with any
   * other whose standardised draw is u. g′(t) has the sign of −(u·fixedSd² + t·fixedValue), so for
   * fixedValue > 0 g rises then falls, peaking at t = −u·fixedSd²/fixedValue (clamped to the range),
   * and otherwise its largest value is at an end of the range. It falls as u rises.
   */
  private spreadBound(fixedValue: number, fixedSd: number, u: number): number {
    const variance = fixedSd * fixedSd;
    const low = this.sdLow;
    const high = this.sdHigh;
    if (fixedValue > 0) {
      const peak = (-u * variance) / fixedValue;
      const t = peak < low ? low : peak > high ? high : peak;
      return (fixedValue - t * u) / Math.sqrt(variance + t * t);
    }
    const atLow = (fixedValue - low * u) / Math.sqrt(variance + low * low);
    const atHigh = (fixedValue - high * u) / Math.sqrt(variance + high * high);
    return atLow > atHigh ? atLow : atHigh;
  }

  /**
   * Every difference must have a positive variance for its studentised value to exist (csranks
   * divides by it too, and gets NaN); records each estimate's smallest sd of a difference and largest positive correlation.
   */
  private checkDifferences(): void {
    const n = this.size;
    for (let a = 0; a < n; a++) {
      if (!(this.variance[a]! >= 0) || !Number.isFinite(this.variance[a]!)) {
        throw new RangeError(`the variance of estimate ${a + 1} must be a finite number >= 0, got ${this.variance[a]}`);
      }
    }
    if (this.diagonal) {
      const zero = [...this.variance.keys()].filter((a) => this.variance[a] === 0);
      if (zero.length > 1) {
        throw new RangeError(`estimates ${zero[0]! + 1} and ${zero[1]! + 1} both have standard error 0: their difference has no variance to studentise by`);
      }
      return;
    }
    for (let a = 0; a < n; a++) {
      let correlation = 0;
      let smallest = Number.POSITIVE_INFINITY;
      for (let b = 0; b < n; b++) {
        if (b === a) continue;
        const s = this.sdOfDifference(a, b);
        if (s < smallest) smallest = s;
        if (!(s > 1e-12 * Math.sqrt(this.variance[a]! + this.variance[b]!))) {
          throw new RangeError(`estimates ${a + 1} and ${b + 1}: their difference has no variance to studentise by`);
        }
        const scale = this.sd[a]! * this.sd[b]!;
        if (scale > 0) correlation = Math.max(correlation, this.covariance[a * n + b]! / scale);
      }
      this.smallestSd[a] = smallest;
      this.widening[a] = correlation < 1 ? 1 / Math.sqrt(1 - correlation) : Number.POSITIVE_INFINITY;
    }
  }
}

/**
 * Indices of standard normal values in ascending order (ties by index), by bucket sort: Φ(value)
 * is uniform, so n buckets by Φ hold about one value each, and the sort is linear on average where a
 * comparison sort of every draw was most of the time spent.
 */
function orderByNormalValue(values: Float64Array, order: Int32Array, scratch: { bucketOf: Int32Array; starts: Int32Array }): void {
  const n = values.length;
  const { bucketOf, starts } = scratch;
  starts.fill(0);
  for (let a = 0; a < n; a++) {
    const bucket = Math.min(n - 1, Math.floor(normalCdf(values[a]!) * n));
    bucketOf[a] = bucket;
    starts[bucket + 1]!++;
  }
  for (let bucket = 0; bucket < n; bucket++) starts[bucket + 1]! += starts[bucket]!;
  for (let a = 0; a < n; a++) order[starts[bucketOf[a]!]!++] = a;
  // starts[bucket] is now the end of the bucket; insertion-sort each bucket in place.
  let from = 0;
  for (let bucket = 0; bucket < n; bucket++) {
    const to = starts[bucket]!;
    for (let p = from + 1; p < to; p++) {
      const item = order[p]!;
      const value = values[item]!;
      let q = p - 1;
      while (q >= from && (values[order[q]!]! > value || (values[order[q]!]! === value && order[q]! > item))) {
        order[q + 1] = order[q]!;
        q--;
      }
      order[q + 1] = item;
    }
    from = to;
  }
}
