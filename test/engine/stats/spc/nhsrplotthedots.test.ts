import { describe, expect, it } from "vitest";
import { assurance } from "../../../../src/engine/stats/spc/assurance.js";
import { runMembers, shiftRunEnds, trendRunEnds } from "../../../../src/engine/stats/spc/runs.js";
import { ruleMarks, specialCauseAt, type RuleMarks, type SpecialCause } from "../../../../src/engine/stats/spc/special-cause.js";
import { beyondTwoSigma, twoInThree } from "../../../../src/engine/stats/spc/two-in-three.js";
import { DEFAULT_XMR_OPTIONS, SHORT_SERIES, xmrChart } from "../../../../src/engine/stats/spc/xmr-chart.js";
import { xmrLimits } from "../../../../src/engine/stats/spc/xmr-limits.js";
import { expectWithinRounding } from "../peer-vectors.js";
import { dataOf, INPUT_ROUNDING, vectors } from "./nhsrplotthedots-vectors.js";

describe("XmR limits against NHSRplotthedots (ptd_spc_standard)", () => {
  it.each(vectors.limits.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const limits = xmrLimits(dataOf(c), { baseline: null, screenOutliers: c.screenOutliers })!;
    const extra = c.data.from === "rnorm20" ? INPUT_ROUNDING : 0;
    expectWithinRounding(limits.mean, c.expected.mean, `${c.name} mean`, extra);
    expectWithinRounding(limits.lpl, c.expected.lpl, `${c.name} lpl`, extra);
    expectWithinRounding(limits.upl, c.expected.upl, `${c.name} upl`, extra);
    const marks = ruleMarks(dataOf(c), limits, DEFAULT_XMR_OPTIONS);
    if (c.relativeToMean) expect(marks.sides.slice(0, c.relativeToMean.length)).toEqual(c.relativeToMean);
    if (c.closeToLimitsFirst) {
      expect(beyondTwoSigma(dataOf(c), limits, "2-3sigma").slice(0, c.closeToLimitsFirst.length)).toEqual(c.closeToLimitsFirst);
    }
    if (c.improvementAt) {
      const chart = xmrChart(dataOf(c), "higher", null, { ...DEFAULT_XMR_OPTIONS, screenOutliers: c.screenOutliers });
      const improved = chart.points.flatMap((p, i) => (p.type === "special_cause_improvement" ? [i + 1] : []));
      expect(improved).toEqual(c.improvementAt);
      expect(chart.points.filter((p) => p.type === "special_cause_concern")).toEqual([]);
    }
  });

  it("agrees to 1e-6 wherever the package printed six or more decimals", () => {
    const precise = vectors.limits.filter((c) => c.expected.lpl.split(".")[1]!.length >= 5);
    expect(precise.length).toBe(3);
    for (const c of precise) {
      const limits = xmrLimits(dataOf(c), { baseline: null, screenOutliers: c.screenOutliers })!;
      for (const key of ["mean", "lpl", "upl"] as const) expect(Math.abs(limits[key] - Number(c.expected[key]))).toBeLessThanOrEqual(1e-6);
    }
  });
});

const bits = (xs: readonly number[]): boolean[] => xs.map((x) => x !== 0);

describe("rules against NHSRplotthedots (ptd_calculate_point_type)", () => {
  it.each(vectors.trendRunEnds.cases.map((c) => [JSON.stringify(c.values), c] as const))("trend run ends %s", (_, c) => {
    expect(trendRunEnds(c.values, 7)).toEqual(c.expected);
  });

  it.each(vectors.runMembers.cases.map((c) => [JSON.stringify(c.ends), c] as const))("run members %s", (_, c) => {
    expect(runMembers(c.ends, 7).map(Math.abs)).toEqual(c.expected);
  });

  it.each(vectors.shiftRunEnds.cases.map((c) => [JSON.stringify(c.sides), c] as const))("shift run ends %s", (_, c) => {
    expect(shiftRunEnds(c.sides, 7).map(Math.abs)).toEqual(c.expected);
  });

  // The package's windows, seen through the points they flag: a point that does not count is never flagged.
  it.each(vectors.twoInThreeWindows.cases.map((c) => [`${c.counted} / ${c.sides}`, c] as const))("two-in-three windows %s", (_, c) => {
    const inWindow = bits(c.expected);
    expect(twoInThree(bits(c.counted), c.sides)).toEqual(bits(c.counted).map((counts, i) => counts && inWindow[i]!));
  });

  it.each(vectors.twoInThree.cases.map((c) => [`${c.counted} / ${c.sides}`, c] as const))("two-in-three flagged points %s", (_, c) => {
    expect(twoInThree(bits(c.counted), c.sides)).toEqual(bits(c.expected));
  });

  it("takes the rules in the package's priority order, with its directions", () => {
    const m = vectors.priority.marks;
    const marks: RuleMarks = { sides: m.sides, outside: bits(m.outside), trend: m.trend, twoInThree: bits(m.twoInThree), shift: bits(m.shift) };
    const label = (cause: SpecialCause | null): string => {
      if (cause === null) return "Common Cause";
      const side = cause.direction === 1 ? "Above" : "Below";
      switch (cause.rule) {
        case "outside-limits":
          return cause.direction === 1 ? "Above UCL" : "Below LCL";
        case "trend":
          return `7 Point Trend (${cause.direction === 1 ? "In" : "De"}creasing)`;
        case "two-in-three":
          return `2 in 3 ${side} CL`;
        case "shift":
          return `7 Points ${side} CL`;
      }
    };
    expect(m.sides.map((_, i) => label(specialCauseAt(marks, i)))).toEqual(vectors.priority.expected);
  });

  it.each(vectors.series.map((s) => [s.name, s] as const))("series: %s", (_, s) => {
    const chart = xmrChart(s.values, "higher", null, DEFAULT_XMR_OPTIONS);
    expect(chart.points.slice(-s.expectedLastTypes.length).map((p) => p.type)).toEqual(s.expectedLastTypes);
  });
});

describe("icons and warnings against NHSRplotthedots", () => {
  const a = vectors.assurance;
  it.each([
    ["increase", "higher"],
    ["decrease", "lower"],
  ] as const)("assurance when improvement is %s (ptd_calculate_assurance_type)", (direction, polarity) => {
    expect(a.limits.map((l) => assurance(l, a.target, polarity))).toEqual(a.expected[direction]);
  });

  it("warns below the package's threshold of points", () => {
    expect(SHORT_SERIES).toBe(vectors.shortSeries.threshold);
  });
});
