import { describe, expect, it } from "vitest";
import { Indicator } from "../../../src/engine/framework/schema.js";
import { averageRanks, scoreByRank } from "../../../src/engine/scoring/rank-score.js";
import { item } from "./helpers.js";

const indicator = (polarity: "higher" | "lower") => Indicator.parse({ id: "r", label: "R", polarity, scoring: { method: "rank-score" } });
const scores = (polarity: "higher" | "lower", values: (number | null)[]) =>
  scoreByRank(indicator(polarity), values.map((v) => item(v))).map((o) => (o.kind === "scored" ? o.score : o.reason));

describe("scoreByRank: 1 + 3 (r - 1) / (n - 1)", () => {
  it.each([
    ["higher", [10, 20, 30, 40, 50], [4, 3.25, 2.5, 1.75, 1]],
    ["lower", [10, 20, 30, 40, 50], [1, 1.75, 2.5, 3.25, 4]],
    // ties share the average rank: 20 and 20 are ranks 2 and 3, both 2.5
    ["higher", [30, 20, 20, 10], [1, 2.5, 2.5, 4]],
    ["higher", [7], [2.5]],
    ["higher", [5, null, 6], [4, "no value", 1]],
  ] as const)("%s is better: %j -> %j", (polarity, values, expected) => {
    expect(scores(polarity, [...values])).toEqual(expected);
  });

  it("says the rank that decided", () => {
    expect(scoreByRank(indicator("higher"), [item(1), item(2)])[0]).toMatchObject({ band: null, decidedBy: "rank 2 of 2" });
  });
});

describe("averageRanks", () => {
  it.each([
    [[3, 1, 2], true, [[3, 1], [2, 2], [1, 3]]],
    [[1, 1, 1], false, [[1, 2]]],
    [[4, 4, 2, 9], false, [[2, 1], [4, 2.5], [9, 4]]],
  ] as const)("%j (higher %s)", (values, higher, expected) => {
    expect([...averageRanks([...values], higher)].sort((a, b) => a[0] - b[0])).toEqual([...expected].map((e) => [...e]).sort((a, b) => a[0]! - b[0]!));
  });
});
