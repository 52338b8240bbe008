/**
 * Numbers are written by toFixed, which ECMAScript defines exactly, so output is byte-identical on
 * every run and machine. Values keep up to 6 decimals with trailing zeros dropped: enough for any
 * published indicator, and it hides representation noise such as 56.99999999999999.
 */
export function formatValue(x: number): string {
  return noNegativeZero(withoutTrailingZeros(x.toFixed(6)));
}

/**
 * Trailing zeros after the decimal point dropped, without a regular expression: a GP-level table has
 * millions of values. toFixed writes 1e21 and above in exponent form, whose zeros are not decimals.
 */
function withoutTrailingZeros(s: string): string {
  if (s.indexOf(".") === -1) return s;
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
