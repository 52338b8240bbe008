import { describe, expect, it } from "vitest";
import { applyOverrides } from "../../../src/engine/aggregate/overrides.js";

const categories = ["Segment 1", "Segment 2", "Segment 3", "Segment 4"];
const overrides = [
  { column: "deficit", equals: ["yes", "true"], capAt: "Segment 3" },
  { column: "special_measures", equals: ["1"], capAt: "Segment 4" },
];

describe("applyOverrides", () => {
  it.each([
    [{ deficit: "yes" }, 0, 2, "capped at Segment 3 (deficit = yes)"],
    [{ deficit: " TRUE " }, 1, 2, "capped at Segment 3 (deficit = TRUE)"],
    [{ deficit: "yes" }, 3, 3, null], // never makes a category better
    [{ deficit: "no" }, 0, 0, null],
    [{}, 0, 0, null],
    [{ deficit: "yes", special_measures: "1" }, 0, 3, "capped at Segment 4 (special_measures = 1)"], // the worst cap wins
  ])("%j, category %s -> %s (%s)", (attributes, index, categoryIndex, reason) => {
    expect(applyOverrides(overrides, categories, attributes, index)).toEqual({ categoryIndex, reason });
  });
});
