import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Random } from "../../../src/engine/stats/random.js";
import type { PeriodDraws } from "../../../src/engine/uncertainty/bootstrap.js";
import { periodRankSets, rankRefusal, rankSetOf } from "../../../src/engine/uncertainty/rank-sets.js";
import type { Framework } from "../../../src/engine/framework/schema.js";

/** A period's draws with organisation i's score in draw d = centre_i + sd_i · N(0, 1) (NaN centre: never rated). */
function drawsOf(centres: readonly number[], sds: readonly number[], draws: number, seed = 7): PeriodDraws {
  const n = centres.length;
  const random = new Random(seed);
  const scores = new Float64Array(draws * n);
  for (let d = 0; d < draws; d++) for (let i = 0; i < n; i++) scores[d * n + i] = centres[i]! + sds[i]! * random.normal();
  return {
    period: "P",
    codes: centres.map((_, i) => `O${String(i).padStart(2, "0")}`),
    draws,
    orgCounts: new Uint32Array(0),
    drawCounts: new Uint32Array(0),
    scores,
    heldFixed: [],
  };
}

const OPTIONS = { kind: "marginal", level: 0.95, seed: 1, periodIndex: 0 } as const;
const bounds = (draws: PeriodDraws, estimates: (number | null)[], kind: "marginal" | "simultaneous" = "marginal") =>
  periodRankSets(draws, estimates, { ...OPTIONS, kind }).organisations.map((o) => [o.code, o.rankLower, o.rankUpper]);

describe("periodRankSets", () => {
  it.each([
    {
      name: "lower scores rank first; far apart, each set is one rank",
      centres: [3, 1, 2],
      sds: [0.01, 0.01, 0.01],
      want: [["O00", 3, 3], ["O01", 1, 1], ["O02", 2, 2]],
    },
    {
      name: "scores within noise of each other share every rank",
      centres: [1.5, 1.5, 1.5],
      sds: [1, 1, 1],
      want: [["O00", 1, 3], ["O01", 1, 3], ["O02", 1, 3]],
    },
    {
      name: "held fixed: equal scores are not told apart, different ones are",
      centres: [2, 1, 2, 3],
      sds: [0, 0, 0, 0],
      want: [["O00", 2, 3], ["O01", 1, 1], ["O02", 2, 3], ["O03", 4, 4]],
    },
    {
      name: "two fixed scores among varying ones: the fixed pair decided exactly, the rest by the noise",
      centres: [2, 2.5, 2, 1],
      sds: [0, 0, 5, 0.001],
      want: [["O00", 2, 3], ["O01", 3, 4], ["O02", 1, 4], ["O03", 1, 2]],
    },
  ])("$name", ({ centres, sds, want }) => {
    for (const kind of ["marginal", "simultaneous"] as const) expect(bounds(drawsOf(centres, sds, 500), centres, kind)).toEqual(want);
  });

  it("leaves organisations not rated out of the league (NaN in the draws, null estimate)", () => {
    const draws = drawsOf([1, Number.NaN, 2], [0.01, 0, 0.01], 200);
    const sets = periodRankSets(draws, [1, null, 2], OPTIONS);
    expect(sets.ranked).toBe(2);
    expect(sets.organisations.map((o) => [o.code, o.rankLower, o.rankUpper])).toEqual([["O00", 1, 1], ["O02", 2, 2]]);
    expect(rankSetOf({ kind: "marginal", level: 0.95, draws: 200, seed: 1, periods: [sets] })({ code: "O01", period: "P" })).toBeNull();
  });

  it("gives expected ranks summing to N(N + 1)/2, exact for fixed scores", () => {
    const varying = periodRankSets(drawsOf([1, 2, 2, 3], [0, 0, 0.5, 0.5], 400), [1, 2, 2, 3], OPTIONS).organisations.map((o) => o.expectedRank);
    expect(varying.reduce((a, b) => a + b, 0)).toBeCloseTo(10, 9);
    const fixed = periodRankSets(drawsOf([1, 2, 2], [0, 0, 0], 10), [1, 2, 2], OPTIONS).organisations.map((o) => o.expectedRank);
    expect(fixed).toEqual([1, 2.5, 2.5]);
  });

  it("gives the same sets for the same seed, and takes its own stream per period", () => {
    const draws = drawsOf([1, 1.2, 1.4, 1.6, 1.8], [0.1, 0.1, 0.1, 0.1, 0.1], 300);
    const estimates = [1, 1.2, 1.4, 1.6, 1.8];
    expect(periodRankSets(draws, estimates, OPTIONS)).toEqual(periodRankSets(draws, estimates, OPTIONS));
    expect(periodRankSets(draws, estimates, { ...OPTIONS, periodIndex: 1 }).organisations.length).toBe(5);
  });

  it("refuses to work without the draws' scores", () => {
    expect(() => periodRankSets({ ...drawsOf([1], [0], 1), scores: null }, [1], OPTIONS)).toThrow(RangeError);
  });

  it("property: an organisation's own rank by score is always within its set", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ centre: fc.integer({ min: 0, max: 6 }), sd: fc.constantFrom(0, 0.1, 0.5, 2) }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom("marginal" as const, "simultaneous" as const),
        fc.integer({ min: 0, max: 1000 }),
        (orgs, kind, seed) => {
          const centres = orgs.map((o) => o.centre / 2);
          const sets = periodRankSets(drawsOf(centres, orgs.map((o) => o.sd), 100, seed), centres, { ...OPTIONS, kind, seed });
          sets.organisations.forEach((o, i) => {
            const rank = 1 + centres.filter((c) => c < centres[i]!).length;
            expect(o.rankLower).toBeLessThanOrEqual(rank);
            expect(rank).toBeLessThanOrEqual(o.rankUpper);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("rankRefusal", () => {
  it.each([
    { method: "mean-score", refused: false },
    { method: "rules", refused: true },
  ])("$method: refused $refused", ({ method, refused }) => {
    const framework = { id: "fw", aggregation: method === "rules" ? { method, rules: [], otherwise: "x" } : { method } } as unknown as Framework;
    const reason = rankRefusal(framework);
    expect(reason === null).toBe(!refused);
    if (refused) expect(reason).toContain("rules over indicator bands");
  });
});
