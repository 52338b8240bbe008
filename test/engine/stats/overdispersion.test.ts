import { describe, expect, it } from "vitest";
import { overdispersion } from "../../../src/engine/stats/overdispersion.js";
import { expectClose } from "./peer-vectors.js";

describe("overdispersion: proportions, winsorised (FunnelPlotR PR)", () => {
  // Five units of n = 100 with 10..50 events. By hand:
  //   target = asin√(150/500) = asin√0.3; s = 1/(2√100) = 0.05 for every unit, so w = 1/s² = 400;
  //   z_i = (asin√(O_i/100) − target)/0.05.
  //   Type-7 10%/90% quantiles of 5 values sit at positions 0.4 and 3.6:
  //   low = 0.6·z1 + 0.4·z2, high = 0.4·z4 + 0.6·z5; z1 and z5 are pulled in to them.
  //   φ = (low² + z2² + z3² + z4² + high²)/5.
  //   τ² = (5φ − 4)/(Σw − Σw²/Σw) = (5φ − 4)/(2000 − 400) = (5φ − 4)/1600.
  const observed = [10, 20, 30, 40, 50];
  const denominators = [100, 100, 100, 100, 100];
  const target = Math.asin(Math.sqrt(0.3));
  const z = observed.map((o) => (Math.asin(Math.sqrt(o / 100)) - target) / 0.05) as [number, number, number, number, number];
  const low = 0.6 * z[0] + 0.4 * z[1];
  const high = 0.4 * z[3] + 0.6 * z[4];
  const phi = (low ** 2 + z[1] ** 2 + z[2] ** 2 + z[3] ** 2 + high ** 2) / 5;
  const tau2 = (5 * phi - 4) / 1600;

  it("computes target, raw z, φ and τ² as by hand", () => {
    const result = overdispersion({ kind: "proportion", observed, denominators, method: "none" });
    expectClose(result.target, target, "target", 1e-15);
    result.zRaw.forEach((zi, i) => expectClose(zi, z[i] as number, `zRaw[${i}]`, 1e-12));
    expectClose(result.zDamped[0] as number, low, "winsorised low", 1e-12);
    expectClose(result.zDamped[4] as number, high, "winsorised high", 1e-12);
    expectClose(result.phi, phi, "phi", 1e-12);
    expectClose(result.tau2, tau2, "tau2", 1e-12);
    // The spread is far beyond binomial noise (φ ≈ 7.4), so both corrections apply.
    expect(phi).toBeGreaterThan(7);
    expect(result.z).toEqual(result.zRaw);
  });

  it("divides z by √φ for the multiplicative adjustment", () => {
    const result = overdispersion({ kind: "proportion", observed, denominators, method: "multiplicative" });
    expect(result.adjusted).toBe(true);
    result.z.forEach((zi, i) => expectClose(zi, (z[i] as number) / Math.sqrt(phi), `z[${i}]`, 1e-12));
  });

  it("adds τ² to s² for the additive adjustment", () => {
    const result = overdispersion({ kind: "proportion", observed, denominators, method: "additive" });
    result.z.forEach((zi, i) =>
      expectClose(zi, (z[i] as number) * (0.05 / Math.sqrt(0.0025 + tau2)), `z[${i}]`, 1e-12),
    );
  });

  it("winsorises less with a smaller trim", () => {
    const result = overdispersion({ kind: "proportion", observed, denominators, method: "none", trim: 0 });
    expect(result.zDamped).toEqual(result.zRaw);
  });
});

describe("overdispersion: SHMI ratios, truncated (FunnelPlotR SR, sr_method SHMI)", () => {
  // 20 trusts; E is given to 3 dp so the 2 dp rounding matters (FunnelPlotR's SHMI_rounding).
  const observed = [60, 95, 125, 130, 140, 80, 150, 50, 101, 190, 75, 118, 100, 40, 135, 85, 170, 120, 70, 128];
  const expectedRaw = observed.map((_, i) => 100 + ((i * 7) % 11) - 5 + 0.006);

  it("rounds E, truncates ranks outside 3..18 of 20 and uses only the kept units", () => {
    const result = overdispersion({ kind: "ratio", observed, denominators: expectedRaw, method: "additive" });
    // Independent calculation: E rounded to 2 dp is x.01 here.
    const e = expectedRaw.map((v) => Math.round(v * 100) / 100);
    expect(e[0]).toBeCloseTo(95.01, 12);
    const zRaw = observed.map((o, i) => Math.sqrt(e[i] as number) * Math.log(o / (e[i] as number)));
    // floor(rank·10/21) is 0 for ranks 1–2 and 9 for ranks 19–20, so ranks 3..18 are kept.
    const byRank = zRaw.map((zi, i) => ({ zi, i })).sort((a, b) => a.zi - b.zi);
    const kept = byRank.slice(2, 18).map(({ i }) => i);
    const phi = kept.reduce((sum, i) => sum + (zRaw[i] as number) ** 2, 0) / kept.length;
    const w = kept.map((i) => e[i] as number);
    const sumW = w.reduce((a, b) => a + b, 0);
    const sumW2 = w.reduce((a, b) => a + b * b, 0);
    const n = kept.length;
    const tau2 = n * phi < n - 1 ? 0 : Math.max(0, (n * phi - (n - 1)) / (sumW - sumW2 / sumW));

    result.zRaw.forEach((zi, i) => expectClose(zi, zRaw[i] as number, `zRaw[${i}]`, 1e-12));
    expect(result.zDamped.filter(Number.isNaN)).toHaveLength(4);
    expectClose(result.phi, phi, "phi", 1e-12);
    expectClose(result.tau2, tau2, "tau2", 1e-12);
    expect(result.phi).toBeGreaterThan(1);
    expect(result.tau2).toBeGreaterThan(0);
    expect(result.adjusted).toBe(true);
    result.z.forEach((zi, i) =>
      expectClose(zi, Math.log((observed[i] as number) / (e[i] as number)) / Math.sqrt(1 / (e[i] as number) + tau2), `z[${i}]`, 1e-12),
    );
  });

  it("can use E unrounded", () => {
    const result = overdispersion({
      kind: "ratio",
      observed,
      denominators: expectedRaw,
      method: "none",
      roundExpected: false,
    });
    const e0 = expectedRaw[0] as number;
    expectClose(result.zRaw[0] as number, Math.sqrt(e0) * Math.log(60 / e0), "zRaw[0]", 1e-12);
  });
});

describe("overdispersion: no adjustment without over-dispersion", () => {
  it("leaves z alone when φ <= 1 and gives τ² = 0 when nφ < n − 1", () => {
    // Proportions close to their average: z-scores well inside ±1.
    const result = overdispersion({
      kind: "proportion",
      observed: [49, 50, 51, 50, 50, 49],
      denominators: [100, 100, 100, 100, 100, 100],
      method: "additive",
    });
    expect(result.phi).toBeLessThan(1);
    expect(result.tau2).toBe(0);
    expect(result.adjusted).toBe(false);
    expect(result.z).toEqual(result.zRaw);
  });

  it("rejects mismatched inputs and a bad trim", () => {
    expect(() => overdispersion({ kind: "ratio", observed: [1, 2], denominators: [1], method: "none" })).toThrow(RangeError);
    expect(() =>
      overdispersion({ kind: "ratio", observed: [1], denominators: [1], method: "none", trim: 0.5 }),
    ).toThrow(RangeError);
  });
});
