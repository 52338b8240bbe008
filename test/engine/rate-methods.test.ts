import { describe, expect, it } from "vitest";
import type { OrgRecord } from "../../src/engine/dataset/schema.js";
import { Framework } from "../../src/engine/framework/schema.js";
import { rate } from "../../src/engine/rate.js";

const rec = (code: string, period: string | null, value: number | null, attributes?: Record<string, string>): OrgRecord => ({
  code,
  name: code,
  period,
  observations: { a: { value } },
  ...(attributes ? { attributes } : {}),
});

const nof = Framework.parse({
  id: "nof",
  title: "NOF",
  categories: ["Segment 1", "Segment 2", "Segment 3", "Segment 4"],
  indicators: [{ id: "a", label: "A", polarity: "higher", scoring: { method: "rank-score" } }],
  aggregation: { method: "mean-score", quantiles: [25, 50, 75] },
  overrides: [{ column: "deficit", equals: ["yes"], capAt: "Segment 3" }],
  leagueTable: true,
});

function rated(fw: Framework, records: OrgRecord[]) {
  const out = rate(fw, { records, hasPeriods: records.some((r) => r.period !== null) });
  if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
  return out.rating;
}

describe("rate with relative methods, overrides and a league table", () => {
  it("ranks within each period, caps by the override, and ranks the league by category then score", () => {
    const rating = rated(nof, [
      rec("A", "2024", 50, { deficit: "yes" }),
      rec("B", "2024", 40),
      rec("C", "2024", 30),
      rec("D", "2024", 20),
      rec("E", "2024", 10),
      // the other period has its own ranks: 99 is best there however it compares with 2024
      rec("A", "2025", 1, { deficit: "no" }),
      rec("B", "2025", 99),
    ]);
    const row = (code: string, period: string) => rating.organisations.find((o) => o.code === code && o.period === period)!;
    expect(rating.organisations.map((o) => `${o.code}/${o.period}`)).toEqual(["A/2024", "A/2025", "B/2024", "B/2025", "C/2024", "D/2024", "E/2024"]);
    expect(row("A", "2024")).toMatchObject({
      score: 1,
      category: "Segment 3",
      decidedBy: "mean 1 <= 1.75; capped at Segment 3 (deficit = yes)",
      rank: 3, // after B (Segment 1) and C (Segment 2), before D (Segment 3 with a worse mean)
      toNextCategory: null,
    });
    expect(row("B", "2024")).toMatchObject({ score: 1.75, category: "Segment 1", rank: 1 });
    expect(row("C", "2024")).toMatchObject({ score: 2.5, category: "Segment 2", rank: 2 });
    expect(row("E", "2024")).toMatchObject({ score: 4, category: "Segment 4", rank: 5 });
    expect(row("B", "2025")).toMatchObject({ score: 1, category: "Segment 1", rank: 1 });
    expect(row("A", "2025")).toMatchObject({ score: 4, category: "Segment 4", rank: 2 });
    expect(row("A", "2025").indicators[0]).toMatchObject({ band: null, score: 4, decidedBy: "rank 2 of 2" });
  });

  it("has no rank without leagueTable", () => {
    const rating = rated({ ...nof, leagueTable: undefined }, [rec("A", null, 1), rec("B", null, 2)]);
    expect(rating.organisations.map((o) => o.rank)).toEqual([null, null]);
  });

  it("reports the pooled national value per indicator and period, with phi and tau2 for z-scores", () => {
    const fw = Framework.parse({
      id: "z",
      title: "Z",
      indicators: [
        { id: "a", label: "A", polarity: "higher", unit: "%", scoring: { method: "z-score", statistic: "proportion", overdispersion: "none", cuts: [2, 0, -2] } },
        { id: "b", label: "B", polarity: "higher", unit: "%", scoring: { method: "thresholds", cuts: [3, 2, 1] } },
      ],
    });
    const counts = (n: number, d: number) => ({ value: null, numerator: n, denominator: d });
    const rating = rated(fw, [
      { code: "A", name: "", period: null, observations: { a: counts(10, 100), b: { value: 2 } } },
      { code: "B", name: "", period: null, observations: { a: counts(30, 100), b: { value: 1 } } },
    ]);
    expect(rating.statistics).toHaveLength(2);
    expect(rating.statistics[0]).toMatchObject({ indicator: "a", period: null, national: 20 });
    expect(rating.statistics[0]!.phi).toBeGreaterThan(1);
    expect(rating.statistics[1]).toEqual({ indicator: "b", period: null, national: null, phi: null, tau2: null });
    expect(rating.organisations[0]!.indicators[0]!.z).toBeLessThan(0);
  });

  it("an unknown categorical label stops the rating with an error where it was read", () => {
    const fw = Framework.parse({
      id: "c",
      title: "C",
      indicators: [{ id: "a", label: "A", polarity: "higher", scoring: { method: "categorical", bands: { Yes: 1, No: 4 } } }],
    });
    const out = rate(fw, {
      records: [{ code: "A", name: "", period: null, observations: { a: { value: null, text: "Maybe", origin: { file: "v.csv", line: 3, column: 2 } } } }],
      hasPeriods: false,
    });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.diagnostics).toMatchObject([{ code: "E_UNKNOWN_LABEL", file: "v.csv", line: 3, column: 2 }]);
  });

  it("a standard-ci value without counts is unscored, with the reason in the notes", () => {
    const fw = Framework.parse({
      id: "s",
      title: "S",
      indicators: [{ id: "a", label: "A", polarity: "higher", standard: 50, scoring: { method: "standard-ci", statistic: "proportion", confidence: 0.95 } }],
    });
    const [o] = rated(fw, [rec("A", null, 60)]).organisations;
    expect(o).toMatchObject({ category: "Not rated", notes: "0 of 1 indicators scored (a: standard-ci needs a numerator and denominator, not only a value); not rated: fewer than 1 scored" });
  });

  it.each([
    [["Good", "Bad"], [50], [60, 50, 40], ["Good", "Good", "Bad"]],
    [["A", "B", "C", "D", "E"], [80, 60, 40, 20], [90, 60, 59, 10], ["A", "B", "C", "E"]],
  ])("thresholds with %j categories", (categories, cuts, values, expected) => {
    const meanCuts = categories.slice(1).map((_, i) => i + 1.5);
    const fw = Framework.parse({
      id: "t",
      title: "T",
      categories,
      indicators: [{ id: "a", label: "A", polarity: "higher", scoring: { method: "thresholds", cuts } }],
      aggregation: { method: "mean-score", cuts: meanCuts },
    });
    expect(rated(fw, values.map((v, i) => rec(`X${i}`, null, v))).organisations.map((o) => o.category)).toEqual(expected);
  });
});
