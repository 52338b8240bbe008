import { leagueRanks } from "../engine/aggregate/league-table.js";
import { groupByPeriod } from "../engine/dataset/period-groups.js";
import type { RatedOrg } from "../engine/rate.js";

/** The engine's league-table ranks, within each period, for a table that may hold several. */
export function periodLeagueRanks(organisations: readonly RatedOrg[]): (number | null)[] {
  const ranks: (number | null)[] = organisations.map(() => null);
  const indexed = organisations.map((org, i) => ({ period: org.period, org, i }));
  for (const { items } of groupByPeriod(indexed)) {
    leagueRanks(items.map((m) => m.org)).forEach((rank, k) => (ranks[items[k]!.i] = rank));
  }
  return ranks;
}
