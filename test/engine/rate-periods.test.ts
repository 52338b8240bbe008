import { describe, expect, it } from "vitest";
import { collectPeriods, rate, ratePeriod, ratePeriodColumns } from "../../src/engine/rate.js";
import { dataset, record, twoIndicators } from "../helpers/framework.js";

describe("rate with periods", () => {
  const outcome = rate(
    twoIndicators,
    dataset([record("B", "2017", 56, 61), record("A", "2017", 40, 30), record("B", "2016", 50, 50), record("A", "2016", 56, 61), record("C", "2016", 46, 45)]),
  );
  if (!outcome.ok) throw new Error("should rate");
  const { organisations, summary } = outcome.rating;

  it("gives one row per organisation and period, ordered by code then period", () => {
    expect(organisations.map((o) => [o.code, o.period, o.category])).toEqual([
      ["A", "2016", "Top performing"],
      ["A", "2017", "Greatest need for improvement"],
      ["B", "2016", "Performing well"],
      ["B", "2017", "Top performing"],
      ["C", "2016", "Needs improvement"],
    ]);
  });

  it("summarises each period on its own, in period order", () => {
    expect(summary.periods).toEqual([
      { period: "2016", counts: [1, 1, 1, 0], notRated: 0, total: 3 },
      { period: "2017", counts: [1, 0, 0, 1], notRated: 0, total: 2 },
    ]);
  });

  it("allows the same organisation once per period but not twice in one", () => {
    const dup = rate(twoIndicators, dataset([record("A", "2016", 50, 50, 2), record("A", "2016", 50, 50, 5), record("A", "2017", 50, 50, 7)]));
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.diagnostics).toEqual([expect.objectContaining({ code: "E_DUPLICATE_ORG", line: 5, message: expect.stringContaining("for period 2016 (first at line 2)") })]);
  });
});

describe("ratePeriod", () => {
  const records = [record("B", "2016", 50, 50, 4), record("A", "2016", 56, 61, 2), record("C", "2016", 46, 45, 6)];
  const whole = rate(twoIndicators, dataset(records));
  if (!whole.ok) throw new Error("should rate");

  it.each([
    ["in code order", records.slice().sort((a, b) => (a.code < b.code ? -1 : 1))],
    ["in reverse code order", records.slice().sort((a, b) => (a.code < b.code ? 1 : -1))],
    ["in the given order", records],
  ])("gives what rate gives for the same period, records %s", (_, given) => {
    const one = ratePeriod(twoIndicators, "2016", given);
    expect(one.period).toBe("2016");
    expect(one.organisations).toEqual(whole.rating.organisations);
    expect(one.statistics).toEqual(whole.rating.statistics);
    expect(one.summary).toEqual(whole.rating.summary.periods[0]);
    expect(one.diagnostics).toEqual([]);
  });

  it("returns a duplicate organisation as an error among its diagnostics, with the rows still rated", () => {
    const one = ratePeriod(twoIndicators, "2016", [record("A", "2016", 50, 50, 5), record("A", "2016", 50, 50, 2)]);
    expect(one.diagnostics).toEqual([expect.objectContaining({ code: "E_DUPLICATE_ORG", severity: "error", line: 5 })]);
    expect(one.organisations).toHaveLength(2);
  });
});

describe("ratePeriodColumns", () => {
  const records = [record("B", "2016", 50, 50, 4), record("A", "2016", 56, 61, 2), record("C", "2016", 46, 45, 6), record("A", "2016", 40, 30, 8)];
  const ids = twoIndicators.indicators.map((i) => i.id);

  it.each([
    ["in the given order", records],
    ["reversed", records.slice().reverse()],
  ])("gives what ratePeriod gives, records %s, with their observations apart and each column asked for once", (_, given) => {
    const asked: number[] = [];
    const heads = given.map(({ observations: _o, ...head }) => head);
    const columns = ratePeriodColumns(twoIndicators, {
      period: "2016",
      records: heads,
      column: (j) => (asked.push(j), given.map((r) => r.observations[ids[j]!])),
    });
    expect(columns).toEqual(ratePeriod(twoIndicators, "2016", given));
    expect(asked).toEqual([0, 1]);
  });
});

describe("collectPeriods", () => {
  const records = [record("B", "2016", 50, 50, 4), record("A", "2016", 56, 61, 2), record("A", "2017", 40, 30, 6), record("C", "2017", 46, 45, 8)];
  const whole = rate(twoIndicators, dataset(records));
  const byPeriod = [ratePeriod(twoIndicators, "2016", records.slice(0, 2)), ratePeriod(twoIndicators, "2017", records.slice(2))];

  it("gives rate's outcome from the periods' ratings", () => {
    expect(collectPeriods(twoIndicators, byPeriod)).toEqual(whole);
  });

  it("keeps the summary, statistics and warnings of periods whose rows were dropped", () => {
    const collected = collectPeriods(twoIndicators, byPeriod.map((p) => ({ ...p, organisations: [] })));
    if (!collected.ok || !whole.ok) throw new Error("should rate");
    expect(collected.rating).toEqual({ ...whole.rating, organisations: [] });
  });

  it("fails with every period's diagnostics, sorted, when any period has an error", () => {
    const p2016 = ratePeriod(twoIndicators, "2016", [record("A", "2016", 1, 1, 9), record("A", "2016", 1, 1, 3)]);
    const p2017 = ratePeriod(twoIndicators, "2017", [record("A", "2017", 1, 1, 7), record("A", "2017", 1, 1, 5)]);
    const collected = collectPeriods(twoIndicators, [p2016, p2017]);
    expect(collected.ok).toBe(false);
    if (!collected.ok) expect(collected.diagnostics.map((d) => [d.code, d.line])).toEqual([["E_DUPLICATE_ORG", 7], ["E_DUPLICATE_ORG", 9]]);
  });
});
