/**
 * Nodes and weights of the n-point Gauss–Legendre rule on [−1, 1], found by Newton's method on the
 * Legendre polynomial from the Chebyshev starting values (Press et al., Numerical Recipes, 3rd ed.,
 * §4.6.1, gauleg), so that no table of constants has to be trusted.
 */
export function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`gaussLegendre: n must be a whole number >= 1, got ${n}`);
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1;
      let p1 = 0;
      for (let j = 1; j <= n; j++) {
        const p2 = p1;
        p1 = p0;
        p0 = ((2 * j - 1) * x * p1 - (j - 1) * p2) / j;
      }
      derivative = (n * (x * p0 - p1)) / (x * x - 1);
      const step = p0 / derivative;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    const weight = 2 / ((1 - x * x) * derivative * derivative);
    weights[i] = weight;
    weights[n - 1 - i] = weight;
  }
  return { nodes, weights };
}
