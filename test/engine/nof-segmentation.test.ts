import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OrgRecord } from "../../src/engine/dataset/schema.js";
import { Framework } from "../../src/engine/framework/schema.js";
import { rate } from "../../src/engine/rate.js";
import { dataset } from "../helpers/frameworks.js";

fc.configureGlobal({ seed: 202526, numRuns: 300 });

// A NOF 2025/26 segmentation small enough to do by hand: three rank-scored metrics, quartile cuts of
// the means, the financial cap at segment 3, segment 5 from a list, and the league table.
const NOF = Framework.parse({
  id: "nof-hand",
  title: "NOF by hand",
  categories: ["Segment 1", "Segment 2", "Segment 3", "Segment 4", "Segment 5"],
  indicators: [
    { id: "m1", label: "M1", polarity: "higher", scoring: { method: "rank-score" } },
    { id: "m2", label: "M2", polarity: "lower", scoring: { method: "rank-score" } },
    { id: "m3", label: "M3", polarity: "higher", scoring: { method: "rank-score" } },
  ],
  aggregation: { method: "mean-score", quantiles: [25, 50, 75] },
  overrides: [
    { column: "deficit", equals: ["yes"], capAt: "Segment 3" },
    { column: "intensive", equals: ["yes"], setTo: "Segment 5" },
  ],
  leagueTable: true,
});

function trust(code: string, m1: number | null, m2: number | null, m3: number | null, deficit = "no", intensive = "no"): OrgRecord {
  const observations = Object.fromEntries(
    Object.entries({ m1, m2, m3 }).flatMap(([id, value]) => (value === null ? [] : [[id, { value }]])),
  );
  return { code, name: code, period: null, observations, attributes: { deficit, intensive } };
}

const TRUSTS = [
  trust("T01", 90, 10, 5),
  trust("T02", 85, 20, 9, "yes"),
  trust("T03", 85, 30, 8),
  trust("T04", 80, 40, 7),
  trust("T05", 75, null, 6),
  trust("T06", 70, 50, 6),
  trust("T07", 65, 60, 4),
  trust("T08", 60, 70, 3),
  trust("T09", 55, 80, 2, "no", "yes"),
  trust("T10", 50, 90, 1),
];

function rated(records: OrgRecord[]) {
  const out = rate(NOF, dataset(records));
  if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
  return out.rating.organisations;
}

describe("NOF segmentation, worked by hand", () => {
  // Score = 1 + 3 (r - 1) / (n - 1), r the rank (ties share the average), n the trusts with a value.
  // m1: n = 10, T02 and T03 tie at rank 2.5. m2: T05 has no value, n = 9. m3: T05 and T06 tie at 4.5.
  // Quartiles (R type 7) of the ten means: 1.649306, 2.347222, 3.21875.
  it.each([
    // code, m1 score, m2 score, m3 score, mean, segment, rank
    ["T01", 1, 1, 2.666667, 1.555556, "Segment 1", 2],
    ["T02", 1.5, 1.375, 1, 1.291667, "Segment 3", 5], // Segment 1 by its mean, capped by the deficit
    ["T03", 1.5, 1.75, 1.333333, 1.527778, "Segment 1", 1],
    ["T04", 2, 2.125, 1.666667, 1.930556, "Segment 2", 3],
    ["T05", 2.333333, null, 2.166667, 2.25, "Segment 2", 4], // m2 unscored: the mean of two
    ["T06", 2.666667, 2.5, 2.166667, 2.444444, "Segment 3", 6],
    ["T07", 3, 2.875, 3, 2.958333, "Segment 3", 7],
    ["T08", 3.333333, 3.25, 3.333333, 3.305556, "Segment 4", 8],
    ["T09", 3.666667, 3.625, 3.666667, 3.652778, "Segment 5", 10], // Segment 4 by its mean, set to 5 by the list
    ["T10", 4, 4, 4, 4, "Segment 4", 9],
  ] as const)("%s: scores %s, %s, %s; mean %s; %s; rank %s of 10", (code, s1, s2, s3, mean, segment, rank) => {
    const org = rated(TRUSTS).find((o) => o.code === code)!;
    const scores = org.indicators.map((i) => i.score);
    [s1, s2, s3].forEach((s, k) => (s === null ? expect(scores[k]).toBeNull() : expect(scores[k]).toBeCloseTo(s, 6)));
    expect(org.score).toBeCloseTo(mean, 6);
    expect(org.category).toBe(segment);
    expect(org.rank).toBe(rank);
    expect(org.rankOf).toBe(10);
  });

  it("says which override moved a trust, and the cut its mean fell between", () => {
    const byCode = new Map(rated(TRUSTS).map((o) => [o.code, o]));
    expect(byCode.get("T02")!.decidedBy).toBe("mean 1.292 <= 1.649; capped at Segment 3 (deficit = yes)");
    expect(byCode.get("T09")!.decidedBy).toBe("mean 3.653 > 3.219; set to Segment 5 (intensive = yes)");
    expect(byCode.get("T06")!.decidedBy).toBe("2.347 < mean 2.444 <= 3.219");
    expect(byCode.get("T06")!.toNextCategory).toBeCloseTo(2.444444 - 2.347222, 6);
  });

  it("puts a listed trust in segment 5 even when it has too few scores to be rated", () => {
    const [org] = rated([trust("T01", 90, 10, 5), trust("T11", null, null, null, "no", "yes")]).filter((o) => o.code === "T11");
    expect(org!.category).toBe("Segment 5");
    expect(org!.rank).toBe(2);
  });
});

const trustsArb = fc
  .array(
    fc.record({
      m1: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
      m2: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
      m3: fc.integer({ min: 0, max: 20 }),
      deficit: fc.boolean(),
      intensive: fc.boolean(),
    }),
    { minLength: 2, maxLength: 25 },
  )
  .map((rows) => rows.map((r, i) => trust(`T${String(i).padStart(2, "0")}`, r.m1, r.m2, r.m3, r.deficit ? "yes" : "no", r.intensive && i % 5 === 0 ? "yes" : "no")));

describe("NOF segmentation laws", () => {
  const improved = (trusts: OrgRecord[], i: number, by: number) =>
    trusts.map((t, k) => (k === i ? { ...t, observations: { ...t.observations, m3: { value: t.observations.m3!.value! + by } } } : t));
  const placeOf = (trusts: OrgRecord[], code: string) => rated(trusts).find((o) => o.code === code)!;

  it("improving one metric of one trust never worsens its segment, nor its rank unless an override holds it", () => {
    fc.assert(
      fc.property(trustsArb, fc.nat(), fc.integer({ min: 1, max: 5 }), (trusts, pick, by) => {
        const i = pick % trusts.length;
        const code = trusts[i]!.code;
        const before = placeOf(trusts, code);
        const after = placeOf(improved(trusts, i, by), code);
        expect(after.categoryIndex!).toBeLessThanOrEqual(before.categoryIndex!);
        if (before.cappedBy === null && after.cappedBy === null) expect(after.rank!).toBeLessThanOrEqual(before.rank!);
      }),
    );
  });

  it("can lower a capped trust's rank when it improves: its gain is a rival's loss, which moves the quartiles (found by the law above)", () => {
    const trusts = [trust("T00", 0, 0, 0), trust("T01", 1, null, 0), trust("T02", 0, null, 2, "yes"), trust("T03", null, null, 1, "yes")];
    const before = placeOf(trusts, "T03");
    const after = placeOf(improved(trusts, 3, 1), "T03");
    expect([before.category, before.score, before.rank]).toEqual(["Segment 3", 2, 1]);
    // T03 ties T02 on m3, so T02's mean rises, the median rises past T01, and T01 leaves segment 3 upwards.
    expect([after.category, after.score, after.rank]).toEqual(["Segment 3", 1.5, 2]);
    expect(placeOf(improved(trusts, 3, 1), "T01").category).toBe("Segment 2");
  });

  it("ranks 1..N, a tie sharing the better rank and the next rank skipping the tied places", () => {
    fc.assert(
      fc.property(trustsArb, (trusts) => {
        const orgs = rated(trusts);
        for (const o of orgs) {
          const ahead = orgs.filter((p) => p.categoryIndex! < o.categoryIndex! || (p.categoryIndex === o.categoryIndex && p.score! < o.score!)).length;
          expect(o.rank).toBe(ahead + 1);
          expect(o.rankOf).toBe(orgs.length);
        }
      }),
    );
  });

  it("never places a trust in deficit above segment 3", () => {
    fc.assert(
      fc.property(trustsArb, (trusts) => {
        for (const o of rated(trusts)) if (o.cappedBy !== null || trusts.find((t) => t.code === o.code)!.attributes!.deficit === "yes") expect(o.categoryIndex!).toBeGreaterThanOrEqual(2);
      }),
    );
  });
});
