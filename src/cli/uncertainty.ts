import type { Framework } from "../engine/framework/schema.js";
import type { PeriodColumns } from "../engine/rate.js";
import { bootstrapPeriod } from "../engine/uncertainty/bootstrap.js";
import { periodUncertainty, type PeriodUncertainty, type Uncertainty } from "../engine/uncertainty/category-probabilities.js";
import type { Inputs } from "./inputs.js";

export interface UncertaintyFlags {
  uncertainty?: boolean;
  draws: number;
  seed: number;
}

/** One period's draws, counted; `index` is its place in period order, which names its random streams. */
export function uncertaintyOfPeriod(framework: Framework, period: PeriodColumns, index: number, flags: UncertaintyFlags): PeriodUncertainty {
  return periodUncertainty(bootstrapPeriod(framework, period, index, { draws: flags.draws, seed: flags.seed }), framework.categories.length);
}

/** The inputs' bootstrap, period by period. */
export function uncertaintyOf(inputs: Inputs, flags: UncertaintyFlags): Uncertainty {
  return { draws: flags.draws, seed: flags.seed, periods: [...inputs.periods()].map((p, index) => uncertaintyOfPeriod(inputs.framework, p, index, flags)) };
}

/** What the summary says under its table: the draws, and which values did not vary. */
export function uncertaintyNote(u: Uncertainty): string {
  const fixed = new Map<string, number>();
  for (const p of u.periods) for (const h of p.heldFixed) fixed.set(h.indicator, (fixed.get(h.indicator) ?? 0) + h.organisations);
  const held =
    fixed.size === 0
      ? ""
      : `; held fixed (a value with no standard error or interval): ${[...fixed].map(([id, n]) => `${id} (${n} organisation${n === 1 ? "" : "s"})`).join(", ")}`;
  return `Category probabilities from ${u.draws} bootstrap draws, seed ${u.seed}${held}\n`;
}
