import { orgPeriodKey } from "../dataset/org-period.js";
import type { Dataset } from "../dataset/schema.js";
import { isStrictlyMonotone, thresholdCutsProblem } from "../framework/cuts.js";
import type { Framework } from "../framework/schema.js";
import { scaleCategories } from "../framework/categories.js";
import { rate, type Rating } from "../rate.js";

/** How each cut is moved: by one unit of its scale and by 5% of its value, both ways. */
export const CUT_SHIFTS = [
  { name: "-1", move: (x: number) => x - 1 },
  { name: "+1", move: (x: number) => x + 1 },
  { name: "-5%", move: (x: number) => x * 0.95 },
  { name: "+5%", move: (x: number) => x * 1.05 },
] as const;

export interface CategoryChange {
  code: string;
  period: string | null;
  from: string;
  to: string;
}

export interface CutShiftResult {
  shift: (typeof CUT_SHIFTS)[number]["name"];
  movedTo: number;
  /** Null when the moved cut would pass its neighbour, so the framework would not be one. */
  changed: CategoryChange[] | null;
}

export interface CutSensitivity {
  /** The indicator whose thresholds cut this is, or null for a cut of the aggregated mean. */
  indicator: string | null;
  /** 1 for the cut between the best band and the next. */
  cut: number;
  at: number;
  shifts: CutShiftResult[];
}

/**
 * Which fixed cuts carry the headline counts: every thresholds cut of an indicator and every fixed
 * cut of a mean-score aggregation is moved in turn, the whole rating done again, and the
 * organisations whose category changes listed. Relative methods (quantiles, rank scores, quantile
 * cuts of the means) have no fixed cut to move and are not listed.
 */
export function cutSensitivity(framework: Framework, dataset: Dataset, base: Rating): CutSensitivity[] {
  const before = new Map(base.organisations.map((o) => [orgPeriodKey(o.code, o.period), o.category]));
  const changesUnder = (fw: Framework): CategoryChange[] => {
    const outcome = rate(fw, dataset);
    if (!outcome.ok) return [];
    return outcome.rating.organisations.flatMap((o) => {
      const from = before.get(orgPeriodKey(o.code, o.period))!;
      return from === o.category ? [] : [{ code: o.code, period: o.period, from, to: o.category }];
    });
  };
  const out: CutSensitivity[] = [];
  framework.indicators.forEach((ind, i) => {
    if (ind.scoring.method !== "thresholds") return;
    const cuts = ind.scoring.cuts;
    cuts.forEach((at, c) => {
      const shifts = CUT_SHIFTS.map(({ name, move }) => {
        const moved = cuts.map((x, j) => (j === c ? move(x) : x));
        const valid = thresholdCutsProblem(moved, ind.polarity, cuts.length + 1) === null;
        const fw: Framework = { ...framework, indicators: framework.indicators.map((other, j) => (j === i ? { ...other, scoring: { method: "thresholds", cuts: moved } } : other)) };
        return { shift: name, movedTo: moved[c]!, changed: valid ? changesUnder(fw) : null };
      });
      out.push({ indicator: ind.id, cut: c + 1, at, shifts });
    });
  });
  const agg = framework.aggregation;
  if (agg.method === "mean-score" && agg.cuts !== undefined && agg.quantiles === undefined) {
    const cuts = agg.cuts;
    const top = scaleCategories(framework.categories, framework.overrides ?? []).length;
    cuts.forEach((at, c) => {
      const shifts = CUT_SHIFTS.map(({ name, move }) => {
        const moved = cuts.map((x, j) => (j === c ? move(x) : x));
        const valid = isStrictlyMonotone(moved, "ascending") && moved[0]! >= 1 && moved.at(-1)! <= top;
        const fw: Framework = { ...framework, aggregation: { ...agg, cuts: moved } };
        return { shift: name, movedTo: moved[c]!, changed: valid ? changesUnder(fw) : null };
      });
      out.push({ indicator: null, cut: c + 1, at, shifts });
    });
  }
  return out;
}
