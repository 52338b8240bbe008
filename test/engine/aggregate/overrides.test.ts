import { describe, expect, it } from "vitest";
import { applyOverrides } from "../../../src/engine/aggregate/overrides.js";

const categories = ["Segment 1", "Segment 2", "Segment 3", "Segment 4", "Segment 5"];
const overrides = [
  { column: "deficit", equals: ["yes", "true"], capAt: "Segment 3" },
  { column: "special_measures", equals: ["1"], capAt: "Segment 4" },
  { column: "intensive", equals: ["yes"], setTo: "Segment 5" },
];

describe("applyOverrides", () => {
  it.each([
    [{ deficit: "yes" }, 0, 2, "capped at Segment 3 (deficit = yes)"],
    [{ deficit: " TRUE " }, 1, 2, "capped at Segment 3 (deficit = TRUE)"],
    [{ deficit: "yes" }, 3, 3, null], // never makes a category better
    [{ deficit: "no" }, 0, 0, null],
    [{}, 0, 0, null],
    [{ deficit: "yes", special_measures: "1" }, 0, 3, "capped at Segment 4 (special_measures = 1)"], // the worst cap wins
    [{ intensive: "Yes" }, 0, 4, "set to Segment 5 (intensive = Yes)"],
    [{ intensive: "yes", deficit: "yes" }, 1, 4, "set to Segment 5 (intensive = yes)"], // setTo decides over any cap
    [{ intensive: "no", deficit: "yes" }, 1, 2, "capped at Segment 3 (deficit = yes)"],
  ])("%j, category %s -> %s (%s)", (attributes, index, categoryIndex, reason) => {
    expect(applyOverrides(overrides, categories, attributes, index)).toEqual({ categoryIndex, reason });
  });

  it.each([
    [{ intensive: "yes", deficit: "yes" }, { categoryIndex: 4, reason: "set to Segment 5 (intensive = yes)" }], // a list, not a score
    [{ deficit: "yes" }, null], // a cap needs a category to cap
    [{}, null],
  ])("not rated, %j -> %j", (attributes, expected) => {
    expect(applyOverrides(overrides, categories, attributes, null)).toEqual(expected);
  });

  it("the worst of several matching setTo overrides wins", () => {
    const two = [
      { column: "a", equals: ["yes"], setTo: "Segment 4" },
      { column: "b", equals: ["yes"], setTo: "Segment 5" },
    ];
    expect(applyOverrides(two, categories, { a: "yes", b: "yes" }, 0)).toEqual({ categoryIndex: 4, reason: "set to Segment 5 (b = yes)" });
  });
});
