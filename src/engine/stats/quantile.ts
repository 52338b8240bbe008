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

/**
 * quantileType7 of unsorted values without sorting them all: the two order statistics it interpolates
 * between are found by selection (Hoare's FIND, median-of-three pivots), linear on average. Reorders
 * `values` in place. The same number as sorting first, to the bit.
 */
export function quantileType7Unsorted(values: Float64Array, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileType7Unsorted: p must be in [0, 1], got ${p}`);
  const n = values.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * p;
  const lowIndex = Math.floor(position);
  selectInPlace(values, lowIndex);
  const low = values[lowIndex]!;
  const h = position - lowIndex;
  if (h === 0) return low;
  let high = Number.POSITIVE_INFINITY;
  for (let i = lowIndex + 1; i < n; i++) if (values[i]! < high) high = values[i]!;
  return high === low ? low : (1 - h) * low + h * high;
}

/** Puts the k-th smallest value at index k, smaller ones before it and larger ones after. */
function selectInPlace(values: Float64Array, k: number): void {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    const middle = (left + right) >>> 1;
    const a = values[left]!;
    const b = values[middle]!;
    const c = values[right]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}
