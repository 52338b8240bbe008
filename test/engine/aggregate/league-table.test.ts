import { describe, expect, it } from "vitest";
import { leagueRanks } from "../../../src/engine/aggregate/league-table.js";

describe("leagueRanks", () => {
  it.each([
    // [categoryIndex, score] -> rank
    [[[0, 1.2], [0, 1.5], [1, 1.1]], [1, 2, 3]], // category first, even over a better score
    [[[1, 2], [0, 1.5], [0, 1.5], [0, 1.7]], [4, 1, 1, 3]], // ties share the lowest rank number
    [[[null, null], [2, 3]], [null, 1]], // not rated: no rank
    [[], []],
  ] as const)("%j -> %j", (items, ranks) => {
    expect(leagueRanks(items.map(([categoryIndex, score]) => ({ categoryIndex, score })))).toEqual(ranks);
  });
});
