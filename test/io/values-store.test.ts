import { describe, expect, it } from "vitest";
import type { Observation } from "../../src/engine/dataset/schema.js";
import { ValuesStore } from "../../src/io/values/values-store.js";

/** A keyed store of `orgs` organisations x the given periods, two indicators each, in every kind. */
function store(orgs: number, periods: (string | null)[]): ValuesStore {
  const s = new ValuesStore("v.csv", ["a", "b"], 1, true, false);
  let line = 2;
  for (const period of periods) {
    for (let o = 0; o < orgs; o++) {
      const rec = s.addRecord(`X${o}`, o % 2 === 0 ? `Org ${o}` : "", period, line);
      s.addValue(rec, 0, o + 0.5, line++, 3);
      const kind = o % 4;
      if (kind === 0) s.addFraction(rec, 1, o, 100, line++, 3, 4);
      else if (kind === 3) s.addText(rec, 1, "Fully met", line++, 3);
      else s.addMissing(rec, 1, kind === 1 ? "empty" : "suppressed", line++, 3);
    }
  }
  return s;
}

describe("ValuesStore", () => {
  it("makes each kind of observation as the reader's objects", () => {
    const { records } = store(4, [null]).dataset(false);
    expect(records.map((r) => r.observations.b)).toEqual([
      { value: null, numerator: 0, denominator: 100, origin: { file: "v.csv", line: 3, column: 3 }, denominatorOrigin: { file: "v.csv", line: 3, column: 4 } },
      { value: null, missing: "empty", origin: { file: "v.csv", line: 5, column: 3 } },
      { value: null, missing: "suppressed", origin: { file: "v.csv", line: 7, column: 3 } },
      { value: null, text: "Fully met", origin: { file: "v.csv", line: 9, column: 3 } },
    ]);
    expect(records[0]).toMatchObject({ code: "X0", name: "Org 0", period: null, origin: { file: "v.csv", line: 2, column: 1 } });
    expect(records[0]!.observations.a).toEqual({ value: 0.5, origin: { file: "v.csv", line: 2, column: 3 } });
  });

  it.each([
    { code: "X1", period: "2017", found: 4 },
    { code: "X1", period: "2016", found: 1 },
    { code: "X1", period: null, found: undefined },
    { code: "X9", period: "2016", found: undefined },
  ])("finds $code in $period", ({ code, period, found }) => {
    expect(store(3, ["2016", "2017"]).find(code, period)).toBe(found);
  });

  it("knows which values it holds", () => {
    const s = new ValuesStore("v.csv", ["a", "b"], 1, true, false);
    const rec = s.addRecord("X", "", null, 2);
    s.addValue(rec, 1, 1, 2, 3);
    expect([s.holds(rec, 0), s.holds(rec, 1)]).toEqual([false, true]);
  });

  it("gives the periods in text order, their columns together making the whole dataset", () => {
    const s = store(5, ["2017", "2016", "2018"]);
    const periods = [...s.byPeriod()];
    expect(periods.map((p) => [p.period, ...new Set(p.records.map((r) => r.period))])).toEqual([
      ["2016", "2016"],
      ["2017", "2017"],
      ["2018", "2018"],
    ]);
    const rebuilt = periods.flatMap((p) => {
      const columns = s.indicators.map((_, j) => p.column(j));
      return p.records.map((r, k) => {
        const observations: Record<string, Observation> = {};
        s.indicators.forEach((id, j) => columns[j]![k] !== undefined && (observations[id] = columns[j]![k]!));
        return { ...r, observations };
      });
    });
    expect(rebuilt.sort((x, y) => x.origin!.line! - y.origin!.line!)).toEqual(s.dataset(true).records);
  });

  it("gives a column as bare values where each observation is a bare value or missing, and null where one is more", () => {
    const s = store(4, ["2016"]);
    const [p] = [...s.byPeriod()];
    expect(p!.bareValues!(0)).toEqual({ values: Float64Array.of(0.5, 1.5, 2.5, 3.5), kinds: Uint8Array.of(1, 1, 1, 1) });
    expect(p!.bareValues!(1)).toBeNull();
    const plain = new ValuesStore("v.csv", ["a"], 1, true, false);
    for (const [o, add] of [(rec: number) => plain.addValue(rec, 0, 7, 2, 3), (rec: number) => plain.addMissing(rec, 0, "suppressed", 3, 3), (rec: number) => plain.addMissing(rec, 0, "empty", 4, 3), () => {}].entries()) {
      add(plain.addRecord(`X${o}`, "", null, o + 2));
    }
    const [q] = [...plain.byPeriod()];
    expect(q!.bareValues!(0)).toEqual({ values: Float64Array.of(7, 0, 0, 0), kinds: Uint8Array.of(1, 2, 0, 0) });
    plain.compared("Worse");
    expect([...plain.byPeriod()][0]!.bareValues!(0)).toBeNull();
  });

  it("finds each column's observations in whichever block holds them", () => {
    const first = store(2, ["2016", "2017"]);
    const next = store(3, ["2016", "2017"]).toParts();
    first.appendValues(next, first.appendRecords(next, 50, () => undefined), 50, () => {});
    const [p2016] = [...first.byPeriod()];
    const values = p2016!.column(0).map((o) => o?.value);
    expect(p2016!.records.map((r, k) => [r.code, values[k]])).toEqual(
      first.dataset(true).records.filter((r) => r.period === "2016").map((r) => [r.code, r.observations.a?.value]),
    );
  });

  it("widens its 16-bit columns when a column or indicator number needs more, keeping what it held", () => {
    const ids = Array.from({ length: 70_000 }, (_, k) => `i${k}`);
    const s = new ValuesStore("v.csv", ids, 1, true, false);
    const rec = s.addRecord("X", "", null, 2);
    s.addValue(rec, 3, 1, 2, 40_000);
    s.addFraction(rec, 5, 2, 4, 2, 50_000, 50_001);
    s.addValue(rec, 7, 3, 2, 70_000);
    s.addFraction(rec, 69_999, 5, 10, 2, 70_001, 80_000);
    const [made] = ValuesStore.fromParts(s.toParts()).dataset(false).records;
    const at = (id: string) => [made!.observations[id]!.origin!.column, made!.observations[id]!.denominatorOrigin?.column, made!.observations[id]!.denominator];
    expect([at("i3"), at("i5"), at("i7"), at("i69999")]).toEqual([
      [40_000, undefined, undefined],
      [50_000, 50_001, 4],
      [70_000, undefined, undefined],
      [70_001, 80_000, 10],
    ]);
  });

  it("survives the trip to another thread as parts", () => {
    const s = store(4, ["2016", "2017"]);
    expect(ValuesStore.fromParts(s.toParts()).dataset(true)).toEqual(s.dataset(true));
  });

  it("appends the next part of a file: records continued, names filled, duplicates told and left out", () => {
    const first = store(2, ["2016"]);
    const next = new ValuesStore("v.csv", ["a", "b"], 1, true, false);
    const again = next.addRecord("X1", "Named later", "2016", 2);
    next.addValue(again, 0, 99, 2, 3);
    const fresh = next.addRecord("X7", "", "2016", 3);
    next.addValue(fresh, 1, 7, 3, 3);
    const told: [number, number, number][] = [];
    const parts = next.toParts();
    const recs = first.appendRecords(parts, 100, () => undefined);
    expect([...recs]).toEqual([1, 2]);
    first.appendValues(parts, recs, 100, (rec, ind, line) => told.push([rec, ind, line]));
    expect(told).toEqual([[1, 0, 102]]);
    const { records } = first.dataset(true);
    expect(records.map((r) => [r.code, r.name, r.origin!.line])).toEqual([
      ["X0", "Org 0", 2],
      ["X1", "Named later", 4],
      ["X7", "", 103],
    ]);
    expect(records[1]!.observations.a!.value).toBe(1.5);
    expect(records[2]!.observations.b).toEqual({ value: 7, origin: { file: "v.csv", line: 103, column: 3 } });
  });
});
