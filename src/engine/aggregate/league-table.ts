export interface Placed {
  categoryIndex: number | null;
  score: number | null;
}

/**
 * League-table ranks: by category, then by mean score (lower is better), equal places sharing the
 * lowest rank number (1, 2, 2, 4). Organisations that are not rated have no rank.
 */
export function leagueRanks(items: readonly Placed[]): (number | null)[] {
  const rated = items.flatMap((item, i) => (item.categoryIndex === null ? [] : [i]));
  const order = rated.sort((a, b) => compare(items[a]!, items[b]!) || a - b);
  const ranks: (number | null)[] = items.map(() => null);
  order.forEach((index, position) => {
    const previous = order[position - 1];
    ranks[index] = previous !== undefined && compare(items[previous]!, items[index]!) === 0 ? ranks[previous]! : position + 1;
  });
  return ranks;
}

function compare(a: Placed, b: Placed): number {
  return a.categoryIndex! - b.categoryIndex! || (a.score ?? Infinity) - (b.score ?? Infinity);
}
