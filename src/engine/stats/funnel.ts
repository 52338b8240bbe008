import { normalQuantile } from "./normal.js";

export type FunnelSide = "low" | "high";

/**
 * PHE's `sigma_adjustment`: the proportion at population N whose Wilson interval at the
 * two-sided level implied by p (0.975 for 2σ, 0.999 for 3σ) just reaches the average proportion,
 * i.e. the funnel line, times the multiplier. Unclamped: it can fall below 0 or above 1 for small N.
 */
export function sigmaAdjustment(
  p: number,
  population: number,
  averageProportion: number,
  side: FunnelSide,
  multiplier = 1,
): number {
  const q2 = normalQuantile(p) ** 2;
  const av = averageProportion;
  const n = population;
  const first = av * (n / q2 + 1);
  const adj = Math.sqrt(
    (-8 * av * (n / q2 + 1)) ** 2 - 64 * (1 / q2 + 1 / n) * av * (n * (av * (n / q2 + 2) - 1) + q2 * (av - 1)),
  );
  const last = 1 / q2 + 1 / n;
  const limit = side === "low" ? (first - adj / 8) / last : (first + adj / 8) / last;
  return (limit / n) * multiplier;
}

export interface ProportionFunnelLimits {
  lower2s: number;
  upper2s: number;
  lower3s: number;
  upper3s: number;
  baseline: number;
}

/**
 * Funnel lines for a proportion at one population, on the multiplier's scale (default 100, a
 * percentage), as in PHE's phe_funnels table. Lower lines are clamped at 0 and upper lines at 100.
 * Quirk kept from PHE: the upper clamp is 100 whatever the multiplier, so with multiplier 1 it never
 * bites and with multiplier 1000 it cuts lines that are still valid.
 */
export function proportionFunnelLimits(
  population: number,
  averageProportion: number,
  multiplier = 100,
): ProportionFunnelLimits {
  const line = (p: number, side: FunnelSide): number =>
    sigmaAdjustment(p, population, averageProportion, side, multiplier);
  return {
    lower2s: Math.max(0, line(0.975, "low")),
    upper2s: Math.min(100, line(0.975, "high")),
    lower3s: Math.max(0, line(0.999, "low")),
    upper3s: Math.min(100, line(0.999, "high")),
    baseline: averageProportion * multiplier,
  };
}
