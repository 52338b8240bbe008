/** What a bare value's place holds: no observation (or an empty cell), a value, or a suppressed one. */
export const BARE = { none: 0, value: 1, suppressed: 2 } as const;

/**
 * One indicator's observations for a period's organisations, when each is a bare value or none (no
 * counts, label or comparison), as numbers: all that rating reads of them (a standard error or an
 * interval is for the bootstrap, which takes the observations). A GP-level period has 150,000, and an
 * object for each (and one for its origin) kept the collector busy; a bare value cannot be invalid,
 * so its origin is never shown.
 */
export interface BareValues {
  /** Organisation i's value, where kinds[i] is BARE.value. */
  values: Float64Array;
  kinds: Uint8Array;
}

/** The same values with organisation k at [k] taken from [order[k]]. */
export function bareValuesInOrder(bare: BareValues, order: readonly number[]): BareValues {
  const values = new Float64Array(order.length);
  const kinds = new Uint8Array(order.length);
  for (let k = 0; k < order.length; k++) {
    values[k] = bare.values[order[k]!]!;
    kinds[k] = bare.kinds[order[k]!]!;
  }
  return { values, kinds };
}

/** Why organisation i has no value, as measure() says of such an observation. */
export function bareMissing(bare: BareValues, i: number): string {
  return bare.kinds[i] === BARE.suppressed ? "suppressed" : "no value";
}
