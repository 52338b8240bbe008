import { gaussLegendre } from "./gauss-legendre.js";
import { normalCdf } from "./normal-cdf.js";

// The distribution of the range of k independent standard normals, the studentised range with
// infinitely many degrees of freedom (Hartley 1942; Copenhaver & Holland 1988, J. Statist. Comput.
// Simul. 30, with ν = ∞; R's nmath/ptukey.c computes the same integral in wprob):
//   P(W <= w) = k ∫ φ(z) [Φ(z) − Φ(z − w)]^(k−1) dz,
// any one of the k being the largest, at z, and the other k − 1 within w below it. The integrand is
// smooth and negligible outside −9 < z < 9 + w, so a composite 16-point Gauss–Legendre rule on
// 0.25-wide panels is good to about 1e-12.
const RULE = gaussLegendre(16);
const FROM = -9;
const PANEL = 0.25;
const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;

/** Φ(z) − Φ(z − w) for w >= 0, from whichever tails avoid cancelling two numbers near 1. */
function normalMass(lower: number, upper: number): number {
  return upper > 0 ? normalCdf(-lower) - normalCdf(-upper) : normalCdf(upper) - normalCdf(lower);
}

/** P(W <= w) for the range W of k independent standard normals (studentised range, df = ∞). */
export function studentizedRangeCdf(w: number, k: number): number {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`studentizedRangeCdf: k must be a whole number >= 2, got ${k}`);
  if (Number.isNaN(w)) return Number.NaN;
  if (w <= 0) return 0;
  if (w === Number.POSITIVE_INFINITY) return 1;
  const to = 9 + w;
  const panels = Math.ceil((to - FROM) / PANEL);
  const half = (to - FROM) / panels / 2;
  let sum = 0;
  for (let panel = 0; panel < panels; panel++) {
    const middle = FROM + (2 * panel + 1) * half;
    for (let i = 0; i < RULE.nodes.length; i++) {
      const z = middle + half * RULE.nodes[i]!;
      const mass = normalMass(z - w, z);
      if (mass <= 0) continue;
      sum += RULE.weights[i]! * ONE_OVER_SQRT_2PI * Math.exp(-0.5 * z * z + (k - 1) * Math.log(mass));
    }
  }
  return Math.min(1, k * half * sum);
}

/** The p quantile of the studentised range of k normals with df = ∞, q(p; k, ∞), by bisection. */
export function studentizedRangeQuantile(p: number, k: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentizedRangeQuantile: p must be in (0, 1), got ${p}`);
  let low = 0;
  let high = 8;
  while (studentizedRangeCdf(high, k) < p) {
    low = high;
    high *= 2;
  }
  for (let i = 0; i < 200 && high - low > 1e-13 * high; i++) {
    const middle = (low + high) / 2;
    if (studentizedRangeCdf(middle, k) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
