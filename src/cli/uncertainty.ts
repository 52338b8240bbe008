import { warning, type Diagnostic } from "../engine/diagnostics.js";
import type { RankIntervalKind } from "../engine/stats/rank-intervals.js";
import type { Framework } from "../engine/framework/schema.js";
import type { PeriodColumns } from "../engine/rate.js";
import { bootstrapPeriodThreaded } from "./bootstrap-threads.js";
import { periodUncertainty, type PeriodUncertainty, type Uncertainty } from "../engine/uncertainty/category-probabilities.js";
import type { Inputs } from "./inputs.js";

export interface UncertaintyFlags {
  uncertainty?: boolean;
  draws: number;
  seed: number;
  /** Threads to draw on (--threads); undefined: as many as pay. The counts are the same either way. */
  threads?: number;
  /** --rank-intervals: confidence sets for the ranks by score, from the same draws. */
  rankIntervals?: RankIntervalKind;
}

/** One period's draws, counted; `index` is its place in period order, which names its random streams. */
export async function uncertaintyOfPeriod(framework: Framework, period: PeriodColumns, index: number, flags: UncertaintyFlags): Promise<PeriodUncertainty> {
  const draws = await bootstrapPeriodThreaded(framework, period, index, { draws: flags.draws, seed: flags.seed }, flags.threads);
  return periodUncertainty(draws, framework.categories.length);
}

/** The inputs' bootstrap, period by period. */
export async function uncertaintyOf(inputs: Inputs, flags: UncertaintyFlags): Promise<Uncertainty> {
  const periods: PeriodUncertainty[] = [];
  let index = 0;
  for (const p of inputs.periods()) periods.push(await uncertaintyOfPeriod(inputs.framework, p, index++, flags));
  return { draws: flags.draws, seed: flags.seed, periods };
}

/** Per indicator, how many values (over all periods) were held fixed, in the framework's order. */
function heldFixed(u: Uncertainty): Map<string, number> {
  const fixed = new Map<string, number>();
  for (const p of u.periods) for (const h of p.heldFixed) fixed.set(h.indicator, (fixed.get(h.indicator) ?? 0) + h.organisations);
  return fixed;
}

/** One warning per indicator with values that did not vary in the draws, so that a quiet run says so too. */
export function heldFixedWarnings(u: Uncertainty): Diagnostic[] {
  return [...heldFixed(u)].map(([id, n]) =>
    warning("W_HELD_FIXED", `indicator ${id}: ${n} value${n === 1 ? " has" : "s have"} no standard error or interval, held fixed in the bootstrap`),
  );
}

/** What the summary says under its table: the draws, and which values did not vary. */
export function uncertaintyNote(u: Uncertainty): string {
  const fixed = heldFixed(u);
  const held =
    fixed.size === 0
      ? ""
      : `; held fixed (a value with no standard error or interval): ${[...fixed].map(([id, n]) => `${id} (${n} organisation${n === 1 ? "" : "s"})`).join(", ")}`;
  return `Category probabilities from ${u.draws} bootstrap draws, seed ${u.seed}${held}\n`;
}
