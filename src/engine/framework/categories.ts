/** The categories a framework rates into when it names none, in order from best. */
export const DEFAULT_CATEGORIES = [
  "Top performing",
  "Performing well",
  "Needs improvement",
  "Greatest need for improvement",
] as const;

export const NOT_RATED = "Not rated";

/**
 * The categories that scores and cuts place organisations in, best first: all of them but those only
 * a `setTo` override gives (NOF segment 5 comes from a list, not from a mean).
 */
export function scaleCategories(categories: readonly string[], overrides: readonly ({ setTo: string } | { capAt: string })[]): string[] {
  const setOnly = new Set(overrides.flatMap((o) => ("setTo" in o ? [o.setTo] : [])));
  return categories.filter((c) => !setOnly.has(c));
}
