// Φ(x) and 1 − Φ(x) by W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev
// approximations for the error function", Math. Comp. 23, 1969; as revised in his 1993 SPECFUN
// ANORM), with the three ranges, coefficients and the exp(−x²/2) split that R's nmath/pnorm.c
// (pnorm_both) uses, so both tails keep full relative precision to |x| ≈ 37.
const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113] as const;
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956] as const;
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
] as const;
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
] as const;
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303] as const;
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5] as const;
const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;
const SQRT_32 = 5.656854249492380195206754896838;
const UPPER_QUARTILE = 0.67448975;

/** φ-weighted tail: exp(−x²/2)·t, with x² split at a multiple of 1/16 so that exp loses no bits. */
function gaussianTimes(x: number, t: number): number {
  const xsq = Math.trunc(x * 16) / 16;
  const del = (x - xsq) * (x + xsq);
  return Math.exp(-xsq * xsq * 0.5) * Math.exp(-del * 0.5) * t;
}

/** The smaller tail, P(Z > |x|), for |x| > qnorm(3/4). */
function smallerTail(x: number): number {
  const y = Math.abs(x);
  if (y <= SQRT_32) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    return gaussianTimes(y, (num + C[7]) / (den + D[7]));
  }
  if (y >= 37.5193) return 0;
  const xsq = 1 / (x * x);
  let num = P[5] * xsq;
  let den = xsq;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]!) * xsq;
    den = (den + Q[i]!) * xsq;
  }
  const t = (ONE_OVER_SQRT_2PI - (xsq * (num + P[4])) / (den + Q[4])) / y;
  return gaussianTimes(x, t);
}

/** Φ(x) − 1/2 for |x| <= qnorm(3/4), where neither tail is small. */
function centralHalf(x: number): number {
  const xsq = x * x;
  let num = A[4] * xsq;
  let den = xsq;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]!) * xsq;
    den = (den + B[i]!) * xsq;
  }
  return (x * (num + A[3])) / (den + B[3]);
}

/** Φ(x) = P(Z <= x), the standard normal distribution function. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (Math.abs(x) <= UPPER_QUARTILE) return 0.5 + centralHalf(x);
  const tail = smallerTail(x);
  return x > 0 ? 1 - tail : tail;
}
