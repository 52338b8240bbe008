import { describe, expect, it } from "vitest";
import { gammaQuantile, logGamma, regularizedGammaP, regularizedGammaQ } from "../../../src/engine/stats/gamma.js";
import { normalQuantile, zForConfidence } from "../../../src/engine/stats/normal.js";
import { expectClose } from "./peer-vectors.js";

describe("normalQuantile", () => {
  // References from mpmath at 40 digits (sqrt(2)·erfinv(2p − 1)), rounded to double.
  it.each([
    [0.975, 1.959963984540054],
    [0.999, 3.090232306167813],
    [0.5, 0],
    [0.3, -0.5244005127080408],
    [0.1, -1.2815515655446004],
    [0.001, -3.0902323061678136],
    [1e-10, -6.361340902404057],
    [1e-20, -9.262340089798407],
  ])("Φ⁻¹(%d) = %d", (p, z) => {
    expectClose(normalQuantile(p), z, `normalQuantile(${p})`, 5e-16);
  });

  it("is antisymmetric and handles the ends", () => {
    for (const p of [0.01, 0.2, 0.4, 0.49]) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 14);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(Number.NaN)).toBeNaN();
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
  });
});

describe("zForConfidence", () => {
  it("gives PHE's critical values, accepting percentages", () => {
    expectClose(zForConfidence(0.95), 1.959963984540054, "z95", 5e-16);
    expectClose(zForConfidence(0.998), 3.090232306167813, "z998", 5e-16);
    expect(zForConfidence(95)).toBe(zForConfidence(0.95));
    expect(zForConfidence(99.8)).toBe(zForConfidence(0.998));
    expect(zForConfidence(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it.each([0, 0.5, 0.89, 1.2, 50, 89.9, 100.1, Number.NaN])("rejects %d", (confidence) => {
    expect(() => zForConfidence(confidence)).toThrow(RangeError);
  });
});

describe("gamma functions", () => {
  it("logGamma matches factorials and Γ(1/2) = √π", () => {
    let factorial = 1;
    for (let n = 1; n <= 30; n++) {
      expect(Math.abs(logGamma(n + 1) - Math.log((factorial *= n)))).toBeLessThan(5e-15 * Math.max(1, Math.log(factorial)));
    }
    expect(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI))).toBeLessThan(4e-15);
    expect(Math.abs(logGamma(1))).toBeLessThan(4e-15);
  });

  it("P(a, x) for integer a equals one minus the Poisson sum", () => {
    for (const a of [1, 2, 5, 10, 30]) {
      for (const x of [0.1, 1, 3, 9.5, 10, 25, 60]) {
        let term = Math.exp(-x);
        let below = 0;
        for (let k = 0; k < a; k++) {
          below += term;
          term *= x / (k + 1);
        }
        expectClose(regularizedGammaQ(a, x), below, `Q(${a}, ${x})`, 1e-13);
        expect(Math.abs(regularizedGammaP(a, x) - (1 - below))).toBeLessThan(4e-15);
      }
    }
  });

  it("gammaQuantile inverts P(a, x) for the shapes and tails used", () => {
    for (const a of [0.5, 1, 2, 3.5, 9, 10, 11, 50, 500]) {
      for (const p of [0.0005, 0.001, 0.025, 0.3, 0.5, 0.975, 0.999, 0.9995]) {
        const x = gammaQuantile(p, a);
        const back = p <= 0.5 ? regularizedGammaP(a, x) : 1 - regularizedGammaQ(a, x);
        expectClose(back, p, `P(${a}, q(${p}))`, 1e-12);
      }
    }
  });

  it("gammaQuantile has closed forms for shape 1 and shape 1/2", () => {
    expectClose(gammaQuantile(0.975, 1), -Math.log(0.025), "q(0.975, 1)", 1e-14);
    expectClose(gammaQuantile(0.025, 1), -Math.log1p(-0.025), "q(0.025, 1)", 1e-14);
    // Gamma(1/2) is half a chi-squared on 1 df: q(p, 1/2) = Φ⁻¹((1 + p)/2)²/2.
    for (const p of [0.01, 0.5, 0.95, 0.999]) {
      expectClose(gammaQuantile(p, 0.5), normalQuantile((1 + p) / 2) ** 2 / 2, `q(${p}, 1/2)`, 1e-13);
    }
  });

  it("handles the ends and rejects bad arguments", () => {
    expect(gammaQuantile(0, 3)).toBe(0);
    expect(gammaQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(() => gammaQuantile(0.5, 0)).toThrow(RangeError);
    expect(() => gammaQuantile(-0.1, 2)).toThrow(RangeError);
    expect(() => regularizedGammaP(2, -1)).toThrow(RangeError);
  });
});
