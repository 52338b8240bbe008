/**
 * Below this size a double's gaps are under 1e-6 (2^-22 at most), so when it is the double nearest to
 * some number of at most 6 decimals, m / 10^d, that number is what toFixed(6) then trimming gives, and
 * integers find it: m = round(x * 10^d) is off from the true m by under a quarter, and m / 10^d, a
 * correctly rounded division of exact numbers, is x exactly when m / 10^d is nearest to x. Most
 * published values are such (53.7), and this is four times as fast as String(x) on them.
 */
const SHORTEST_BELOW = 2 ** 31;

/**
 * Numbers are written by toFixed, which ECMAScript defines exactly, so output is byte-identical on
 * every run and machine. Values keep up to 6 decimals with trailing zeros dropped: enough for any
 * published indicator, and it hides representation noise such as 56.99999999999999.
 */
export function formatValue(x: number): string {
  const size = Math.abs(x);
  if (size < SHORTEST_BELOW) {
    for (let d = 0, scale = 1; d <= 6; d++, scale *= 10) {
      const m = Math.round(size * scale);
      if (m / scale === size) return (x < 0 ? "-" : "") + withDecimals(m, d, scale);
    }
  }
  return noNegativeZero(withoutTrailingZeros(x.toFixed(6)));
}

/** ".5" for 5 tenths, ".05" for 5 hundredths: made once up to thousandths, so that a value's text is one new string. */
const DECIMALS = [1, 2, 3].map((d) => Array.from({ length: 10 ** d }, (_, f) => `.${String(f).padStart(d, "0")}`));

/**
 * The integer m read as m / 10^d (`scale`): 537 and 1 give "53.7". Its whole part is exact: the quotient
 * is under 2^31, where a double's gaps are under 10^-6, and a whole number or at least 10^-6 from one.
 */
function withDecimals(m: number, d: number, scale: number): string {
  if (d === 0) return String(m);
  const whole = Math.floor(m / scale);
  const fraction = m - whole * scale;
  return String(whole) + (d <= DECIMALS.length ? DECIMALS[d - 1]![fraction]! : `.${String(fraction).padStart(d, "0")}`);
}

/**
 * Trailing zeros after the decimal point dropped, without a regular expression: a GP-level table has
 * millions of values. toFixed writes 1e21 and above in exponent form, whose zeros are not decimals.
 */
function withoutTrailingZeros(s: string): string {
  if (s.indexOf(".") === -1 || s.indexOf("e") !== -1) return s;
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  if (end === s.length) return s;
  if (end > 0 && s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}

/** A fixed number of decimals, e.g. the mean score "1.500". */
export function formatFixed(x: number, decimals: number): string {
  return noNegativeZero(x.toFixed(decimals));
}

function noNegativeZero(s: string): string {
  return s.charCodeAt(0) === 45 && /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}
