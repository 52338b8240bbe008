/**
 * A unit is free text (days, minutes, £, beds, "per 10,000 births"); what it means for arithmetic is
 * its multiplier, the scale a numerator/denominator pair is put on. The contract (DESIGN.md section 3):
 * 100 for "%", N for "per N", else 1. "percent" and "percentage" are read as "%", because a workbook
 * that says so means it and a multiplier of 1 would silently give 0.45 where 45 is meant.
 */
const PERCENT = new Set(["%", "percent", "percentage", "per cent"]);

/** "per 1000", "per 100,000", "per 10000 births": N is an integer, thousands grouped by commas or not at all. */
const PER_N = /^per\s+(\d+|\d{1,3}(?:,\d{3})+)(?=\s|$)/i;

/** Units printed without a suffix: the number alone says it. */
const BARE = new Set(["score", "ratio", "count", "rate", "index"]);

/** Currency symbols go before the number, as an analyst writes money. */
const PREFIX = new Set(["£", "$", "€"]);

const MAX_UNIT_LENGTH = 40;

export function isPercentUnit(unit: string): boolean {
  return PERCENT.has(unit.toLowerCase());
}

export function unitMultiplier(unit: string): number {
  if (isPercentUnit(unit)) return 100;
  const per = PER_N.exec(unit);
  return per ? Number(per[1]!.replaceAll(",", "")) : 1;
}

/** Units for which a numerator can never exceed its denominator (a share of a population). */
export function isShareUnit(unit: string): boolean {
  return unitMultiplier(unit) > 1;
}

/** Why a unit's text cannot be used, or undefined when it can. */
export function unitProblem(unit: string): string | undefined {
  if (unit.length > MAX_UNIT_LENGTH) return `is longer than ${MAX_UNIT_LENGTH} characters`;
  if (/[\u0000-\u001f\u007f]/.test(unit)) return "has a control character (tab, line break)";
  if (/^per\s+\d/i.test(unit) && !PER_N.test(unit)) return `"per N" needs N as a whole number such as 1000 or 10,000`;
  if (unitMultiplier(unit) === 0) return `"per 0" would divide by nothing`;
  return undefined;
}

/** A number (already formatted) with its unit as a reader expects it: 45.2%, £12, 3.4 days, 7 (count). */
export function withUnit(number: string, unit: string): string {
  if (isPercentUnit(unit)) return `${number}%`;
  if (BARE.has(unit.toLowerCase())) return number;
  if (PREFIX.has(unit)) return number.startsWith("-") ? `-${unit}${number.slice(1)}` : `${unit}${number}`;
  return `${number} ${unit}`;
}
