import { describe, expect, it } from "vitest";
import { rate } from "../../src/engine/rate.js";
import { DEFAULT_XMR_OPTIONS } from "../../src/engine/stats/spc/xmr-chart.js";
import { trend, type Trend } from "../../src/engine/trend/trend.js";
import { reportHtml } from "../../src/report/report-html.js";
import { assuranceLabel, variationLabel } from "../../src/report/spc-labels.js";
import { trendPlot } from "../../src/report/trend-plot.js";
import { dataset, record, twoIndicators } from "../helpers/framework.js";

// A's iapt alternates 50/52 and ends at 60, above its upper limit (worked in trend-table.test.ts).
const iapt = [50, 52, 50, 52, 50, 52, 50, 52, 50, 52, 50, 52, 50, 60];
const quarter = (i: number) => `${2021 + Math.floor(i / 4)} Q${(i % 4) + 1}`;
const records = [...iapt.map((v, i) => record("A", quarter(i), v, 45, i + 2)), record("B", quarter(13), 40, 30, 20)];
const data = dataset(records);
const charted = trend(twoIndicators, data, { ...DEFAULT_XMR_OPTIONS, org: null, indicator: null });
if (!charted.ok) throw new Error(JSON.stringify(charted.diagnostics));
const t: Trend = charted.trend;
const rated = rate(twoIndicators, data);
if (!rated.ok) throw new Error("rating failed");

describe("trendPlot", () => {
  const svg = trendPlot(t.series[0]!);

  it("draws every point once, the special ones larger and named on hover", () => {
    expect(svg.match(/class="dot( special)?"/g)).toHaveLength(iapt.length);
    expect(svg.match(/class="dot special"/g)).toHaveLength(1);
    expect(svg).toContain("<title>2024 Q2: 60, outside-limits improvement</title>");
    expect(svg).toContain("<title>2021 Q1: 50, common cause</title>");
  });

  it("draws and labels the mean, the limits, the two-sigma lines and the target", () => {
    expect(svg.match(/class="limit998"/g)).toHaveLength(2);
    expect(svg.match(/class="limit95"/g)).toHaveLength(2);
    expect(svg.match(/class="spc-mean"/g)).toHaveLength(1);
    expect(svg.match(/class="standard"/g)).toHaveLength(1);
    for (const label of ["UPL 56.89", "mean 51.57", "LPL 46.25", "target 50"]) expect(svg).toContain(`>${label}</text>`);
  });

  it("labels the last period on the axis", () => {
    expect(svg).toContain('text-anchor="middle">2024 Q2</text>');
  });
});

describe("the icons as labels", () => {
  it.each([
    [variationLabel("special_cause_improvement"), "Variation: special cause improvement", "Improvement"],
    [variationLabel("common_cause"), "Variation: common cause", "Common cause"],
    [assuranceLabel("consistent_fail"), "Assurance: consistently fails the target", "Fails"],
    [assuranceLabel("none"), "Assurance: no target", "No target"],
  ])("%s", (html, name, text) => {
    expect(html).toContain(`role="img" aria-label="${name}" title="${name}"`);
    expect(html.replace(/<svg.*<\/svg>/, "").replace(/<[^>]+>/g, "")).toBe(text);
  });
});

describe("reportHtml with a trend", () => {
  it("without a trend has no SPC column, no trend section and no trend styles", () => {
    const html = reportHtml(rated.rating);
    expect(html).not.toContain("SPC");
    expect(html).not.toContain('id="trend"');
    expect(html).not.toContain(".spc-mean");
  });

  it("adds an SPC column per indicator, filled on each series' last row only", () => {
    const html = reportHtml(rated.rating, { trend: { trend: t, org: null, options: DEFAULT_XMR_OPTIONS } });
    expect(html.match(/>SPC<\/th>/g)).toHaveLength(2);
    expect(html.match(/<td class="spc" data-sort="\d+">/g)).toHaveLength(4);
    expect(html.match(/<td class="spc" data-sort="">/g)).toHaveLength(2 * (records.length - 2));
    expect(html).toContain('aria-label="Variation: special cause improvement"');
    expect(html).not.toContain('id="trend"');
  });

  it("with an organisation, charts each of its indicators", () => {
    const html = reportHtml(rated.rating, { trend: { trend: t, org: "A", options: DEFAULT_XMR_OPTIONS } });
    expect(html).toContain('<h2 id="trend-h">Trend: A A name</h2>');
    expect(html.match(/<figure id="trend-/g)).toHaveLength(2);
    expect(html).toContain("Rules that fired: outside-limits 1 improvement.");
    expect(html).toContain("runs of 7; two of three points between two and three sigma");
    const b = reportHtml(rated.rating, { trend: { trend: t, org: "B", options: DEFAULT_XMR_OPTIONS } });
    expect(b).toContain("Fewer than 13 points: trial limits, to be revised as points come.");
  });
});
