import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { Framework } from "../../src/engine/framework/schema.js";
import { DEFAULT_VALUES_OPTIONS } from "../../src/io/values/options.js";
import { readValues } from "../../src/io/values/read-values.js";

const fw = Framework.parse({
  id: "f",
  title: "F",
  categories: ["Good", "Bad"],
  indicators: [
    { id: "a", label: "A", polarity: "higher", scoring: { method: "thresholds", cuts: [50] } },
    { id: "sa", label: "Self-assessment", polarity: "higher", scoring: { method: "categorical", bands: { Met: 1, "Not met": 2 } } },
  ],
  aggregation: { method: "mean-score", cuts: [1.5] },
  overrides: [{ column: "deficit", equals: ["yes"], capAt: "Bad" }],
});
const read = (text: string, options = {}) => readValues(Readable.from([text]), "v.csv", fw, { ...DEFAULT_VALUES_OPTIONS, ...options });

describe("readValues: categorical labels and override columns", () => {
  it("wide: keeps a label's text, treats suppression marks as no value, and reads the override column", async () => {
    const { dataset, diagnostics } = await read("org_code,a,sa,deficit\nX1,60, Not met ,yes\nX2,40,*,no\n");
    expect(diagnostics).toEqual([]);
    expect(dataset.records.map((r) => [r.observations.sa, r.attributes])).toEqual([
      [{ value: null, text: "Not met", origin: { file: "v.csv", line: 2, column: 3 } }, { deficit: "yes" }],
      [{ value: null, missing: "suppressed", origin: { file: "v.csv", line: 3, column: 3 } }, { deficit: "no" }],
    ]);
  });

  it("wide: the override column is not an unknown indicator, and a missing one is an error", async () => {
    expect((await read("org_code,a,sa,deficit,extra\nX1,60,Met,no,1\n")).diagnostics.map((d) => d.message)).toEqual([
      `column "extra" is not an indicator of the framework; ignored`,
    ]);
    expect((await read("org_code,a,sa\nX1,60,Met\n")).diagnostics).toMatchObject([
      { code: "E_MISSING_COLUMN", message: `no column "deficit", which the framework's overrides look at (name another with --flag-col deficit=COLUMN)`, line: 1 },
    ]);
  });

  it("long: takes the attribute from any row of the organisation and period", async () => {
    const { dataset, diagnostics } = await read("org_code,period,indicator,value,deficit\nX1,2024,a,60,\nX1,2024,sa,Met,yes\nX1,2025,a,55,no\nX1,2025,sa,Met,\n");
    expect(diagnostics).toEqual([]);
    expect(dataset.records.map((r) => [r.period, r.attributes, r.observations.sa?.text])).toEqual([
      ["2024", { deficit: "yes" }, "Met"],
      ["2025", { deficit: "no" }, "Met"],
    ]);
  });
});
