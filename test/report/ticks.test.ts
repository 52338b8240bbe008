import { describe, expect, it } from "vitest";
import { linear, niceTicks } from "../../src/report/ticks.js";

describe("niceTicks", () => {
  it.each([
    [0, 100, 5, [0, 20, 40, 60, 80, 100]],
    [13.2, 71.5, 6, [20, 30, 40, 50, 60, 70]],
    [0, 4200, 7, [0, 1000, 2000, 3000, 4000]],
    [0.1, 0.35, 5, [0.1, 0.15, 0.2, 0.25, 0.3, 0.35]],
    [-3, 3, 6, [-3, -2, -1, 0, 1, 2, 3]],
    [5, 5, 6, [5]],
  ])("[%d, %d] in about %i steps", (lo, hi, count, expected) => {
    expect(niceTicks(lo, hi, count)).toEqual(expected);
  });
});

describe("linear", () => {
  it.each([
    [0, 10, 0, 100, 5, 50],
    [0, 10, 300, 0, 10, 0],
    [40, 60, 0, 200, 45, 50],
    [1, 1, 0, 10, 1, 0],
  ])("[%d,%d] -> [%d,%d] maps %d to %d", (d0, d1, r0, r1, v, expected) => {
    expect(linear(d0, d1, r0, r1)(v)).toBeCloseTo(expected, 9);
  });
});
