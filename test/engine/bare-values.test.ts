import { describe, expect, it } from "vitest";
import { BARE, type BareValues } from "../../src/engine/dataset/bare-values.js";
import type { Observation } from "../../src/engine/dataset/schema.js";
import { Framework } from "../../src/engine/framework/schema.js";
import { ratePeriodColumns } from "../../src/engine/rate.js";

const framework = Framework.parse({
  id: "t",
  title: "T",
  minIndicators: 2,
  indicators: [
    { id: "t", label: "T", polarity: "higher", unit: "%", scoring: { method: "thresholds", cuts: [75, 50, 25] } },
    { id: "q", label: "Q", polarity: "lower", scoring: { method: "quantiles", percentiles: [25, 50, 75] } },
    { id: "r", label: "R", polarity: "higher", scoring: { method: "rank-score" } },
    { id: "z", label: "Z", polarity: "higher", unit: "%", scoring: { method: "z-score", statistic: "proportion", overdispersion: "none", cuts: [2, 0, -2] } },
    { id: "s", label: "S", polarity: "higher", unit: "%", standard: 50, scoring: { method: "standard-ci", statistic: "proportion", confidence: 0.95 } },
    { id: "c", label: "C", polarity: "higher", scoring: { method: "categorical", bands: { Met: 1 } } },
  ],
});

// Organisation k's observation of every indicator: a value, a suppressed or empty cell, or none.
const codes = ["E", "A", "D", "B", "F", "C", "G"];
const cells: (number | "suppressed" | "empty" | null)[] = [60, 80.5, "suppressed", 20, null, "empty", 60];

const observation = (cell: (typeof cells)[number], k: number): Observation | undefined =>
  cell === null
    ? undefined
    : { ...(typeof cell === "number" ? { value: cell } : { value: null, missing: cell }), origin: { file: "v.csv", line: k + 2, column: 3 } };
const bare: BareValues = {
  values: Float64Array.from(cells, (cell) => (typeof cell === "number" ? cell : 0)),
  kinds: Uint8Array.from(cells, (cell) => (typeof cell === "number" ? BARE.value : cell === "suppressed" ? BARE.suppressed : BARE.none)),
};
const records = codes.map((code, k) => ({ code, name: `${code} name`, period: "2020", origin: { file: "v.csv", line: k + 2, column: 1 } }));

describe("a period given as bare values", () => {
  it("rates as the same observations given as objects do, with every method", () => {
    const column = () => cells.map(observation);
    const asObjects = ratePeriodColumns(framework, { period: "2020", records, column });
    const asked: number[] = [];
    const asBare = ratePeriodColumns(framework, { period: "2020", records, column, bareValues: (j) => (asked.push(j), bare) });
    expect(asBare).toEqual(asObjects);
    expect(asked).toEqual([0, 1, 2, 3, 4, 5]);
    expect(asObjects.organisations.map((o) => o.indicators[0]!.unscored ?? o.indicators[0]!.band)).toEqual([1, 4, "no value", "suppressed", 2, "no value", 2]);
  });

  it("takes the column where bare values are not given", () => {
    const asked: string[] = [];
    const rated = ratePeriodColumns(framework, {
      period: "2020",
      records,
      column: (j) => (asked.push(`column ${j}`), cells.map(observation)),
      bareValues: (j) => (asked.push(`bare ${j}`), j === 0 ? null : bare),
    });
    expect(asked).toEqual(["bare 0", "column 0", "bare 1", "bare 2", "bare 3", "bare 4", "bare 5"]);
    expect(rated.organisations[0]!.indicators[0]!.band).toBe(1);
  });
});
