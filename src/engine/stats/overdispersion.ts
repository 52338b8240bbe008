import { quantilesType7 } from "./quantile.js";

/**
 * Over-dispersion of z-scores as in Spiegelhalter (2005, 2012), following FunnelPlotR's choices.
 *
 * - "proportion" (FunnelPlotR "PR"): Y = asin√(O/n), target = asin√(ΣO/Σn), s = 1/(2√n).
 * - "ratio" (FunnelPlotR "SR" with sr_method "SHMI"): Y = log(O/E), target 0, s = 1/√E.
 *   E is first rounded to 2 dp (FunnelPlotR's default SHMI_rounding = TRUE, which mirrors NHS
 *   Digital publishing expected deaths to 2 dp); pass roundExpected: false to use E as given.
 *
 * Outliers are damped before φ is estimated, so that a few extreme units do not inflate it:
 * "winsorise" pulls z below/above the trim/(1 − trim) type-7 quantiles in to those quantiles;
 * "truncate" (the SHMI method) drops the units whose rank falls in the outer trim fractions.
 * FunnelPlotR's defaults are winsorising for proportions and truncation for SHMI ratios.
 */
export type OverdispersionKind = "proportion" | "ratio";
export type OverdispersionMethod = "none" | "multiplicative" | "additive";
export type OutlierDamping = "winsorise" | "truncate";

export interface OverdispersionInput {
  kind: OverdispersionKind;
  observed: readonly number[];
  /** n for proportions, expected count E for ratios. */
  denominators: readonly number[];
  method: OverdispersionMethod;
  /** Fraction damped at each end; default 0.1. */
  trim?: number;
  /** Default: "winsorise" for proportions, "truncate" for ratios. */
  damping?: OutlierDamping;
  /** Ratios only: round E to 2 dp first (default true). */
  roundExpected?: boolean;
}

export interface OverdispersionResult {
  /** Target on the transformed scale (asin√p̄ for proportions, 0 for ratios). */
  target: number;
  /** Y, the transformed value of each unit. */
  y: number[];
  /** s, the within-unit standard error of Y. */
  s: number[];
  /** Unadjusted z = (Y − target)/s. */
  zRaw: number[];
  /** Damped z-scores (winsorised, or NaN for truncated units) from which φ is estimated. */
  zDamped: number[];
  /** φ, the mean squared damped z-score over the units that were not truncated. */
  phi: number;
  /** τ², the DerSimonian–Laird between-unit variance on the transformed scale. */
  tau2: number;
  /**
   * Whether z was adjusted. Like FunnelPlotR, no adjustment is made when φ <= 1: under-dispersion
   * is not used to narrow the limits, and φ just below 1 would otherwise give a small positive τ².
   */
  adjusted: boolean;
  /** z-scores after the adjustment for over-dispersion (equal to zRaw when not adjusted). */
  z: number[];
}

/** R's round(x, 2) for the non-tie cases; exact decimal ties (rare in expected counts) go to even. */
function roundTo2dp(x: number): number {
  const scaled = x * 100;
  const floor = Math.floor(scaled);
  const fraction = scaled - floor;
  const rounded = fraction === 0.5 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(scaled);
  return rounded / 100;
}

function transform(input: OverdispersionInput): { target: number; y: number[]; s: number[] } {
  const { observed, denominators } = input;
  if (input.kind === "proportion") {
    const total = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0);
    return {
      target: Math.asin(Math.sqrt(total(observed) / total(denominators))),
      y: observed.map((o, i) => Math.asin(Math.sqrt(o / (denominators[i] as number)))),
      s: denominators.map((n) => 1 / (2 * Math.sqrt(n))),
    };
  }
  const expected = input.roundExpected === false ? [...denominators] : denominators.map(roundTo2dp);
  return {
    target: 0,
    y: observed.map((o, i) => Math.log(o / (expected[i] as number))),
    s: expected.map((e) => 1 / Math.sqrt(e)),
  };
}

function winsorise(z: readonly number[], trim: number): number[] {
  const [low, high] = quantilesType7(z, [trim, 1 - trim]) as [number, number];
  return z.map((v) => (v < low ? low : v > high ? high : v));
}

/** R's rank(ties.method = "average"), 1-based. */
function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1] as number] === values[order[start] as number]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k] as number] = rank;
    start = end + 1;
  }
  return ranks;
}

/**
 * SHMI truncation: with k = 1/trim groups, a unit's group is floor(rank·k/(n + 1)); units in the
 * lowest group (0) and in groups k − 1 and above are dropped (NaN). For trim 0.1 and 100 units this
 * keeps ranks 11–90.
 */
function truncate(z: readonly number[], trim: number): number[] {
  const groups = 1 / trim;
  const ranks = averageRanks(z);
  return z.map((v, i) => {
    const group = Math.floor(((ranks[i] as number) * groups) / (z.length + 1));
    return group > 0 && group < groups - 1 ? v : Number.NaN;
  });
}

/** DerSimonian–Laird moment estimator of τ² from φ and the within-unit standard errors. */
function derSimonianLaird(phi: number, s: readonly number[]): number {
  const n = s.length;
  if (n === 0 || n * phi < n - 1) return 0;
  const weights = s.map((si) => 1 / (si * si));
  const sumW = weights.reduce((sum, w) => sum + w, 0);
  const sumW2 = weights.reduce((sum, w) => sum + w * w, 0);
  return Math.max(0, (n * phi - (n - 1)) / (sumW - sumW2 / sumW));
}

export function overdispersion(input: OverdispersionInput): OverdispersionResult {
  const { observed, denominators, method } = input;
  if (observed.length !== denominators.length) {
    throw new RangeError(
      `overdispersion: ${observed.length} observed values but ${denominators.length} denominators`,
    );
  }
  const trim = input.trim ?? 0.1;
  if (!(trim >= 0 && trim < 0.5)) throw new RangeError(`overdispersion: trim must be in [0, 0.5), got ${trim}`);
  const damping = input.damping ?? (input.kind === "ratio" ? "truncate" : "winsorise");

  const { target, y, s } = transform(input);
  const zRaw = y.map((yi, i) => (yi - target) / (s[i] as number));
  const zDamped = damping === "winsorise" ? winsorise(zRaw, trim) : truncate(zRaw, trim);

  // Truncated units leave both φ and τ²: their s values do not enter the weights either.
  const kept = zDamped.flatMap((z, i) => (Number.isNaN(z) ? [] : [i]));
  const phi = kept.reduce((sum, i) => sum + (zDamped[i] as number) ** 2, 0) / kept.length;
  const tau2 = derSimonianLaird(phi, kept.map((i) => s[i] as number));

  const adjusted = method !== "none" && phi > 1;
  const z = !adjusted
    ? [...zRaw]
    : method === "multiplicative"
      ? zRaw.map((zi) => zi / Math.sqrt(phi))
      : y.map((yi, i) => (yi - target) / Math.sqrt((s[i] as number) ** 2 + tau2));
  return { target, y, s, zRaw, zDamped, phi, tau2, adjusted, z };
}
