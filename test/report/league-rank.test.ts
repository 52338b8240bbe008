import { describe, expect, it } from "vitest";
import { periodLeagueRanks } from "../../src/report/league-rank.js";
import { ratedOrg } from "../helpers/rated-org.js";

describe("leagueRanks", () => {
  it.each([
    { name: "by category first", orgs: [ratedOrg("A", 2, 2.5), ratedOrg("B", 0, 1), ratedOrg("C", 1, 2)], ranks: [3, 1, 2] },
    { name: "then by score, lower first", orgs: [ratedOrg("A", 1, 2.5), ratedOrg("B", 1, 1.5), ratedOrg("C", 1, 2)], ranks: [3, 1, 2] },
    { name: "ties share the better rank", orgs: [ratedOrg("A", 0, 1), ratedOrg("B", 0, 1), ratedOrg("C", 1, 2)], ranks: [1, 1, 3] },
    { name: "not rated has no rank", orgs: [ratedOrg("A", null, null), ratedOrg("B", 3, 4)], ranks: [null, 1] },
    {
      name: "each period is its own league",
      orgs: [ratedOrg("A", 0, 1, "2016"), ratedOrg("A", 3, 4, "2017"), ratedOrg("B", 1, 2, "2016"), ratedOrg("B", 0, 1, "2017")],
      ranks: [1, 2, 2, 1],
    },
    { name: "empty", orgs: [], ranks: [] },
  ])("$name", ({ orgs, ranks }) => {
    expect(periodLeagueRanks(orgs)).toEqual(ranks);
  });
});
