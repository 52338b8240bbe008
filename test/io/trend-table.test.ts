import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { DEFAULT_XMR_OPTIONS } from "../../src/engine/stats/spc/xmr-chart.js";
import { trend, type Trend } from "../../src/engine/trend/trend.js";
import { formulaSafe } from "../../src/io/output/formula-safe.js";
import { pointFlag, renderTrend, seriesFlags } from "../../src/io/output/trend-table.js";
import { dataset, record, twoIndicators } from "../helpers/framework.js";

// "=A" starts a formula in a spreadsheet: the code cell must come out as text. Worked by hand: the
// moving ranges are twelve 2s and a 10, which is over 3.267 x their average (34/13) and is screened,
// so AMR = 2; mean 722/14; UPL = 722/14 + 5.32 = 56.89, which only the last point (60) is above.
const iapt = [50, 52, 50, 52, 50, 52, 50, 52, 50, 52, 50, 52, 50, 60];
const month = (i: number) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
const out = trend(
  twoIndicators,
  dataset(iapt.map((v, i) => record("=A", month(i), v, i === 0 ? 40 : null, i + 2))),
  { ...DEFAULT_XMR_OPTIONS, org: null, indicator: null },
);
if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
const t: Trend = out.trend;
const doc = { framework: { id: "test", title: "Test framework" }, options: DEFAULT_XMR_OPTIONS, trend: t };

describe("seriesFlags and pointFlag", () => {
  it("counts each rule's points as improvement or concern, in the rules' priority order", () => {
    const s = t.series[0]!;
    const flagged = s.chart.points.map((p) => pointFlag(p.cause, p.type));
    expect(flagged).toEqual([...Array<string>(13).fill(""), "outside-limits improvement"]);
    expect(seriesFlags(s)).toBe("outside-limits 1 improvement");
  });

  it("is empty for a series of common cause only, and for one point", () => {
    expect(seriesFlags(t.series[1]!)).toBe("");
    expect(pointFlag(null, "common_cause")).toBe("");
  });
});

describe("renderTrend", () => {
  it("writes one CSV row per series with the issue's columns, numbers as format-number writes them, formulas made safe", () => {
    const rows = parse(renderTrend(doc, "csv", false)) as string[][];
    expect(rows[0]).toEqual(["org_code", "indicator", "points", "mean", "lpl", "upl", "last_value", "variation", "assurance", "flags"]);
    expect(rows[1]).toEqual(["'=A", "iapt", "14", "51.571429", "46.251429", "56.891429", "60", "special_cause_improvement", "inconsistent", "outside-limits 1 improvement"]);
    // A single point has no moving range, so no limits.
    expect(rows[2]).toEqual(["'=A", "eip", "1", "", "", "", "40", "common_cause", "none", ""]);
  });

  it("writes one row per point with --points", () => {
    const rows = parse(renderTrend(doc, "csv", true)) as string[][];
    expect(rows[0]).toEqual(["org_code", "indicator", "period", "value", "mean", "lpl", "upl", "flag"]);
    expect(rows).toHaveLength(1 + 14 + 1);
    expect(rows[14]!.slice(2)).toEqual(["2025-02", "60", ...rows[1]!.slice(4, 7), "outside-limits improvement"]);
  });

  it("writes the same cells in JSON as in CSV (where formulas are made safe), numbers as numbers, with the periods and options", () => {
    const json = JSON.parse(renderTrend(doc, "json", false)) as { periods: string[]; options: object; series: Record<string, unknown>[] };
    const [columns, ...rows] = parse(renderTrend(doc, "csv", false)) as string[][];
    expect(json.periods).toEqual(t.periods);
    expect(json.options).toEqual({ baseline: null, screen_outliers: true, run_length: 7, two_in_three: "2-3sigma" });
    expect(json.series.map((s) => columns!.map((c) => formulaSafe(s[c] === null ? "" : String(s[c]))))).toEqual(rows);
    expect(typeof json.series[0]!["mean"]).toBe("number");
    expect(json.series[1]!["mean"]).toBeNull();
  });

  it("writes Markdown with a heading naming the periods", () => {
    const md = renderTrend(doc, "md", false);
    expect(md.split("\n").slice(0, 6)).toEqual([
      "# Test framework: trend over 14 periods (2024-01 to 2025-02)",
      "",
      "## Series",
      "",
      "| org_code | indicator | points | mean | lpl | upl | last_value | variation | assurance | flags |",
      "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |",
    ]);
    expect(md).toContain("| '=A | eip | 1 |  |  |  | 40 | common_cause | none |  |");
  });
});
