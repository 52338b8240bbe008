import { describe, expect, it } from "vitest";
import type { OrgRecord } from "../../../src/engine/dataset/schema.js";
import { Framework, Indicator } from "../../../src/engine/framework/schema.js";
import { DEFAULT_XMR_OPTIONS, xmrChart } from "../../../src/engine/stats/spc/xmr-chart.js";
import { assuranceTarget } from "../../../src/engine/trend/assurance-target.js";
import { trend, type TrendOptions } from "../../../src/engine/trend/trend.js";
import { dataset, record, twoIndicators } from "../../helpers/framework.js";

const ALL: TrendOptions = { ...DEFAULT_XMR_OPTIONS, org: null, indicator: null };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Month i from January 2023, the way a text sort would get wrong. */
const month = (i: number) => `${MONTHS[i % 12]} ${2023 + Math.floor(i / 12)}`;

const iapt = [50, 52, 51, 53, 49, 50, 52, 51, 50, 53, 52, 58, 60, 61];
const eip = [40, 42, null, 41, 45, 44, 43, 40, 41, 42, 44, 45, 43, 40];
// B's records come in reverse period order; A's in file order, one line per period.
const records = [
  ...iapt.map((v, i) => record("B", month(i), v, eip[i]!, 100 - i)),
  ...iapt.slice(0, 5).map((v, i) => record("A", month(i), v - 10, null, 2 + i)),
].reverse();

describe("trend", () => {
  const out = trend(twoIndicators, dataset(records), ALL);
  if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
  const t = out.trend;

  it("puts the periods in time order, not text order", () => {
    expect(t.periods).toEqual(iapt.map((_, i) => month(i)));
    expect(t.periodKind).toBe("month");
  });

  it("gives a series per organisation (by code) and indicator (framework order), leaving out series without a value", () => {
    expect(t.series.map((s) => [s.code, s.indicator.id, s.chart.points.length])).toEqual([
      ["A", "iapt", 5],
      ["B", "iapt", 14],
      ["B", "eip", 13],
    ]);
    expect(t.empty).toBe(1);
    expect(t.uncharted).toEqual([]);
  });

  it("charts each series' values in period order, a period without a value having no point, as xmrChart does", () => {
    const b = t.series.find((s) => s.code === "B" && s.indicator.id === "eip")!;
    const values = eip.filter((v): v is number => v !== null);
    expect(b.periods).toEqual(eip.flatMap((v, i) => (v === null ? [] : [month(i)])));
    expect(b.chart).toEqual(xmrChart(values, "higher", 50, DEFAULT_XMR_OPTIONS));
    expect(b.target).toBe(50);
    const a = t.series.find((s) => s.code === "B" && s.indicator.id === "iapt")!;
    expect(a.chart.points.at(-1)!.type).toBe("special_cause_improvement");
  });

  it("passes the options on to the chart", () => {
    const options: TrendOptions = { baseline: 6, screenOutliers: false, runLength: 6, twoInThree: "beyond-2sigma", org: "B", indicator: "iapt" };
    const only = trend(twoIndicators, dataset(records), options);
    expect(only.ok && only.trend.series.map((s) => [s.code, s.indicator.id, s.chart])).toEqual([["B", "iapt", xmrChart(iapt, "higher", 50, options)]]);
  });

  it("warns once per series of fewer than 13 points, at its first record", () => {
    expect(t.warnings).toEqual([
      { code: "W_SHORT_SERIES", severity: "warning", message: "A iapt: 5 of 13 points needed for firm limits; charted with trial limits", file: "v.csv", line: 2 },
    ]);
  });

  it("needs periods", () => {
    const none = trend(twoIndicators, dataset([record("A", null, 50, 50)]), ALL);
    expect(none).toEqual({ ok: false, diagnostics: [expect.objectContaining({ code: "E_NO_PERIODS", file: "v.csv" })] });
  });

  it("stops at periods it cannot order, naming the first row of each", () => {
    const bad = trend(twoIndicators, dataset([record("A", "2024 Q1", 50, 50, 2), record("A", "Summer", 50, 50, 3), record("B", "Summer", 50, 50, 4)]), ALL);
    expect(bad).toEqual({ ok: false, diagnostics: [expect.objectContaining({ code: "E_PERIOD_ORDER", line: 3 })] });
  });

  it("refuses an organisation twice in one period, and counts it cannot use", () => {
    const twice = trend(twoIndicators, dataset([record("A", "2024 Q1", 50, 50, 2), record("A", "2024 Q1", 51, 50, 3)]), ALL);
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.diagnostics.filter((d) => d.severity === "error")).toEqual([expect.objectContaining({ code: "E_DUPLICATE_ORG", line: 3 })]);
    const zero: OrgRecord = { ...record("A", "2024 Q2", 50, 50), observations: { iapt: { value: null, numerator: 3, denominator: 0, origin: { file: "v.csv", line: 4, column: 3 } } } };
    const bad = trend(twoIndicators, dataset([record("A", "2024 Q1", 50, 50, 2), zero]), ALL);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.diagnostics.filter((d) => d.severity === "error")).toEqual([expect.objectContaining({ code: "E_ZERO_DENOMINATOR", line: 4 })]);
  });

  it("does not chart labels", () => {
    const fw = Framework.parse({
      id: "t",
      title: "t",
      indicators: [twoIndicators.indicators[0], { id: "cqc", label: "CQC", polarity: "higher", scoring: { method: "categorical", bands: { Good: 1, Poor: 2 } } }],
    });
    const labelled = trend(fw, dataset([record("A", "2024 Q1", 50, null)]), ALL);
    expect(labelled.ok && [labelled.trend.series.map((s) => s.indicator.id), labelled.trend.uncharted]).toEqual([["iapt"], ["cqc"]]);
  });
});

describe("assuranceTarget", () => {
  const ind = (extra: object) => Indicator.parse({ id: "x", label: "x", polarity: "higher", ...extra });
  it.each([
    ["the standard", { standard: 56, scoring: { method: "thresholds", cuts: [60, 50, 40] } }, 56],
    ["the middle cut of four bands", { scoring: { method: "thresholds", cuts: [60, 50, 40] } }, 50],
    ["the better middle cut of five bands", { scoring: { method: "thresholds", cuts: [70, 60, 50, 40] } }, 60],
    ["a single cut", { scoring: { method: "thresholds", cuts: [60] } }, 60],
    ["the standard of a relative method", { standard: 90, scoring: { method: "quantiles", percentiles: [25, 50, 75] } }, 90],
    ["nothing for a relative method without one", { scoring: { method: "rank-score" } }, null],
  ])("%s", (_, extra, expected) => {
    expect(assuranceTarget(ind(extra))).toBe(expected);
  });
});
