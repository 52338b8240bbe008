import { normalQuantile } from "./normal.js";

const HALF_LOG_TWO_PI = 0.91893853320467274178;

// Stirling's series is summed only for x >= 10, where its terms up to x^-15 leave an error below
// 1e-16; smaller arguments are shifted up with Γ(x) = Γ(x + k) / (x (x + 1) … (x + k − 1)).
const STIRLING_SHIFT_FROM = 10;
const STIRLING_COEFFICIENTS = [
  1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400,
] as const;

/** ln Γ(x) for x > 0. Accurate in absolute terms (about 1e-15), which is what exp(… − lnΓ) needs. */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) throw new RangeError(`logGamma: x must be positive, got ${x}`);
  if (x === Number.POSITIVE_INFINITY) return x;
  let shifted = x;
  let product = 1;
  while (shifted < STIRLING_SHIFT_FROM) {
    product *= shifted;
    shifted += 1;
  }
  const inverseSquare = 1 / (shifted * shifted);
  let series = 0;
  for (let i = STIRLING_COEFFICIENTS.length - 1; i >= 0; i--) {
    series = series * inverseSquare + (STIRLING_COEFFICIENTS[i] ?? 0);
  }
  const stirling = (shifted - 0.5) * Math.log(shifted) - shifted + HALF_LOG_TWO_PI + series / shifted;
  return stirling - Math.log(product);
}

const EPSILON = 1e-17;
const TINY = 1e-300;
const MAX_TERMS = 100_000;

/** ln(x^a e^-x / Γ(a)), the factor shared by the series and the continued fraction. */
function logPrefactor(a: number, x: number): number {
  return a * Math.log(x) - x - logGamma(a);
}

/** P(a, x) by its power series; converges quickly when x < a + 1. */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_TERMS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * Math.exp(logPrefactor(a, x));
}

/** Q(a, x) by its continued fraction (modified Lentz); converges quickly when x >= a + 1. */
function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let fraction = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return fraction * Math.exp(logPrefactor(a, x));
}

function checkGammaArguments(a: number, x: number, caller: string): void {
  if (!(a > 0)) throw new RangeError(`${caller}: shape must be positive, got ${a}`);
  if (x < 0) throw new RangeError(`${caller}: x must be non-negative, got ${x}`);
}

/**
 * Regularised lower incomplete gamma P(a, x) = γ(a, x)/Γ(a), the gamma(shape a) distribution
 * function. Whichever tail is the smaller is computed directly and the other as its complement,
 * so both P and Q keep full relative precision in their small tails.
 */
export function regularizedGammaP(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x)) return Number.NaN;
  checkGammaArguments(a, x, "regularizedGammaP");
  if (x === 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  return x < a + 1 ? lowerSeries(a, x) : 1 - upperContinuedFraction(a, x);
}

/** Regularised upper incomplete gamma Q(a, x) = 1 − P(a, x). */
export function regularizedGammaQ(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x)) return Number.NaN;
  checkGammaArguments(a, x, "regularizedGammaQ");
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperContinuedFraction(a, x);
}

function gammaDensity(a: number, x: number): number {
  return Math.exp((a - 1) * Math.log(x) - x - logGamma(a));
}

/** A starting point for Newton: Wilson–Hilferty where it is valid, else the small-x power law. */
function initialGuess(p: number, a: number): number {
  const z = normalQuantile(p);
  const cubeRoot = 1 - 1 / (9 * a) + z / (3 * Math.sqrt(a));
  if (a >= 1 && cubeRoot > 0) return a * cubeRoot ** 3;
  // P(a, x) ≈ x^a / Γ(a + 1) for small x.
  return Math.exp((Math.log(p) + logGamma(a + 1)) / a);
}

const MAX_ITERATIONS = 200;
const RELATIVE_TOLERANCE = 2e-16;

/**
 * The p-quantile of the gamma distribution with the given shape and unit scale, so that
 * qchisq(p, 2k)/2 = gammaQuantile(p, k). Newton's method on a bracket that every step narrows:
 * steps that leave the bracket are replaced by bisection, so it cannot diverge, and the iteration
 * runs until the step is at the level of rounding. For p > 1/2 the upper tail Q = 1 − p is solved
 * instead, because Q is the quantity computed to full precision there.
 */
export function gammaQuantile(p: number, shape: number): number {
  if (Number.isNaN(p) || Number.isNaN(shape)) return Number.NaN;
  if (p < 0 || p > 1) throw new RangeError(`gammaQuantile: p must be in [0, 1], got ${p}`);
  if (!(shape > 0)) throw new RangeError(`gammaQuantile: shape must be positive, got ${shape}`);
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;

  const lowerTail = p <= 0.5;
  const target = lowerTail ? p : 1 - p;
  // Increasing in x whichever tail is used, so the bracket logic is the same for both.
  const excess = (x: number): number =>
    lowerTail ? regularizedGammaP(shape, x) - target : target - regularizedGammaQ(shape, x);

  let low = 0;
  let high = Number.POSITIVE_INFINITY;
  let x = initialGuess(p, shape);
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const f = excess(x);
    if (f === 0) return x;
    if (f < 0) low = x;
    else high = x;
    let next = x - f / gammaDensity(shape, x);
    if (!(next > low && next < high)) {
      next = high === Number.POSITIVE_INFINITY ? 2 * x : (low + high) / 2;
    }
    if (Math.abs(next - x) <= RELATIVE_TOLERANCE * x) return next;
    x = next;
  }
  return x;
}
