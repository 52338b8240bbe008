import { leagueRanks } from "../engine/aggregate/league-table.js";
import type { RatedOrg } from "../engine/rate.js";

/** The engine's league-table ranks, within each period, for a table that may hold several. */
export function periodLeagueRanks(organisations: readonly RatedOrg[]): (number | null)[] {
  const byPeriod = new Map<string | null, number[]>();
  organisations.forEach((org, i) => {
    const list = byPeriod.get(org.period);
    if (list) list.push(i);
    else byPeriod.set(org.period, [i]);
  });
  const ranks: (number | null)[] = organisations.map(() => null);
  for (const members of byPeriod.values()) {
    leagueRanks(members.map((i) => organisations[i]!)).forEach((rank, k) => (ranks[members[k]!] = rank));
  }
  return ranks;
}
