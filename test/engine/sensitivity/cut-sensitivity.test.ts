import { describe, expect, it } from "vitest";
import type { Dataset } from "../../../src/engine/dataset/schema.js";
import { Framework } from "../../../src/engine/framework/schema.js";
import { rate } from "../../../src/engine/rate.js";
import { cutSensitivity } from "../../../src/engine/sensitivity/cut-sensitivity.js";

const framework = Framework.parse({
  id: "one",
  title: "One indicator",
  indicators: [{ id: "iapt", label: "IAPT", polarity: "higher", scoring: { method: "thresholds", cuts: [55, 50, 45] } }],
});
// Bands 1, 2, 3, 4; each value sits just inside its band.
const values: Dataset = {
  hasPeriods: false,
  records: [
    ["A", 55.5],
    ["B", 50.5],
    ["C", 46],
    ["D", 40],
  ].map(([code, value]) => ({ code: code as string, name: code as string, period: null, observations: { iapt: { value: value as number } } })),
};

function table() {
  const base = rate(framework, values);
  if (!base.ok) throw new Error("the case must rate");
  return cutSensitivity(framework, values, base.rating).map((c) => [c.indicator, c.cut, c.at, ...c.shifts.map((s) => (s.changed === null ? null : s.changed.map((x) => `${x.code} ${x.from} -> ${x.to}`)))]);
}

describe("cutSensitivity", () => {
  it("moves each cut by -1, +1, -5%, +5% and lists who changes category", () => {
    expect(table()).toEqual([
      // 55 -> 54 | 56 | 52.25 | 57.75: A (55.5) falls below 56 and 57.75
      ["iapt", 1, 55, [], ["A Top performing -> Performing well"], [], ["A Top performing -> Performing well"]],
      // 50 -> 49 | 51 | 47.5 | 52.5: B (50.5) falls below 51 and 52.5
      ["iapt", 2, 50, [], ["B Performing well -> Needs improvement"], [], ["B Performing well -> Needs improvement"]],
      // 45 -> 44 | 46 (C on the cut keeps the better band) | 42.75 | 47.25
      ["iapt", 3, 45, [], [], [], ["C Needs improvement -> Greatest need for improvement"]],
      // The mean's cuts: one unit reaches the next cut or leaves the 1-4 scale; 5% moves no mean.
      [null, 1, 1.5, null, null, [], []],
      [null, 2, 2.5, null, null, [], []],
      [null, 3, 3.5, null, null, [], []],
    ]);
  });

  it("has nothing to move for relative methods", () => {
    const relative = Framework.parse({
      id: "q",
      title: "Quartiles",
      indicators: [{ id: "iapt", label: "IAPT", polarity: "higher", scoring: { method: "quantiles", percentiles: [25, 50, 75] } }],
      aggregation: { method: "mean-score", quantiles: [25, 50, 75] },
    });
    const base = rate(relative, values);
    expect(base.ok && cutSensitivity(relative, values, base.rating)).toEqual([]);
  });
});
