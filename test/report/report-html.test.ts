import { describe, expect, it } from "vitest";
import { compare } from "../../src/engine/compare/compare.js";
import { gradedRowsOf } from "../../src/engine/compare/graded-rows.js";
import { Framework } from "../../src/engine/framework/schema.js";
import { rate, type Rating } from "../../src/engine/rate.js";
import { indicatorPlot } from "../../src/report/indicator-plot.js";
import { reportHtml } from "../../src/report/report-html.js";

const framework = Framework.parse({
  id: "test-fw",
  title: "Test <framework>",
  source: "Made up & synthetic",
  caveats: "Not real",
  indicators: [
    { id: "share", label: "A share", polarity: "higher", unit: "%", standard: 50, scoring: { method: "thresholds", cuts: [60, 50, 40] } },
    { id: "count", label: "A count", polarity: "lower", unit: "count", scoring: { method: "thresholds", cuts: [1, 2, 3] } },
  ],
});

function rating(): Rating {
  const outcome = rate(framework, {
    hasPeriods: false,
    records: [
      { code: "A1", name: "Alpha <b>", period: null, observations: { share: { value: null, numerator: 70, denominator: 100 }, count: { value: 0 } } },
      { code: "B2", name: "Beta", period: null, observations: { share: { value: null, numerator: 45, denominator: 100 }, count: { value: 4 } } },
      { code: "C3", name: "Gamma", period: null, observations: { share: { value: null, missing: "suppressed" }, count: { value: null } } },
    ],
  });
  if (!outcome.ok) throw new Error("rating failed");
  return outcome.rating;
}

describe("reportHtml", () => {
  const html = reportHtml(rating());

  it("is one self-contained document: no external scripts, styles, images or fonts", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/@import|url\((?!#)/);
    expect(html).toContain("default-src 'none'");
  });

  it("is the same bytes every time", () => {
    expect(reportHtml(rating())).toBe(html);
  });

  it("shows the title, source and caveats, escaped", () => {
    expect(html).toContain("<h1>Test &lt;framework&gt;</h1>");
    expect(html).toContain("Made up &amp; synthetic");
    expect(html).toContain("Not real");
    expect(html).not.toContain("Alpha <b>");
    expect(html).toContain("Alpha &lt;b&gt;");
  });

  it.each([
    ["Top performing", 1],
    ["Performing well", 0],
    ["Needs improvement", 1],
    ["Greatest need for improvement", 0],
    ["Not rated", 1],
  ])("counts %s: %i", (category, count) => {
    expect(html).toContain(`<span class="count" data-category="${category}" data-period="">${count}</span>`);
  });

  it("has one table row per organisation, with search text and sort keys", () => {
    expect(html.match(/<tr data-search=/g)).toHaveLength(3);
    expect(html).toContain('<tr data-search="a1 alpha &lt;b&gt;">');
    expect(html).toContain('data-sort="70"');
  });

  it("names each organisation on hover in the plots", () => {
    expect(html).toContain("<title>A1 Alpha &lt;b&gt;: 70 = 70 / 100, band 1 (Top performing); category Top performing</title>");
    expect(html).toContain("<title>B2 Beta: 4, band 4 (Greatest need for improvement); category Needs improvement</title>");
  });

  it("adds the comparison when given one", () => {
    const r = rating();
    const now = gradedRowsOf(r, null);
    const old = { ...now, rows: [{ code: "A1", name: "Alpha", period: null, category: "Needs improvement", score: 3 }] };
    const outcome = compare(old, now, { map: new Map(), allowDifferentFrameworks: false });
    if (!outcome.ok) throw new Error("compare failed");
    const withCompare = reportHtml(r, { comparison: { comparison: outcome.comparison, labels: { old: "old.csv", new: "this rating" } } });
    expect(withCompare).toContain("Compared with old.csv");
    expect(withCompare).toContain('<strong class="up" data-count="up">1</strong>');
    expect(withCompare).toContain('<strong data-count="new">2</strong>');
    expect(html).not.toContain('id="compare"');
  });
});

describe("indicatorPlot", () => {
  const r = rating();
  it.each([
    { index: 0, kind: "funnel", axis: "denominator (people counted)", lines: ["cut 60", "cut 40", "standard = cut 50"], dots: 2 },
    { index: 1, kind: "strip", axis: "value, count (lower is better)", lines: ["cut 1", "cut 2", "cut 3"], dots: 2 },
  ])("draws indicator $index as a $kind plot", ({ index, axis, lines, dots }) => {
    const svg = indicatorPlot(r.framework, index, r.organisations);
    expect(svg).toContain(axis);
    for (const l of lines) expect(svg).toContain(`>${l}</text>`);
    expect(svg.match(/class="dot"/g)).toHaveLength(dots);
    expect(svg.match(/class="band-zone"/g)?.length).toBeGreaterThan(0);
  });

  it.each([
    { index: 0, limits: true, why: "a share with a standard, from numerator and denominator" },
    { index: 1, limits: false, why: "a count without a standard" },
  ])("draws control limits for indicator $index: $limits ($why)", ({ index, limits }) => {
    const svg = indicatorPlot(r.framework, index, r.organisations);
    expect(svg.match(/class="limit95"/g)?.length ?? 0).toBe(limits ? 2 : 0);
    expect(svg.match(/class="limit998"/g)?.length ?? 0).toBe(limits ? 2 : 0);
    expect(svg.includes(">99.8%</text>")).toBe(limits);
  });

  it("draws each band in its own colour and shape", () => {
    const svg = indicatorPlot(r.framework, 1, r.organisations);
    expect(svg).toMatch(/<circle class="dot" fill="#1b7837"[^>]*><title>A1 /);
    expect(svg).toMatch(/<path class="dot" fill="#c0262d"[^>]*><title>B2 /);
  });
});
