import type { Unit } from "./schema.js";

/** Values given as numerator/denominator are scaled by the unit: a proportion of 0.57 is 57 "%". */
export function unitMultiplier(unit: Unit): number {
  switch (unit) {
    case "%":
      return 100;
    case "per 1000":
      return 1000;
    case "per 100000":
      return 100000;
    default:
      return 1;
  }
}

/** Units for which a numerator can never exceed its denominator (a share of a population). */
export function isShareUnit(unit: Unit): boolean {
  return unit === "%" || unit === "per 1000" || unit === "per 100000";
}
