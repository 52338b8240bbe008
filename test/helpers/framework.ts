import type { Dataset, OrgRecord } from "../../src/engine/dataset/schema.js";
import { Framework } from "../../src/engine/framework/schema.js";

/** Two higher-is-better percentage indicators banded 55/50/45 and 60/50/40, as in the example. */
export const twoIndicators = Framework.parse({
  id: "test",
  title: "Test framework",
  indicators: [
    { id: "iapt", label: "IAPT", polarity: "higher", scoring: { method: "thresholds", cuts: [55, 50, 45] } },
    { id: "eip", label: "EIP", polarity: "higher", weight: 3, scoring: { method: "thresholds", cuts: [60, 50, 40] } },
  ],
});

/** A record with values (null: no value) for the two indicators. */
export function record(code: string, period: string | null, iapt: number | null, eip: number | null, line = 2): OrgRecord {
  return {
    code,
    name: `${code} name`,
    period,
    observations: { iapt: { value: iapt, origin: { file: "v.csv", line, column: 3 } }, eip: { value: eip, origin: { file: "v.csv", line, column: 4 } } },
    origin: { file: "v.csv", line },
  };
}

export function dataset(records: OrgRecord[]): Dataset {
  return { records, hasPeriods: records.some((r) => r.period !== null) };
}
