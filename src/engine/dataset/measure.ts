import { error, type Diagnostic } from "../diagnostics.js";
import type { Indicator } from "../framework/schema.js";
import { isShareUnit, unitMultiplier } from "../framework/units.js";
import type { Observation } from "./schema.js";

export type Measurement =
  | { kind: "value"; value: number }
  | { kind: "missing"; reason: string }
  | { kind: "invalid"; diagnostic: Diagnostic };

/**
 * The value the engine bands. A fraction is scaled by multiplying before dividing: both products are
 * exact integers, so the quotient is the correctly rounded value and 57 of 100 gives exactly 57,
 * not 56.99999999999999, and meets a 57% cut as it should.
 */
export function measure(indicator: Indicator, obs: Observation | undefined): Measurement {
  if (!obs) return { kind: "missing", reason: "no value" };
  const { numerator: num, denominator: den } = obs;
  if (num === undefined || den === undefined) {
    if (obs.value === null) return { kind: "missing", reason: obs.missing === "suppressed" ? "suppressed" : "no value" };
    return { kind: "value", value: obs.value };
  }
  const at = obs.origin ?? {};
  if (num < 0 || den < 0) {
    return {
      kind: "invalid",
      diagnostic: error("E_NEGATIVE_COUNT", `negative count ${num < 0 ? num : den} (indicator ${indicator.id})`, num < 0 ? at : (obs.denominatorOrigin ?? at)),
    };
  }
  if (den === 0) {
    return {
      kind: "invalid",
      diagnostic: error("E_ZERO_DENOMINATOR", `denominator is 0 (indicator ${indicator.id})`, obs.denominatorOrigin ?? at),
    };
  }
  if (num > den && isShareUnit(indicator.unit)) {
    return {
      kind: "invalid",
      diagnostic: error("E_NUMERATOR_GT_DENOMINATOR", `numerator ${num} is greater than denominator ${den} (indicator ${indicator.id})`, at),
    };
  }
  if (indicator.minDenominator !== undefined && den < indicator.minDenominator) {
    return { kind: "missing", reason: `denominator ${den} below minimum ${indicator.minDenominator}` };
  }
  return { kind: "value", value: (num * unitMultiplier(indicator.unit)) / den };
}
