/**
 * R's default quantile (type 7): linear interpolation at position (n − 1)p between order statistics.
 * The input must already be sorted ascending. The interpolation is written as (1 − h)·a + h·b,
 * R's own form, so results agree with R to the last bit.
 */
export function quantileType7(sortedValues: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileType7: p must be in [0, 1], got ${p}`);
  const n = sortedValues.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * p;
  const lowIndex = Math.floor(position);
  const low = sortedValues[lowIndex] as number;
  const h = position - lowIndex;
  if (h === 0) return low;
  const high = sortedValues[lowIndex + 1] as number;
  return high === low ? low : (1 - h) * low + h * high;
}

/** Type-7 quantiles of unsorted values (NaN values are dropped, as with R's na.rm = TRUE). */
export function quantilesType7(values: readonly number[], ps: readonly number[]): number[] {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return ps.map((p) => quantileType7(sorted, p));
}
