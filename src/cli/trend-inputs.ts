import type { Framework } from "../engine/framework/schema.js";
import { DEFAULT_XMR_OPTIONS, type XmrOptions } from "../engine/stats/spc/xmr-chart.js";
import type { TwoInThreeRule } from "../engine/stats/spc/two-in-three.js";
import { trend, type Trend, type TrendOptions } from "../engine/trend/trend.js";
import { DataFailure, UsageError } from "./failures.js";
import type { Inputs } from "./inputs.js";

/** The SPC options as commander gives them, shared by `trend` and `report --trend`. */
export interface SpcFlags {
  baseline?: number;
  screenOutliers?: boolean;
  runLength?: string;
  twoInThree?: TwoInThreeRule;
}

export function xmrOptionsOf(flags: SpcFlags): XmrOptions {
  if (flags.baseline !== undefined && flags.baseline < 2) throw new UsageError("--baseline needs at least 2 points (one moving range)");
  return {
    baseline: flags.baseline ?? DEFAULT_XMR_OPTIONS.baseline,
    screenOutliers: flags.screenOutliers ?? DEFAULT_XMR_OPTIONS.screenOutliers,
    runLength: flags.runLength === undefined ? DEFAULT_XMR_OPTIONS.runLength : Number(flags.runLength),
    twoInThree: flags.twoInThree ?? DEFAULT_XMR_OPTIONS.twoInThree,
  };
}

/**
 * The inputs' XmR charts, or a DataFailure with the read warnings and the problems found. A filter
 * that names no indicator of the framework, or no organisation of the values, is a usage error, as is
 * `named`, an organisation the caller will pick out of the charts.
 */
export function trendOfInputs(inputs: Inputs, options: TrendOptions, named: string | null = options.org): Trend {
  requireIndicator(inputs.framework, options.indicator);
  const outcome = trend(inputs.framework, inputs.dataset, options);
  if (!outcome.ok) throw new DataFailure(inputs.warnings.plus(outcome.diagnostics));
  if (named !== null && !inputs.dataset.records.some((r) => r.code === named)) throw new UsageError(`no organisation "${named}" in the values`);
  return outcome.trend;
}

function requireIndicator(framework: Framework, id: string | null): void {
  if (id === null) return;
  const ind = framework.indicators.find((i) => i.id === id);
  if (ind === undefined) throw new UsageError(`--indicator ${id} is not one of the framework's indicators: ${framework.indicators.map((i) => i.id).join(", ")}`);
  if (ind.scoring.method === "categorical") throw new UsageError(`--indicator ${id} has labels, not values: it has no chart`);
}
