// Wichura (1988), algorithm AS 241 (PPND16): rational approximations good to about 1e-16,
// the same algorithm R's qnorm uses, so our z values agree with PHE's to the last bit or two.
const CENTRAL_NUM = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
] as const;
const CENTRAL_DEN = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
] as const;
const NEAR_NUM = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833,
  7.7454501427834140764e-4,
] as const;
const NEAR_DEN = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455,
  0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4,
  1.05075007164441684324e-9,
] as const;
const FAR_NUM = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5,
  2.01033439929228813265e-7,
] as const;
const FAR_DEN = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525,
  7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7,
  2.04426310338993978564e-15,
] as const;

/**
 * Σ c[i]·x^i by Horner's rule, written out for the eight coefficients every table here has: the loop
 * took half of a bootstrap's time in this function, and the sums are the same to the bit.
 */
function polynomial(c: readonly [number, number, number, number, number, number, number, number], x: number): number {
  return ((((((c[7] * x + c[6]) * x + c[5]) * x + c[4]) * x + c[3]) * x + c[2]) * x + c[1]) * x + c[0];
}

/** Φ⁻¹(p), the standard normal quantile. NaN in gives NaN out; p outside [0, 1] is a RangeError. */
export function normalQuantile(p: number): number {
  // The central 85% first, in a body small enough for V8 to inline into its callers (the bootstrap's
  // normal draws); NaN, 0, 1 and out-of-range p all fail this test and are dealt with in the tails.
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(CENTRAL_NUM, r)) / polynomial(CENTRAL_DEN, r);
  }
  return normalTail(p, q);
}

function normalTail(p: number, q: number): number {
  if (Number.isNaN(p)) return Number.NaN;
  if (p < 0 || p > 1) throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  // The tails are approximated in terms of sqrt(-log(tail probability)), computed from the smaller
  // of p and 1 - p so that no precision is lost near 1.
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = polynomial(NEAR_NUM, r) / polynomial(NEAR_DEN, r);
  } else {
    r -= 5;
    value = polynomial(FAR_NUM, r) / polynomial(FAR_DEN, r);
  }
  return q < 0 ? -value : value;
}

/**
 * Confidence level on the unit scale. PHE accepts 0.9–1 or 90–100 (percent, rescaled by /100);
 * anything else is a RangeError, as in PHEindicatormethods.
 */
export function normaliseConfidence(confidence: number): number {
  const unit = confidence >= 90 ? confidence / 100 : confidence;
  if (!(unit >= 0.9 && unit <= 1)) {
    throw new RangeError(`confidence must be between 0.9 and 1 or between 90 and 100, got ${confidence}`);
  }
  return unit;
}

/**
 * Two-sided critical value z = Φ⁻¹(c + (1 − c)/2), computed in the same order as PHE, so that
 * 0.95 gives 1.959963984540054 and 0.998 gives 3.090232306167813 (R's values, to within an ulp).
 * A confidence of 1 gives Infinity.
 */
export function zForConfidence(confidence: number): number {
  const c = normaliseConfidence(confidence);
  return normalQuantile(c + (1 - c) / 2);
}
