import { describe, expect, it } from "vitest";
import { rate } from "../../src/engine/rate.js";
import { dataset, org, twoIndicatorFramework } from "../helpers/frameworks.js";

function rated(records: Parameters<typeof dataset>[0], fw = twoIndicatorFramework()) {
  const out = rate(fw, dataset(records));
  if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
  return out.rating;
}

describe("rate", () => {
  it.each([
    // a (higher, 55/50/45), b (lower, 4/6/8) -> bands, mean, category
    [{ a: 60, b: 3 }, [1, 1], 1, "Top performing"],
    [{ a: 55, b: 6 }, [1, 2], 1.5, "Top performing"],
    [{ a: 50, b: 6 }, [2, 2], 2, "Performing well"],
    [{ a: 50, b: 8 }, [2, 3], 2.5, "Performing well"],
    [{ a: 45, b: 8 }, [3, 3], 3, "Needs improvement"],
    [{ a: 40, b: 8 }, [4, 3], 3.5, "Needs improvement"],
    [{ a: 40, b: 9 }, [4, 4], 4, "Greatest need for improvement"],
    [{ a: 60, b: null }, [1, null], 1, "Top performing"],
  ])("%j -> bands %j, mean %s, %s", (values, bands, score, category) => {
    const [o] = rated([org("X", values)]).organisations;
    expect(o!.indicators.map((i) => i.band)).toEqual(bands);
    expect(o!.score).toBe(score);
    expect(o!.category).toBe(category);
  });

  it("weights the mean", () => {
    const fw = twoIndicatorFramework();
    fw.indicators[0]!.weight = 3;
    const [o] = rated([org("X", { a: 60, b: 9 })], fw).organisations;
    expect(o!.score).toBe(1.75);
    expect(o!.category).toBe("Performing well");
  });

  it("notes unscored indicators and rates on the rest", () => {
    const [o] = rated([org("X", { a: 60, b: null })]).organisations;
    expect(o!.scored).toBe(1);
    expect(o!.notes).toBe("1 of 2 indicators scored (b: no value)");
  });

  it("says Not rated below the minimum number of scored indicators, and counts it", () => {
    const fw = twoIndicatorFramework({ minIndicators: 2 });
    const r = rated([org("X", { a: 60, b: null }), org("Y", { a: 60, b: 3 })], fw);
    expect(r.organisations[0]).toMatchObject({ category: "Not rated", categoryIndex: null, score: null });
    expect(r.organisations[0]!.notes).toBe("1 of 2 indicators scored (b: no value); not rated: fewer than 2 scored");
    expect(r.summary.periods).toEqual([{ period: null, counts: [1, 0, 0, 0], notRated: 1, total: 2 }]);
  });

  it("an organisation with no values at all is Not rated, never dropped", () => {
    const r = rated([org("X", { a: null, b: null })]);
    expect(r.organisations).toHaveLength(1);
    expect(r.organisations[0]!.category).toBe("Not rated");
  });

  it("orders by organisation code then period, whatever the input order", () => {
    const r = rated([org("B", { a: 1, b: 1 }, "2017"), org("A", { a: 1, b: 1 }, "2017"), org("B", { a: 1, b: 1 }, "2016")]);
    expect(r.organisations.map((o) => `${o.code} ${o.period}`)).toEqual(["A 2017", "B 2016", "B 2017"]);
    expect(r.summary.periods.map((p) => [p.period, p.total])).toEqual([
      ["2016", 1],
      ["2017", 2],
    ]);
  });

  it("reports every duplicate organisation, at the later line", () => {
    const a = { ...org("A", { a: 1, b: 1 }), origin: { file: "v.csv", line: 2, column: 1 } };
    const a2 = { ...org("A", { a: 1, b: 1 }), origin: { file: "v.csv", line: 9, column: 1 } };
    const b = { ...org("B", { a: 1, b: 1 }), origin: { file: "v.csv", line: 3, column: 1 } };
    const b2 = { ...org("B", { a: 1, b: 1 }), origin: { file: "v.csv", line: 5, column: 1 } };
    const out = rate(twoIndicatorFramework(), dataset([a2, b, a, b2]));
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.diagnostics.map((d) => [d.code, d.line])).toEqual([
        ["E_DUPLICATE_ORG", 5],
        ["E_DUPLICATE_ORG", 9],
      ]);
    }
  });

  it("the same code in two periods is not a duplicate", () => {
    expect(rate(twoIndicatorFramework(), dataset([org("A", { a: 1 }, "p1"), org("A", { a: 1 }, "p2")])).ok).toBe(true);
  });

  it("reports invalid fractions as errors with their origin", () => {
    const record = {
      code: "A",
      name: "",
      period: null,
      observations: { a: { value: null, numerator: 5, denominator: 4, origin: { file: "v.csv", line: 7, column: 3 } } },
    };
    const out = rate(twoIndicatorFramework(), dataset([record]));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.diagnostics).toEqual([expect.objectContaining({ code: "E_NUMERATOR_GT_DENOMINATOR", line: 7, column: 3 })]);
  });

  it("works with any number of categories", () => {
    const fw = twoIndicatorFramework({
      categories: ["Good", "Fair", "Poor"],
      indicators: [{ id: "a", label: "A", polarity: "higher", scoring: { method: "thresholds", cuts: [50, 40] } }],
      aggregation: { method: "mean-score", cuts: [1.5, 2.5] },
    });
    const r = rated([org("X", { a: 55 }), org("Y", { a: 45 }), org("Z", { a: 10 })], fw);
    expect(r.organisations.map((o) => o.category)).toEqual(["Good", "Fair", "Poor"]);
    expect(r.summary.categories).toEqual(["Good", "Fair", "Poor"]);
  });
});
