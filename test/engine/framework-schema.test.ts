import { describe, expect, it } from "vitest";
import { thresholdCutsProblem } from "../../src/engine/framework/cuts.js";
import { Framework } from "../../src/engine/framework/schema.js";

const indicator = (over: Record<string, unknown> = {}) => ({
  id: "a",
  label: "A",
  polarity: "higher",
  scoring: { method: "thresholds", cuts: [55, 50, 45] },
  ...over,
});

describe("Framework schema", () => {
  it("scores and cuts on the categories a setTo override does not take", () => {
    const fw = Framework.safeParse({
      id: "x",
      title: "X",
      categories: ["A", "B", "C", "D", "E"],
      indicators: [indicator()],
      aggregation: { method: "mean-score", cuts: [1.5, 2.5, 3.5] },
      overrides: [{ column: "f", equals: ["yes"], setTo: "E" }],
    });
    expect(fw.success).toBe(true);
  });

  it("fills in the defaults", () => {
    const fw = Framework.parse({ id: "x", title: "X", indicators: [indicator()] });
    expect(fw.categories).toEqual(["Top performing", "Performing well", "Needs improvement", "Greatest need for improvement"]);
    expect(fw.aggregation).toEqual({ method: "mean-score", cuts: [1.5, 2.5, 3.5] });
    expect(fw.indicators[0]).toMatchObject({ unit: "%", weight: 1 });
    expect(fw.minIndicators).toBe(1);
  });

  it.each([
    ["no indicators", { indicators: [] }, "indicators"],
    ["duplicate indicator", { indicators: [indicator(), indicator()] }, "indicators.1.id"],
    ["cuts the wrong way", { indicators: [indicator({ scoring: { method: "thresholds", cuts: [45, 50, 55] } })] }, "indicators.0.scoring.cuts"],
    ["too few cuts", { indicators: [indicator({ scoring: { method: "thresholds", cuts: [55, 50] } })] }, "indicators.0.scoring.cuts"],
    ["bad polarity", { indicators: [indicator({ polarity: "up" })] }, "indicators.0.polarity"],
    ["bad unit", { indicators: [indicator({ unit: "per 0" })] }, "indicators.0.unit"],
    ["zero weight", { indicators: [indicator({ weight: 0 })] }, "indicators.0.weight"],
    ["id with a space", { indicators: [indicator({ id: "a b" })] }, "indicators.0.id"],
    ["unknown method", { indicators: [indicator({ scoring: { method: "magic" } })] }, "indicators.0.scoring.method"],
    ["unknown key", { indicators: [indicator()], colour: "red" }, ""],
    ["aggregation cuts descending", { indicators: [indicator()], aggregation: { method: "mean-score", cuts: [3.5, 2.5, 1.5] } }, "aggregation.cuts"],
    ["reserved category", { indicators: [indicator()], categories: ["A", "B", "C", "Not rated"] }, "categories"],
    ["repeated category", { indicators: [indicator()], categories: ["A", "A", "C", "D"] }, "categories"],
    ["setTo an unknown category", { indicators: [indicator()], overrides: [{ column: "f", equals: ["yes"], setTo: "Z" }] }, "overrides.0.setTo"],
    ["both capAt and setTo", { indicators: [indicator()], overrides: [{ column: "f", equals: ["yes"], capAt: "Performing well", setTo: "Performing well" }] }, "overrides.0"],
    [
      "mean cuts for every category though setTo takes one",
      { indicators: [indicator({ scoring: { method: "rank-score" } })], categories: ["A", "B", "C", "D", "E"], aggregation: { method: "mean-score", cuts: [1.5, 2.5, 3.5, 3.8] }, overrides: [{ column: "f", equals: ["yes"], setTo: "E" }] },
      "aggregation.cuts",
    ],
  ])("rejects %s", (_name, over, path) => {
    const result = Framework.safeParse({ id: "x", title: "X", ...over });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.path.join("."))).toContain(path);
  });
});

describe("thresholdCutsProblem", () => {
  it.each([
    [[55, 50, 45], "higher", 4, null],
    [[4, 6, 8], "lower", 4, null],
    [[55, 55, 45], "higher", 4, "cuts must fall from the best band to the worst when higher is better (got 55, 55, 45)"],
    [[8, 6, 4], "lower", 4, "cuts must rise from the best band to the worst when lower is better (got 8, 6, 4)"],
    [[1, 2], "lower", 4, "4 categories need 3 cuts, got 2"],
    [[10], "higher", 2, null],
  ] as const)("%j %s-is-better, %s categories: %s", (cuts, polarity, n, problem) => {
    expect(thresholdCutsProblem(cuts, polarity, n)).toBe(problem);
  });
});
