import { compareText } from "../text-order.js";

export interface PeriodGroup<T> {
  period: string | null;
  items: T[];
}

/** Items grouped by period, periods in text order, items in their given order within each period. */
export function groupByPeriod<T extends { period: string | null }>(items: readonly T[]): PeriodGroup<T>[] {
  const byPeriod = new Map<string | null, T[]>();
  for (const item of items) {
    const list = byPeriod.get(item.period);
    if (list) list.push(item);
    else byPeriod.set(item.period, [item]);
  }
  return [...byPeriod.keys()].sort((a, b) => compareText(a ?? "", b ?? "")).map((period) => ({ period, items: byPeriod.get(period)! }));
}
