/** The categories a framework rates into when it names none, in order from best. */
export const DEFAULT_CATEGORIES = [
  "Top performing",
  "Performing well",
  "Needs improvement",
  "Greatest need for improvement",
] as const;

export const NOT_RATED = "Not rated";
