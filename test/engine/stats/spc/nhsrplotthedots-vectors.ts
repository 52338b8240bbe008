import { readFileSync } from "node:fs";
import type { Direction } from "../../../../src/engine/stats/spc/runs.js";

/** NHSRplotthedots' test vectors (fixtures/peer-vectors/nhsrplotthedots), as the engine's and the CLI's tests read them. */
export type TrendCase = { values: number[]; expected: number[] };
export type MembersCase = { ends: Direction[]; expected: number[] };
export type ShiftCase = { sides: Direction[]; expected: number[] };
export type TwoCase = { counted: number[]; sides: Direction[]; expected: number[] };
export type SeriesCase = { name: string; values: number[]; expectedLastTypes: string[] };

export interface Vectors {
  rnorm20: { values: number[] };
  limits: LimitCase[];
  trendRunEnds: { cases: TrendCase[] };
  runMembers: { cases: MembersCase[] };
  shiftRunEnds: { cases: ShiftCase[] };
  twoInThreeWindows: { cases: TwoCase[] };
  twoInThree: { cases: TwoCase[] };
  priority: { marks: { sides: Direction[]; outside: number[]; trend: Direction[]; twoInThree: number[]; shift: number[] }; expected: string[] };
  series: SeriesCase[];
  assurance: { target: number; limits: { lpl: number; upl: number }[]; expected: { increase: string[]; decrease: string[] } };
  shortSeries: { threshold: number };
}

export const vectors = JSON.parse(readFileSync(new URL("../../../../fixtures/peer-vectors/nhsrplotthedots/vectors.json", import.meta.url), "utf8")) as Vectors;

export interface LimitCase {
  name: string;
  data: { from?: "rnorm20"; set?: Record<string, number>; slice?: [number, number]; values?: number[] };
  screenOutliers: boolean;
  expected: { mean: string; lpl: string; upl: string };
  relativeToMean?: number[];
  closeToLimitsFirst?: boolean[];
  improvementAt?: number[];
}

/** A case's data as the package's test builds it (R positions are 1-based). */
export function dataOf(c: LimitCase): number[] {
  if (c.data.values) return c.data.values;
  const values = [...vectors.rnorm20.values];
  for (const [at, v] of Object.entries(c.data.set ?? {})) values[Number(at) - 1] = v;
  return c.data.slice ? values.slice(...c.data.slice) : values;
}

/**
 * The inputs are printed to 8 decimals, so each is off by up to 5e-9: the mean by as much, the average
 * moving range by twice as much, the limits by 2.66 x 1e-8 + 5e-9 < 4e-8 beyond the printed digits.
 */
export const INPUT_ROUNDING = 4e-8;
