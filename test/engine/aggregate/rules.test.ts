import { describe, expect, it } from "vitest";
import { applyRules, holds } from "../../../src/engine/aggregate/rules.js";
import { Condition, Framework } from "../../../src/engine/framework/schema.js";

const KEY_QUESTIONS = ["safe", "effective", "caring", "responsive", "well_led"];
const bandsOf = (list: (number | null)[], ids = KEY_QUESTIONS) => new Map(ids.map((id, i) => [id, list[i] ?? null]));

describe("holds: the condition language", () => {
  it.each([
    [{ count: { band: 4, atLeast: 1 } }, [2, 4, 2], true],
    [{ count: { band: 4, atLeast: 2 } }, [2, 4, 2], false],
    [{ count: { bandAtLeast: 3, atMost: 0 } }, [1, 2, 2], true],
    [{ count: { bandAtMost: 2, atLeast: 2 } }, [1, 3, 2], true],
    [{ count: { atLeast: 3 } }, [1, null, 2], false], // no band selector: counts scored indicators
    [{ count: { indicators: ["caring"], band: 2, atLeast: 1 } }, [4, 4, 2], true],
    [{ every: { bandAtMost: 2 } }, [1, 2, 2], true],
    [{ every: { bandAtMost: 2 } }, [1, null, 2], false], // an unscored indicator does not meet a standard
    [{ every: { indicators: ["safe", "caring"], band: 1 } }, [1, 4, 1], true],
    [{ all: [{ count: { band: 1, atLeast: 1 } }, { every: { bandAtMost: 2 } }] }, [1, 2, 2], true],
    [{ any: [{ count: { band: 4, atLeast: 1 } }, { count: { band: 3, atLeast: 2 } }] }, [3, 3, 2], true],
    [{ not: { count: { band: 4, atLeast: 1 } } }, [3, 3, 2], true],
  ] as const)("%j on %j -> %s", (condition, list, expected) => {
    const c = Condition.parse(condition);
    expect(holds(c, bandsOf([...list], KEY_QUESTIONS.slice(0, 3)))).toBe(expected);
  });
});

describe("applyRules: CQC's aggregation principles", () => {
  const cqc = Framework.parse({
    id: "cqc",
    title: "CQC",
    categories: ["Outstanding", "Good", "Requires improvement", "Inadequate"],
    indicators: KEY_QUESTIONS.map((id) => ({
      id,
      label: id,
      polarity: "higher",
      scoring: { method: "categorical", bands: { Outstanding: 1, Good: 2, "Requires improvement": 3, Inadequate: 4 } },
    })),
    aggregation: {
      method: "rules",
      rules: [
        { name: "two or more Inadequate", if: { count: { band: 4, atLeast: 2 } }, then: "Inadequate" },
        { if: { count: { band: 4, atLeast: 1 } }, then: "Requires improvement" },
        { if: { count: { band: 3, atLeast: 2 } }, then: "Requires improvement" },
        { if: { all: [{ count: { band: 1, atLeast: 2 } }, { every: { bandAtMost: 2 } }] }, then: "Outstanding" },
      ],
      otherwise: "Good",
    },
  });
  const agg = cqc.aggregation as Extract<typeof cqc.aggregation, { method: "rules" }>;

  it.each([
    [[4, 4, 2, 2, 2], "Inadequate", "two or more Inadequate"],
    [[4, 1, 1, 1, 1], "Requires improvement", "rule 2"],
    [[3, 3, 1, 1, 1], "Requires improvement", "rule 3"],
    [[1, 1, 2, 2, 2], "Outstanding", "rule 4"],
    [[1, 1, 1, 1, 3], "Good", "otherwise (no rule held)"],
    [[2, 2, 2, 2, 3], "Good", "otherwise (no rule held)"],
    [[1, 2, 2, 2, 2], "Good", "otherwise (no rule held)"],
  ])("%j -> %s by %s", (list, category, decidedBy) => {
    expect(applyRules(agg.rules, agg.otherwise, bandsOf(list))).toEqual({ category, decidedBy });
  });
});
