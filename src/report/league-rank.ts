import type { RatedOrg } from "../engine/rate.js";

/**
 * League-table rank within each period: by category, then by mean score (lower is better), ties
 * sharing the better rank (1, 2, 2, 4). Not rated organisations have no rank (null).
 */
export function leagueRanks(organisations: readonly RatedOrg[]): (number | null)[] {
  const byPeriod = new Map<string, number[]>();
  organisations.forEach((org, i) => {
    if (org.categoryIndex === null) return;
    const key = org.period ?? "";
    const list = byPeriod.get(key);
    if (list) list.push(i);
    else byPeriod.set(key, [i]);
  });
  const ranks: (number | null)[] = organisations.map(() => null);
  const key = (i: number) => [organisations[i]!.categoryIndex!, organisations[i]!.score ?? Infinity] as const;
  for (const members of byPeriod.values()) {
    members.sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
    members.forEach((m, pos) => {
      const prev = members[pos - 1];
      const tied = prev !== undefined && key(prev)[0] === key(m)[0] && key(prev)[1] === key(m)[1];
      ranks[m] = tied ? ranks[prev]! : pos + 1;
    });
  }
  return ranks;
}
