import type { RatedOrg } from "../../src/engine/rate.js";

const CATEGORIES = ["Top performing", "Performing well", "Needs improvement", "Greatest need for improvement"];

/** A rated organisation with only what a test cares about set. */
export function ratedOrg(code: string, categoryIndex: number | null, score: number | null, period: string | null = null): RatedOrg {
  return {
    code,
    name: `NHS ${code} CCG`,
    period,
    indicators: [],
    scored: score === null ? 0 : 1,
    score,
    categoryIndex,
    category: categoryIndex === null ? "Not rated" : CATEGORIES[categoryIndex]!,
    decidedBy: "",
    toNextCategory: null,
    cappedBy: null,
    rank: null,
    rankOf: null,
    notes: "",
  };
}

export { CATEGORIES };
