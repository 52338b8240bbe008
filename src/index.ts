export { rate, ratePeriod, type PeriodRating, type Rating, type RateOutcome, type RatedOrg, type IndicatorResult, type IndicatorStatistic, type Summary } from "./engine/rate.js";
export { Framework, Indicator, type FrameworkInput } from "./engine/framework/schema.js";
export { DEFAULT_CATEGORIES, NOT_RATED } from "./engine/framework/categories.js";
export { Dataset, OrgRecord, Observation } from "./engine/dataset/schema.js";
export { Diagnostic, DiagnosticCode } from "./engine/diagnostic-schema.js";
export { bandByThresholds } from "./engine/scoring/thresholds.js";
export { readValues } from "./io/values/read-values.js";
export { DEFAULT_VALUES_OPTIONS, type ValuesOptions } from "./io/values/options.js";
export { OUR_COLUMNS, VALUES_LAYOUTS, type ValuesLayout } from "./io/values/layout.js";
export { readThresholds } from "./io/thresholds/read-thresholds.js";
export { parseFrameworkText, readFrameworkFile } from "./io/framework/read-framework.js";
export { renderRating, type OutputFormat } from "./io/output/render.js";
export { run } from "./cli/main.js";
export type { Proc } from "./cli/proc.js";
export { reportHtml, type ReportOptions } from "./report/report-html.js";
export { compare, type Comparison, type ComparisonRow, type CompareOutcome } from "./engine/compare/compare.js";
export { gradedRowsOf, type GradedRows } from "./engine/compare/graded-rows.js";
export { successorMap, successorOf, type Succession, type SuccessorMap } from "./engine/compare/successors.js";
export { explain, type Explanation } from "./engine/explain/explanation.js";
export { suspiciousInputs } from "./engine/validate/suspicious.js";
export { readGraded } from "./io/graded/graded-rows.js";
export { readSuccessions } from "./io/maps/read-successors.js";
export { renderComparison, type ComparisonFormat } from "./io/output/comparison.js";
export { trend, type Trend, type TrendOptions, type TrendOutcome, type TrendSeries } from "./engine/trend/trend.js";
export { orderPeriods, periodReadings, type PeriodOrder } from "./engine/trend/period-order.js";
export { renderTrend } from "./io/output/trend-table.js";
/**
 * Statistics for ranks (issue 13 part 2), pure functions of plain numbers:
 * - `rankIntervals({ estimates, standardErrors | covariance, better, kind, level, stepdown, draws, random })`
 *   gives, for each estimate in input order, its rank (1 + the number strictly better), and the
 *   confidence set for its true rank [rankLower, rankUpper] by Mogstad, Romano, Shaikh & Wilhelm
 *   (2023), as the R package csranks computes it: `marginal` (default; each set covers its own rank
 *   with probability `level`, default 0.95) or `simultaneous` (all sets cover all ranks at once);
 *   stepdown by default; `draws` (default 1000) parametric-bootstrap draws from `random`. Same
 *   inputs and seed, same result. Throws a RangeError on input of the wrong shape (lengths, a
 *   non-finite value, a covariance that is not symmetric positive semi-definite, two estimates whose
 *   difference has no variance).
 * - `expectedRanks(estimates, standardErrors, better)`: 1 + the sum over the others of the normal
 *   probability that each is better (Lingsma et al. 2009).
 * - `studentizedRangeCdf(w, k)` and `studentizedRangeQuantile(p, k)`: the range of k standard normals
 *   (the studentised range with infinite degrees of freedom), q(0.95; 10, ∞) = 4.474.
 * - `Random`: the seeded generator (xoshiro128**), `new Random(seed)`.
 */
export { rankIntervals, type Better, type RankInterval, type RankIntervalKind, type RankIntervalsInput } from "./engine/stats/rank-intervals.js";
export { expectedRanks } from "./engine/stats/expected-rank.js";
export { studentizedRangeCdf, studentizedRangeQuantile } from "./engine/stats/studentized-range.js";
export { Random } from "./engine/stats/random.js";
export { bootstrap, bootstrapPeriod, type BootstrapOptions, type PeriodDraws } from "./engine/uncertainty/bootstrap.js";
export { periodRankSets, rankRefusal, type PeriodRankSets, type RankSet, type RankSetOptions, type RankSets } from "./engine/uncertainty/rank-sets.js";
export { categoryProbabilities, periodUncertainty, type CategoryProbabilities, type CountInterval, type PeriodUncertainty, type Uncertainty } from "./engine/uncertainty/category-probabilities.js";
/**
 * Funnel plots as Public Health England's PHEindicatormethods draws them (phe_funnels,
 * phe_funnel_significance), checked against its published test tables: `proportionFunnelLimits`
 * (the lines around an average proportion at one population), `ratioFunnelRow` (an observed count's
 * exact Poisson lines for O/E, e.g. SHMI), `rateFunnelRow` (the same for a rate per population),
 * `assignFunnelSignificance` (a proportion) and `assignRatioFunnelSignificance` (a ratio or rate):
 * "Low (0.001)", "Low (0.025)", "High (0.025)", "High (0.001)" or "Not significant".
 */
export {
  assignFunnelSignificance,
  assignRatioFunnelSignificance,
  proportionFunnelLimits,
  rateFunnelRow,
  ratioFunnelRow,
  type FunnelSignificance,
  type ProportionFunnelLimits,
  type RateFunnelRow,
  type RatioFunnelRow,
} from "./engine/stats/funnel.js";
