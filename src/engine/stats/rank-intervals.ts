import { quantileType7Unsorted } from "./quantile.js";
import type { Random } from "./random.js";
import { StudentizedDifferences } from "./studentized-differences.js";

// Confidence sets for ranks by Mogstad, Romano, Shaikh & Wilhelm (2023, "Inference for ranks with
// applications to mobility across neighborhoods and academic achievement across countries", Review
// of Economic Studies 91(1), doi:10.1093/restud/rdad006), step for step as the R package csranks
// does it: R/ranks.R (csranks, csranks_simul, csranks_marg; file commit 03c8d612) and R/diffmeans.R
// (csdiffmeans, initialize_I0; file commit e0cf2d60), both at github.com/danielwilhelm/R-CS-ranks
// commit bd4f7557 (version 1.2.2.9001). Only csranks' default two-sided confidence sets are built.
//
// Differences from csranks, all in how the random critical values are drawn, none in the procedure:
// - one set of draws Z ~ N(0, Σ) serves every step of the stepdown and every organisation's marginal
//   set, where csranks draws afresh at each step (its first step already shares draws across the
//   marginal sets, as it re-seeds before each). With shared draws the critical value can only fall
//   as pairs are rejected, so the stepdown is monotone draw for draw, not only in distribution;
// - Z is L·ε with L the Cholesky factor of Σ (our xoshiro128** stream, not R's Mersenne-Twister and
//   MASS::mvrnorm's eigen-decomposition), so bounds agree with csranks within Monte Carlo error, not
//   to the draw.

export type Better = "higher" | "lower";
export type RankIntervalKind = "marginal" | "simultaneous";

export interface RankIntervalsInput {
  /** The estimates θ̂ being ranked, one per population (organisation). */
  readonly estimates: readonly number[];
  /** Standard errors of independent estimates; give this or `covariance`. */
  readonly standardErrors?: readonly number[];
  /** The estimates' covariance matrix Σ (rows of length N); give this or `standardErrors`. */
  readonly covariance?: readonly (readonly number[])[];
  /** Which end of the scale ranks first. */
  readonly better: Better;
  /** `marginal` (default): each set covers its own rank; `simultaneous`: all sets cover all ranks at once. */
  readonly kind?: RankIntervalKind;
  /** Nominal coverage, csranks' `coverage` (default 0.95). */
  readonly level?: number;
  /** Step down (default, csranks' `stepdown = TRUE`) or stop after the single step. */
  readonly stepdown?: boolean;
  /** Parametric bootstrap draws of Z ~ N(0, Σ), csranks' `R` (default 1000). */
  readonly draws?: number;
  readonly random: Random;
}

export interface RankInterval {
  /** 1 + the number of strictly better estimates (csranks' irank with omega = 0). */
  readonly rank: number;
  /** 1 + the number of populations significantly better. */
  readonly rankLower: number;
  /** N − the number of populations significantly worse. */
  readonly rankUpper: number;
  /** The critical value of each step, first to last (shared by every population when simultaneous). */
  readonly criticalValues: readonly number[];
}

/**
 * Rank confidence sets, in the order of `estimates`. Pairs (a, b) of the hypothesis family I start as
 * csranks' initialize_I0 sets them for a two-sided set: every ordered pair that involves a
 * population of interest (one population when marginal, all when simultaneous). At each step the
 * critical value c is the `level` quantile (R's type 7) of the largest studentised difference
 * (Z_a − Z_b)/sd(θ̂_a − θ̂_b) over I; a pair is significant when θ̂_a − θ̂_b − sd·c > 0, csranks'
 * ChatL > 0, and leaves I. The stepdown repeats until a step rejects nothing or I is empty.
 * Throws a RangeError for inputs that are not numbers of the right shape.
 */
export function rankIntervals(input: RankIntervalsInput): RankInterval[] {
  const n = input.estimates.length;
  const level = input.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be between 0 and 1, got ${level}`);
  const x = Float64Array.from(input.estimates, (value, i) => {
    if (!Number.isFinite(value)) throw new RangeError(`estimate ${i + 1} must be a finite number, got ${value}`);
    return input.better === "higher" ? value : -value;
  });
  const { variance, covariance } = covarianceOf(input, n);
  const ranks = competitionRanks(x);
  if (n === 0) return [];
  const differences = new StudentizedDifferences(variance, covariance, input.draws ?? 1000, input.random);
  const stepdown = input.stepdown ?? true;
  if ((input.kind ?? "marginal") === "simultaneous") {
    const { better, worse, criticalValues } = simultaneous(x, differences, level, stepdown);
    return ranks.map((rank, i) => ({ rank, rankLower: 1 + better[i]!, rankUpper: n - worse[i]!, criticalValues }));
  }
  const { better, worse, criticalValues } = marginal(x, differences, level, stepdown);
  return ranks.map((rank, i) => ({ rank, rankLower: 1 + better[i]!, rankUpper: n - worse[i]!, criticalValues: criticalValues[i]! }));
}

/** 1 + the number of strictly larger values, csranks' irank(x, omega = 0) (ties share the best rank). */
function competitionRanks(x: Float64Array): number[] {
  const descending = Float64Array.from(x).sort().reverse();
  return Array.from(x, (value) => {
    let low = 0;
    let high = descending.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (descending[middle]! > value) low = middle + 1;
      else high = middle;
    }
    return 1 + low;
  });
}

function covarianceOf(input: RankIntervalsInput, n: number): { variance: Float64Array; covariance: Float64Array | null } {
  if ((input.standardErrors === undefined) === (input.covariance === undefined)) {
    throw new RangeError("give either standardErrors or covariance");
  }
  if (input.standardErrors !== undefined) {
    if (input.standardErrors.length !== n) throw new RangeError(`expected ${n} standard errors, got ${input.standardErrors.length}`);
    const variance = Float64Array.from(input.standardErrors, (se, i) => {
      if (!(se >= 0) || !Number.isFinite(se)) throw new RangeError(`standard error ${i + 1} must be a finite number >= 0, got ${se}`);
      return se * se;
    });
    return { variance, covariance: null };
  }
  const rows = input.covariance!;
  if (rows.length !== n || rows.some((row) => row.length !== n)) throw new RangeError(`covariance must be ${n} × ${n}`);
  const covariance = new Float64Array(n * n);
  let diagonal = true;
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const value = rows[a]![b]!;
      const mirror = rows[b]![a]!;
      if (!Number.isFinite(value) || Math.abs(value - mirror) > 1e-12 * Math.max(Math.abs(value), Math.abs(mirror))) {
        throw new RangeError(`covariance must be finite and symmetric (row ${a + 1}, column ${b + 1})`);
      }
      covariance[a * n + b] = (value + mirror) / 2;
      if (a !== b && value !== 0) diagonal = false;
    }
  }
  const variance = Float64Array.from({ length: n }, (_, a) => covariance[a * n + a]!);
  return { variance, covariance: diagonal ? null : covariance };
}

/** Populations whose marginal sets are worked out together (their state is BLOCK × N bits, twice). */
const BLOCK = 256;

/**
 * csranks_marg: each population i's own family, the pairs (i, b) and (b, i), stepped down on its
 * own. Populations are taken BLOCK at a time and, within a block, draw by draw, so that each draw's
 * values are read once per block rather than once per population.
 */
function marginal(x: Float64Array, differences: StudentizedDifferences, level: number, stepdown: boolean) {
  const n = x.length;
  const draws = differences.draws;
  const words = Math.ceil(n / 32);
  const byValue = ascendingOrder(x);
  const sorted = Float64Array.from(byValue, (i) => x[i]!);
  const better = new Int32Array(n);
  const worse = new Int32Array(n);
  const criticalValues: number[][] = Array.from({ length: n }, () => []);
  const above = new Uint32Array(BLOCK * words);
  const below = new Uint32Array(BLOCK * words);
  const maxima = new Float64Array(BLOCK * draws);
  for (let start = 0; start < n; start += BLOCK) {
    const size = Math.min(BLOCK, n - start);
    fillPairs(above, words, n, start, size);
    below.set(above);
    let active = Array.from({ length: size }, (_, k) => k);
    while (active.length > 0) {
      for (let r = 0; r < draws; r++) {
        for (const k of active) {
          // A set nothing has left yet is searched without its bits.
          const i = start + k;
          maxima[k * draws + r] = differences.maxAround(r, i, worse[i] === 0 ? null : above, better[i] === 0 ? null : below, k * words);
        }
      }
      const next: number[] = [];
      for (const k of active) {
        const i = start + k;
        const c = quantileType7Unsorted(maxima.subarray(k * draws, (k + 1) * draws), level);
        criticalValues[i]!.push(c);
        const newlyWorse = rejectAround(above, k * words, i, "below", c, x, sorted, byValue, differences);
        const newlyBetter = rejectAround(below, k * words, i, "above", c, x, sorted, byValue, differences);
        worse[i]! += newlyWorse;
        better[i]! += newlyBetter;
        const rejected = newlyWorse + newlyBetter;
        if (stepdown && rejected > 0 && worse[i]! + better[i]! < 2 * (n - 1)) next.push(k);
      }
      active = next;
    }
  }
  return { better, worse, criticalValues };
}

/**
 * Takes out of i's set (bits from word `offset`) the pairs now significant at c: (i, b) for b on the
 * side "below" i, (b, i) for b "above" it. Returns how many.
 */
function rejectAround(
  bits: Uint32Array,
  offset: number,
  i: number,
  side: "below" | "above",
  c: number,
  x: Float64Array,
  sorted: Float64Array,
  byValue: Int32Array,
  differences: StudentizedDifferences,
): number {
  const [from, to] = candidates(sorted, x, differences, i, c, side);
  let rejected = 0;
  for (let p = from; p < to; p++) {
    const b = byValue[p]!;
    const word = offset + (b >>> 5);
    const bit = 1 << (b & 31);
    if ((bits[word]! & bit) === 0) continue;
    if (!(side === "below" ? significant(x, differences, i, b, c) : significant(x, differences, b, i, c))) continue;
    bits[word]! &= ~bit;
    rejected++;
  }
  return rejected;
}

/** csranks_simul with every population of interest: the family of all ordered pairs. */
function simultaneous(x: Float64Array, differences: StudentizedDifferences, level: number, stepdown: boolean) {
  const n = x.length;
  const words = Math.ceil(n / 32);
  const byValue = ascendingOrder(x);
  const sorted = Float64Array.from(byValue, (i) => x[i]!);
  const members = new Uint32Array(n * words);
  fillPairs(members, words, n, 0, n);
  const rowCounts = new Int32Array(n).fill(n - 1);
  let open = n * (n - 1);
  const better = new Int32Array(n);
  const worse = new Int32Array(n);
  const criticalValues: number[] = [];
  const maxima = new Float64Array(differences.draws);
  while (open > 0) {
    for (let r = 0; r < differences.draws; r++) maxima[r] = differences.maxOverSet(r, members, words, rowCounts, Number.NEGATIVE_INFINITY);
    const c = quantileType7Unsorted(maxima, level);
    criticalValues.push(c);
    let rejected = 0;
    for (let a = 0; a < n; a++) {
      if (rowCounts[a] === 0) continue;
      const [from, to] = candidates(sorted, x, differences, a, c, "below");
      for (let p = from; p < to; p++) {
        const b = byValue[p]!;
        const index = a * words + (b >>> 5);
        const bit = 1 << (b & 31);
        if ((members[index]! & bit) === 0 || !significant(x, differences, a, b, c)) continue;
        members[index]! &= ~bit;
        rowCounts[a]!--;
        worse[a]!++;
        better[b]!++;
        rejected++;
      }
    }
    open -= rejected;
    if (!stepdown || rejected === 0) break;
  }
  return { better, worse, criticalValues };
}

/** Sets, in rows start … start + rows − 1 of `bits` (`words` words each), every bit b < n but the row's own. */
function fillPairs(bits: Uint32Array, words: number, n: number, start: number, rows: number): void {
  bits.fill(0);
  for (let k = 0; k < rows; k++) {
    const row = k * words;
    bits.fill(0xffffffff, row, row + words);
    if (n % 32 !== 0) bits[row + words - 1] = (1 << n % 32) - 1;
    const self = start + k;
    bits[row + (self >>> 5)]! &= ~(1 << (self & 31));
  }
}

/** Indices of x in ascending order of value (ties by index). */
function ascendingOrder(x: Float64Array): Int32Array {
  return Int32Array.from(x.keys()).sort((a, b) => x[a]! - x[b]! || a - b);
}

/**
 * The populations b that could be significantly below a (pair (a, b)) or above it (pair (b, a)) at
 * critical value c, as a range [from, to) of positions in the ascending order: as sd(θ̂_a − θ̂_b) is
 * at least a's smallest, only those whose estimate is further than c times that from a's can be, a
 * run at one end of the order. With c < 0 every population is a candidate.
 */
function candidates(sorted: Float64Array, x: Float64Array, differences: StudentizedDifferences, a: number, c: number, side: "below" | "above"): [number, number] {
  const n = sorted.length;
  if (c < 0) return [0, n];
  const reach = c * differences.smallestSdOfDifference(a);
  if (side === "below") return [0, countBelow(sorted, x[a]! - reach)];
  let from = countBelow(sorted, x[a]! + reach);
  while (from < n && sorted[from]! <= x[a]! + reach) from++;
  return [from, n];
}

/** The number of sorted values strictly below `limit`. */
function countBelow(sorted: Float64Array, limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

function significant(x: Float64Array, differences: StudentizedDifferences, a: number, b: number, c: number): boolean {
  return a !== b && x[a]! - x[b]! - differences.sdOfDifference(a, b) * c > 0;
}
