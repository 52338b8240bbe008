import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assurance } from "../../../../src/engine/stats/spc/assurance.js";
import { runMembers, shiftRunEnds, trendRunEnds } from "../../../../src/engine/stats/spc/runs.js";
import { specialCauses } from "../../../../src/engine/stats/spc/special-cause.js";
import { beyondTwoSigma } from "../../../../src/engine/stats/spc/two-in-three.js";
import { DEFAULT_XMR_OPTIONS, xmrChart } from "../../../../src/engine/stats/spc/xmr-chart.js";
import { xmrLimits } from "../../../../src/engine/stats/spc/xmr-limits.js";

describe("xmrLimits", () => {
  // Making Data Count's 2.66 (3/d2, d2 = 1.128): the process limits sit three sigma from the mean.
  const LIMIT_FACTOR = 2.66;

  it.each([
    // values, options, mean, average moving range
    [[1, 3, 2, 4], { baseline: null, screenOutliers: true }, 2.5, 5 / 3],
    [[1, 3, 2, 4, 100, 100], { baseline: 4, screenOutliers: true }, 2.5, 5 / 3],
    [[1, 3, 2, 4], { baseline: 10, screenOutliers: true }, 2.5, 5 / 3],
    [[5, 5, 5, 5], { baseline: null, screenOutliers: true }, 5, 0],
    // A lone non-zero range among zeros is at least 3.267 times their average and is screened, leaving 0.
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10], { baseline: null, screenOutliers: true }, 10 / 11, 0],
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10], { baseline: null, screenOutliers: false }, 10 / 11, 1],
    [[0, 1, 0, 1, 0, 1, 0, 1, 9], { baseline: null, screenOutliers: true }, 13 / 9, 1],
    [[0, 1, 0, 1, 0, 1, 0, 1, 9], { baseline: null, screenOutliers: false }, 13 / 9, 15 / 8],
  ])("%j with %j: mean %d, AMR %d", (values, options, mean, amr) => {
    const limits = xmrLimits(values, options)!;
    expect(limits.mean).toBeCloseTo(mean, 12);
    expect(limits.averageMovingRange).toBeCloseTo(amr, 12);
    expect(limits.upl - limits.mean).toBeCloseTo(LIMIT_FACTOR * limits.averageMovingRange, 12);
    expect(limits.upperTwoSigma - limits.mean).toBeCloseTo(((2 * LIMIT_FACTOR) / 3) * limits.averageMovingRange, 12);
    expect(limits.upperOneSigma - limits.mean).toBeCloseTo((LIMIT_FACTOR / 3) * limits.averageMovingRange, 12);
    expect(limits.mean - limits.lowerTwoSigma).toBeCloseTo(limits.upperTwoSigma - limits.mean, 12);
  });

  it.each([[[]], [[4]], [[4, 5, 6]]])("has no limits without two baseline points: %j", (values) => {
    expect(xmrLimits(values, { baseline: values.length === 3 ? 1 : null, screenOutliers: true })).toBeNull();
  });
});

describe("runs", () => {
  it.each([
    [[1, 2, 3, 4, 5, 6], 6, [0, 0, 0, 0, 0, 1]],
    [[1, 2, 3, 4, 5, 6], 7, [0, 0, 0, 0, 0, 0]],
    [[6, 5, 4, 3, 2, 1, 0], 6, [0, 0, 0, 0, 0, -1, -1]],
  ])("trend ends of %j, length %d", (values, length, expected) => {
    expect(trendRunEnds(values, length)).toEqual(expected);
  });

  it.each([
    // a peak between a rise and a fall takes the fall, the later run
    [[1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1], [1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1]],
    // two rises across a step down: each point keeps its own run's direction
    [[1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]],
  ])("run members of %j", (values, expected) => {
    expect(runMembers(trendRunEnds(values, 7), 7)).toEqual(expected);
  });

  it.each([
    [[1, 1, 1, 1, 1, 1], 6, [0, 0, 0, 0, 0, 1]],
    [[1, 1, 1, 0, 1, 1, 1, 1, 1, 1], 6, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]],
    [[-1, -1, -1, -1, -1, -1, -1], 7, [0, 0, 0, 0, 0, 0, -1]],
  ] as const)("shift ends of %j, length %d", (sides, length, expected) => {
    expect(shiftRunEnds(sides, length)).toEqual(expected);
  });
});

describe("two in three: the package's rule and the 2023 change (issue #194)", () => {
  // Mean 0, AMR 2: two sigma at 3.5467, limits at 5.32.
  const base = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1];
  const series = [...base, 0.5, 4, 6];
  const limits = { ...xmrLimits(base, { baseline: null, screenOutliers: true })!, mean: 0 };
  it.each([
    ["2-3sigma", [false, true, false]],
    ["beyond-2sigma", [false, true, true]],
  ] as const)("%s counts %j of the last three points", (rule, expected) => {
    expect(beyondTwoSigma(series, limits, rule).slice(-3)).toEqual(expected);
  });

  it.each([
    ["2-3sigma", [null, null, "outside-limits"]],
    ["beyond-2sigma", [null, "two-in-three", "outside-limits"]],
  ] as const)("with %s, the point between two and three sigma before one beyond the limits is %j", (rule, expected) => {
    const causes = specialCauses(series, limits, { runLength: 7, twoInThree: rule });
    expect(causes.slice(-3).map((c) => c?.rule ?? null)).toEqual(expected);
  });
});

describe("xmrChart", () => {
  const flat = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10];
  it.each([
    ["higher", 30, "special_cause_improvement"],
    ["lower", 30, "special_cause_concern"],
    ["higher", -10, "special_cause_concern"],
    ["lower", -10, "special_cause_improvement"],
    ["higher", 10.5, "common_cause"],
  ] as const)("polarity %s, last point %d: %s", (polarity, last, variation) => {
    const chart = xmrChart([...flat, last], polarity, null, DEFAULT_XMR_OPTIONS);
    expect(chart.variation).toBe(variation);
    expect(chart.short).toBe(false);
    expect(chart.assurance).toBe("none");
  });

  it.each([
    [12, true],
    [13, false],
  ])("%d points short: %s", (n, short) => {
    expect(xmrChart(flat.concat(flat).slice(0, n), "higher", null, DEFAULT_XMR_OPTIONS).short).toBe(short);
  });

  it("flags a run of six with --run-length 6 and not with 7", () => {
    // 20 then 12 ends any rise before the six.
    const values = [...flat, 20, 12, 13, 14, 15, 16, 17];
    expect(xmrChart(values, "higher", null, { ...DEFAULT_XMR_OPTIONS, runLength: 6 }).points.slice(-6).every((p) => p.cause !== null)).toBe(true);
    const seven = xmrChart(values, "higher", null, DEFAULT_XMR_OPTIONS).points.slice(-6);
    expect(seven.map((p) => p.cause?.rule ?? null)).not.toContain("trend");
  });

  it("gives one point a mean but no limits, flags or assurance", () => {
    const chart = xmrChart([4], "higher", 3, DEFAULT_XMR_OPTIONS);
    expect(chart).toEqual({ limits: null, points: [{ value: 4, cause: null, type: "common_cause" }], variation: "common_cause", assurance: "none", short: true });
  });

  it.each([
    [{ lpl: 1, upl: 3 }, 3, "higher", "inconsistent"],
    [{ lpl: 1, upl: 3 }, 1, "lower", "inconsistent"],
    [null, 2, "higher", "none"],
    [{ lpl: 1, upl: 3 }, null, "higher", "none"],
  ] as const)("assurance with limits %j and target %d (%s)", (limits, target, polarity, expected) => {
    expect(assurance(limits, target, polarity)).toBe(expected);
  });
});

describe("laws", () => {
  const series = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 40 });
  it("shifting every value moves the limits by as much and keeps every flag", () => {
    fc.assert(
      fc.property(series, fc.integer({ min: -500, max: 500 }), (values, shift) => {
        const a = xmrChart(values, "higher", null, DEFAULT_XMR_OPTIONS);
        const b = xmrChart(values.map((v) => v + shift), "higher", null, DEFAULT_XMR_OPTIONS);
        expect(b.limits!.upl - shift).toBeCloseTo(a.limits!.upl, 9);
        expect(b.points.map((p) => p.cause)).toEqual(a.points.map((p) => p.cause));
      }),
    );
  });

  it("mirroring the values and the polarity keeps improvement and concern where they were", () => {
    fc.assert(
      fc.property(series, (values) => {
        const a = xmrChart(values, "higher", null, DEFAULT_XMR_OPTIONS);
        const b = xmrChart(values.map((v) => -v), "lower", null, DEFAULT_XMR_OPTIONS);
        expect(b.points.map((p) => p.type)).toEqual(a.points.map((p) => p.type));
        expect(b.variation).toBe(a.variation);
      }),
    );
  });
});
