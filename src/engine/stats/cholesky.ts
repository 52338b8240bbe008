/**
 * Lower-triangular L with L·Lᵀ = S for a symmetric positive semi-definite n × n matrix S (row-major),
 * so that L·ε with ε standard normal is N(0, S). A pivot that is zero within rounding (a variable
 * that is an exact combination of earlier ones) leaves its column zero instead of failing, as
 * MASS::mvrnorm accepts such matrices (it tolerates eigenvalues down to −1e-6 of the largest); a
 * clearly negative pivot means S is not a covariance matrix, and is a RangeError.
 */
export function cholesky(matrix: Float64Array, n: number): Float64Array {
  if (matrix.length !== n * n) throw new RangeError(`cholesky: expected ${n * n} entries, got ${matrix.length}`);
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(matrix[i * n + i]!));
  const tolerance = 1e-10 * largest;
  const factor = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let pivot = matrix[rowJ + j]!;
    for (let k = 0; k < j; k++) pivot -= factor[rowJ + k]! * factor[rowJ + k]!;
    if (pivot < -1e-6 * largest) throw new RangeError(`cholesky: the matrix is not positive semi-definite (pivot ${pivot} at ${j})`);
    if (pivot <= tolerance) continue;
    const root = Math.sqrt(pivot);
    factor[rowJ + j] = root;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let sum = matrix[rowI + j]!;
      for (let k = 0; k < j; k++) sum -= factor[rowI + k]! * factor[rowJ + k]!;
      factor[rowI + j] = sum / root;
    }
  }
  return factor;
}
