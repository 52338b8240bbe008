import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orderPeriods, periodReadings, type PeriodKind } from "../../../src/engine/trend/period-order.js";

const labels = (xs: string[]) => xs.map((label) => ({ label }));

describe("periodReadings", () => {
  it.each<[string, PeriodKind[]]>([
    ["2024/25 Q1", ["financial-quarter"]],
    ["2024-25 Q1", ["financial-quarter"]],
    ["2024/2025 Q1", ["financial-quarter"]],
    ["Q1 2024/25", ["financial-quarter"]],
    ["Q1 2024-25", ["financial-quarter"]],
    ["q4 fy2024/25", ["financial-quarter"]],
    ["2024/25 Quarter 3", ["financial-quarter"]],
    ["2024 Q1", ["calendar-quarter"]],
    ["Q1 2024", ["calendar-quarter"]],
    ["2024-Q2", ["calendar-quarter"]],
    ["2024/25", ["financial-year"]],
    ["2024-25", ["financial-year"]],
    // Read both ways: the other labels of the file decide.
    ["2011-12", ["financial-year", "month"]],
    ["Jun 2024", ["month"]],
    ["June 2024", ["month"]],
    ["Jun-24", ["month"]],
    ["Sept. 2024", ["month"]],
    ["2024-06", ["month"]],
    ["2024-06-30", ["date"]],
    ["30/06/2024", ["date"]],
    ["2024", ["year", "number"]],
    ["7", ["number"]],
  ])("%s reads as %j", (label, kinds) => {
    expect(periodReadings(label).map((r) => r.kind)).toEqual(kinds);
  });

  it.each(["", "Spring 2024", "2024/26", "2024/25 Q5", "Q0 2024", "2024-13-01", "31/06/2024", "2024-02-30", "Jux 2024", "-3", "1.5"])("cannot read %j", (label) => {
    expect(periodReadings(label)).toEqual([]);
  });
});

describe("orderPeriods", () => {
  it.each<[string, string[], string[], PeriodKind]>([
    ["financial quarters across a year end", ["2024/25 Q1", "2023/24 Q4", "2023/24 Q2", "2023/24 Q3"], ["2023/24 Q2", "2023/24 Q3", "2023/24 Q4", "2024/25 Q1"], "financial-quarter"],
    ["financial quarters written both ways round", ["Q1 2024-25", "2023/24 Q4"], ["2023/24 Q4", "Q1 2024-25"], "financial-quarter"],
    ["calendar quarters", ["2024 Q1", "2023 Q4", "Q2 2024"], ["2023 Q4", "2024 Q1", "Q2 2024"], "calendar-quarter"],
    // Text order would put Apr before Jan, and Sep 2023 after Jun 2024.
    ["months by name", ["Jun 2024", "Jan 2024", "Apr 2024", "Sep 2023"], ["Sep 2023", "Jan 2024", "Apr 2024", "Jun 2024"], "month"],
    ["quarter-end dates", ["2024-06-30", "2023-12-31", "2024-03-31"], ["2023-12-31", "2024-03-31", "2024-06-30"], "date"],
    ["UK dates", ["31/03/2024", "30/06/2023", "31/12/2023"], ["30/06/2023", "31/12/2023", "31/03/2024"], "date"],
    ["ISO months with a December", ["2011-12", "2011-10", "2012-01"], ["2011-10", "2011-12", "2012-01"], "month"],
    ["financial years", ["2012-13", "2011-12", "2013/14"], ["2011-12", "2012-13", "2013/14"], "financial-year"],
    // Text order puts 10 before 9.
    ["numbers", ["10", "9", "2024"], ["9", "10", "2024"], "number"],
    ["years", ["2024", "2022", "2023"], ["2022", "2023", "2024"], "year"],
  ])("%s", (_, given, expected, kind) => {
    expect(orderPeriods(labels(given))).toEqual({ ok: true, kind, periods: expected });
  });

  it("names a label it cannot read, where it was seen", () => {
    const out = orderPeriods([{ label: "2024/25 Q1" }, { label: "Spring", origin: { file: "v.csv", line: 9, column: 3 } }]);
    expect(out).toEqual({
      ok: false,
      diagnostics: [expect.objectContaining({ code: "E_PERIOD_ORDER", file: "v.csv", line: 9, column: 3, message: expect.stringMatching(/^cannot place period "Spring" in time; write periods as one of "2024\/25 Q1"/) })],
    });
  });

  it.each([
    [["2024/25 Q1", "2024-06-30"], '"2024/25 Q1" (financial-quarter) and "2024-06-30" (date)'],
    [["2024", "2024 Q1"], '"2024" (year or number) and "2024 Q1" (calendar-quarter)'],
    [["2011-12", "2012-13", "2012-01"], '"2011-12" (financial-year or month) and "2012-01" (month)'],
  ])("refuses to mix kinds: %j", (given, named) => {
    const out = orderPeriods(labels(given));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.diagnostics.map((d) => d.message)).toEqual([`periods of different kinds cannot be put in one order: ${named}`]);
  });

  it("refuses one period written two ways", () => {
    const out = orderPeriods(labels(["2024/25 Q1", "Q1 2024-25", "2024/25 Q2"]));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.diagnostics.map((d) => d.message)).toEqual(['periods "2024/25 Q1" and "Q1 2024-25" are the same financial-quarter, written two ways; write it one way']);
  });

  it("gives the same order whatever order the labels come in", () => {
    const quarters = Array.from({ length: 24 }, (_, i) => `${2015 + Math.floor(i / 4)}/${String(16 + Math.floor(i / 4)).padStart(2, "0")} Q${(i % 4) + 1}`);
    fc.assert(
      fc.property(fc.shuffledSubarray(quarters, { minLength: 1 }), (picked) => {
        const out = orderPeriods(labels(picked));
        expect(out).toEqual({ ok: true, kind: "financial-quarter", periods: quarters.filter((q) => picked.includes(q)) });
      }),
    );
  });
});
