/**
 * Below this size a double's gaps are under 1e-6, so when its shortest form (String, cheaper than
 * toFixed) has at most 6 decimals it is the nearest 6-decimal number, which is what toFixed(6) then
 * trimming gives. Most published values are such. From 1e-6 up String writes no exponent, and it
 * writes -0 as "0".
 */
const SHORTEST_BELOW = 2 ** 31;

/**
 * Numbers are written by toFixed, which ECMAScript defines exactly, so output is byte-identical on
 * every run and machine. Values keep up to 6 decimals with trailing zeros dropped: enough for any
 * published indicator, and it hides representation noise such as 56.99999999999999.
 */
export function formatValue(x: number): string {
  const size = Math.abs(x);
  if (size < SHORTEST_BELOW && (size >= 1e-6 || x === 0)) {
    const shortest = String(x);
    const dot = shortest.indexOf(".");
    if (dot === -1 || shortest.length - dot <= 7) return shortest;
  }
  return noNegativeZero(withoutTrailingZeros(x.toFixed(6)));
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
