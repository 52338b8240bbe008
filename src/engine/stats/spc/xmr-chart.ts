import type { Polarity } from "../../framework/schema.js";
import { assurance, type Assurance } from "./assurance.js";
import { specialCauses, type RuleOptions, type SpecialCause } from "./special-cause.js";
import { xmrLimits, type XmrLimitOptions, type XmrLimits } from "./xmr-limits.js";

export interface XmrOptions extends XmrLimitOptions, RuleOptions {}

export const DEFAULT_XMR_OPTIONS: XmrOptions = { baseline: null, screenOutliers: true, runLength: 7, twoInThree: "2-3sigma" };

/**
 * Fewer points than this give trial limits, to be revised as points come (NHSRplotthedots
 * R/ptd_add_short_group_warnings.R, after its "number of points required" vignette).
 */
export const SHORT_SERIES = 13;

/** The package's point types, which the variation icon shows for the last point. */
export const POINT_TYPES = ["special_cause_improvement", "special_cause_concern", "common_cause"] as const;
export type PointType = (typeof POINT_TYPES)[number];

export interface XmrPoint {
  value: number;
  cause: SpecialCause | null;
  type: PointType;
}

export interface XmrChart {
  /** Null when there are fewer than two points to take a moving range from. */
  limits: XmrLimits | null;
  points: XmrPoint[];
  /** The last point's type: the variation icon. */
  variation: PointType;
  assurance: Assurance;
  /** Fewer than SHORT_SERIES points: the limits are trial limits. */
  short: boolean;
}

/**
 * One series' XmR chart as NHS England's "Making Data Count" reads it (NHSRplotthedots ptd_spc): the
 * limits, each point's special cause, improvement or concern by the indicator's polarity, and the
 * variation and assurance icons. The values are in time order.
 */
export function xmrChart(values: readonly number[], polarity: Polarity, target: number | null, options: XmrOptions): XmrChart {
  const limits = xmrLimits(values, options);
  const causes = limits === null ? values.map(() => null) : specialCauses(values, limits, options);
  const better = polarity === "higher" ? 1 : -1;
  const points = values.map((value, i): XmrPoint => {
    const cause = causes[i]!;
    const type = cause === null ? "common_cause" : cause.direction === better ? "special_cause_improvement" : "special_cause_concern";
    return { value, cause, type };
  });
  return {
    limits,
    points,
    variation: points.at(-1)?.type ?? "common_cause",
    assurance: assurance(limits, target, polarity),
    short: values.length < SHORT_SERIES,
  };
}
