import type { Condition, Rule } from "../framework/schema.js";

/** Each indicator's band for one organisation, in the framework's order; null when unscored. */
export type Bands = ReadonlyMap<string, number | null>;

export interface RuleMatch {
  /** The category the rule gives, or `otherwise` when none holds. */
  category: string;
  decidedBy: string;
}

/** The first rule whose condition holds decides; when none does, `otherwise`. */
export function applyRules(rules: readonly Rule[], otherwise: string, bands: Bands): RuleMatch {
  const index = rules.findIndex((rule) => holds(rule.if, bands));
  if (index === -1) return { category: otherwise, decidedBy: "otherwise (no rule held)" };
  const rule = rules[index]!;
  return { category: rule.then, decidedBy: rule.name ?? `rule ${index + 1}` };
}

export function holds(condition: Condition, bands: Bands): boolean {
  if ("all" in condition) return condition.all.every((c) => holds(c, bands));
  if ("any" in condition) return condition.any.some((c) => holds(c, bands));
  if ("not" in condition) return !holds(condition.not, bands);
  if ("every" in condition) {
    return selected(condition.every.indicators, bands).every((id) => {
      const band = bands.get(id) ?? null;
      return band !== null && inBands(band, condition.every);
    });
  }
  const { atLeast, atMost } = condition.count;
  const n = selected(condition.count.indicators, bands).filter((id) => {
    const band = bands.get(id) ?? null;
    return band !== null && inBands(band, condition.count);
  }).length;
  return (atLeast === undefined || n >= atLeast) && (atMost === undefined || n <= atMost);
}

function selected(indicators: readonly string[] | undefined, bands: Bands): readonly string[] {
  return indicators ?? [...bands.keys()];
}

function inBands(band: number, s: { band?: number; bandAtMost?: number; bandAtLeast?: number }): boolean {
  return (s.band === undefined || band === s.band) && (s.bandAtMost === undefined || band <= s.bandAtMost) && (s.bandAtLeast === undefined || band >= s.bandAtLeast);
}
