import { Framework, type FrameworkInput } from "../../src/engine/framework/schema.js";
import type { Dataset, OrgRecord } from "../../src/engine/dataset/schema.js";

/** A two-indicator framework like the bundled example's, for engine tests. */
export function twoIndicatorFramework(overrides: Partial<FrameworkInput> = {}): Framework {
  return Framework.parse({
    id: "test",
    title: "Test",
    indicators: [
      { id: "a", label: "A", polarity: "higher", scoring: { method: "thresholds", cuts: [55, 50, 45] } },
      { id: "b", label: "B", polarity: "lower", unit: "per 1000", scoring: { method: "thresholds", cuts: [4, 6, 8] } },
    ],
    ...overrides,
  });
}

export function org(code: string, values: Record<string, number | null>, period: string | null = null): OrgRecord {
  return {
    code,
    name: `${code} name`,
    period,
    observations: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])),
  };
}

export function dataset(records: OrgRecord[]): Dataset {
  return { records, hasPeriods: records.some((r) => r.period !== null) };
}
