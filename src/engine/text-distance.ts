import { compareText } from "./text-order.js";

/** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidates closest to a mistyped text, ignoring case, nearest first (ties in text order). */
export function nearestTexts(text: string, candidates: Iterable<string>, count: number): string[] {
  const target = text.toUpperCase();
  return [...new Set(candidates)]
    .map((c) => ({ c, d: editDistance(target, c.toUpperCase()) }))
    .sort((x, y) => x.d - y.d || compareText(x.c, y.c))
    .slice(0, count)
    .map((x) => x.c);
}
