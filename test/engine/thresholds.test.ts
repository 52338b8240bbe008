import { describe, expect, it } from "vitest";
import { bandByThresholds, nextBandTarget } from "../../src/engine/scoring/thresholds.js";

describe("bandByThresholds", () => {
  it.each([
    // value, cuts, polarity, band, decidedBy
    [60, [55, 50, 45], "higher", 1, ">= 55"],
    [55, [55, 50, 45], "higher", 1, ">= 55"],
    [54.999, [55, 50, 45], "higher", 2, ">= 50"],
    [50, [55, 50, 45], "higher", 2, ">= 50"],
    [45, [55, 50, 45], "higher", 3, ">= 45"],
    [44.9, [55, 50, 45], "higher", 4, "< 45"],
    [0, [55, 50, 45], "higher", 4, "< 45"],
    [3, [4, 6, 8], "lower", 1, "<= 4"],
    [4, [4, 6, 8], "lower", 1, "<= 4"],
    [6, [4, 6, 8], "lower", 2, "<= 6"],
    [7.5, [4, 6, 8], "lower", 3, "<= 8"],
    [8.01, [4, 6, 8], "lower", 4, "> 8"],
    // any number of categories: two cuts, three bands
    [10, [20, 10], "higher", 2, ">= 10"],
    [9, [20, 10], "higher", 3, "< 10"],
    [-5, [0], "higher", 2, "< 0"],
  ] as const)("%s with cuts %j (%s is better) is band %s", (value, cuts, polarity, band, decidedBy) => {
    expect(bandByThresholds(value, cuts, polarity)).toEqual({ band, decidedBy });
  });
});

describe("nextBandTarget", () => {
  it.each([
    [1, [55, 50, 45], null],
    [2, [55, 50, 45], 55],
    [4, [55, 50, 45], 45],
    [3, [4, 6, 8], 6],
  ] as const)("band %s with cuts %j needs %s", (band, cuts, target) => {
    expect(nextBandTarget(band, cuts)).toBe(target);
  });
});
