import type { Measured } from "../../../src/engine/scoring/outcome.js";

/** A measured input as the dispatcher would give a scoring method. */
export function item(value: number | null, counts?: [number, number], text?: string): Measured {
  return {
    value,
    numerator: counts?.[0] ?? null,
    denominator: counts?.[1] ?? null,
    missing: value === null && text === undefined ? "no value" : null,
    text,
    origin: { file: "v.csv", line: 2, column: 3 },
  };
}
