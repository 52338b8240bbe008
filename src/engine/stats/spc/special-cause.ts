import { runMembers, shiftRunEnds, trendRunEnds, type Direction } from "./runs.js";
import { beyondTwoSigma, twoInThree, type TwoInThreeRule } from "./two-in-three.js";
import type { XmrLimits } from "./xmr-limits.js";

/** The Making Data Count rules, in the order they take priority when a point breaks several. */
export const SPECIAL_CAUSE_RULES = ["outside-limits", "trend", "two-in-three", "shift"] as const;
export type SpecialCauseRule = (typeof SPECIAL_CAUSE_RULES)[number];

export interface SpecialCause {
  rule: SpecialCauseRule;
  /** 1: above the mean or rising; -1: below or falling. */
  direction: 1 | -1;
}

export interface RuleOptions {
  /** Points in a trend or a shift: 7 in the package, 6 or 7 in the Excel tool. */
  runLength: number;
  twoInThree: TwoInThreeRule;
}

/** Which points each rule marks: what specialCauseAt chooses from. */
export interface RuleMarks {
  /** Each point's side of the mean. */
  sides: Direction[];
  outside: boolean[];
  /** The direction of the trend a point is part of, 0 when none. */
  trend: Direction[];
  twoInThree: boolean[];
  shift: boolean[];
}

export function ruleMarks(values: readonly number[], limits: XmrLimits, options: RuleOptions): RuleMarks {
  const sides = values.map((y) => Math.sign(y - limits.mean) as Direction);
  return {
    sides,
    outside: values.map((y) => y > limits.upl || y < limits.lpl),
    trend: runMembers(trendRunEnds(values, options.runLength), options.runLength),
    twoInThree: twoInThree(beyondTwoSigma(values, limits, options.twoInThree), sides),
    shift: runMembers(shiftRunEnds(sides, options.runLength), options.runLength).map((d) => d !== 0),
  };
}

/**
 * Point i's special cause, the first rule that marks it in priority order, or null for common cause
 * (the package's ptd_special_cause_type). A point outside the limits is above when it is above the
 * mean, else below, as the package reads it.
 */
export function specialCauseAt(marks: RuleMarks, i: number): SpecialCause | null {
  const side: 1 | -1 = marks.sides[i] === 1 ? 1 : -1;
  if (marks.outside[i]) return { rule: "outside-limits", direction: side };
  const trend = marks.trend[i]!;
  if (trend !== 0) return { rule: "trend", direction: trend };
  if (marks.twoInThree[i]) return { rule: "two-in-three", direction: side };
  if (marks.shift[i]) return { rule: "shift", direction: side };
  return null;
}

export function specialCauses(values: readonly number[], limits: XmrLimits, options: RuleOptions): (SpecialCause | null)[] {
  const marks = ruleMarks(values, limits, options);
  return values.map((_, i) => specialCauseAt(marks, i));
}
