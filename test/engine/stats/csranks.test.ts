import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Random } from "../../../src/engine/stats/random.js";
import { rankIntervals, type RankInterval, type RankIntervalKind } from "../../../src/engine/stats/rank-intervals.js";

// csranks' own expectations (fixtures/peer-vectors/csranks/README.md says where each comes from).
const vectors = JSON.parse(readFileSync(new URL("../../../fixtures/peer-vectors/csranks/vectors.json", import.meta.url), "utf8"));

const kinds: RankIntervalKind[] = ["marginal", "simultaneous"];
const SEEDS = [1, 2, 3];

function run(x: readonly number[], se: readonly number[], kind: RankIntervalKind, options: { draws: number; seed: number; level?: number; stepdown?: boolean }): RankInterval[] {
  return rankIntervals({ estimates: x, standardErrors: se, better: "higher", kind, random: new Random(options.seed), draws: options.draws, level: options.level, stepdown: options.stepdown });
}

describe("csranks' test vectors", () => {
  it("irank: 1 + the number of strictly larger estimates, ties sharing the best (test_rank_utils.R), exactly", () => {
    const { x, expected } = vectors.irank;
    const ranks = run(x, x.map(() => 1), "simultaneous", { draws: 10, seed: 1 }).map((r) => r.rank);
    expect(ranks).toEqual(expected);
  });

  describe.each(kinds)("test_csranks_marg.R / test_csranks_simul.R: bounds in range (%s)", (kind) => {
    it.each([true, false])("stepdown %s: 10 whole-number bounds with 1 <= L <= rank <= U <= 10", (stepdown) => {
      const { x, standardErrors, draws } = vectors.bounds_in_range;
      for (const seed of SEEDS) {
        const result = run(x, standardErrors, kind, { draws, seed, stepdown });
        expect(result).toHaveLength(10);
        for (const { rank, rankLower, rankUpper } of result) {
          expect(Number.isInteger(rankLower) && Number.isInteger(rankUpper)).toBe(true);
          expect(1 <= rankLower && rankLower <= rank && rank <= rankUpper && rankUpper <= 10).toBe(true);
        }
      }
    });
  });

  it("test_csranks_compare.R: simultaneous sets are no narrower than marginal ones (R = 10000)", () => {
    const { x, standardErrors, drawsSimultaneousVsMarginal: draws } = vectors.compare;
    for (const seed of SEEDS) {
      for (const stepdown of [true, false]) {
        const marginal = run(x, standardErrors, "marginal", { draws, seed, stepdown });
        const simultaneous = run(x, standardErrors, "simultaneous", { draws, seed, stepdown });
        marginal.forEach((m, i) => {
          expect(m.rankLower).toBeGreaterThanOrEqual(simultaneous[i]!.rankLower);
          expect(m.rankUpper).toBeLessThanOrEqual(simultaneous[i]!.rankUpper);
        });
      }
    }
  });

  it.each(kinds)("test_csranks_compare.R: the stepdown is no wider than the single step (%s, R = 1000)", (kind) => {
    const { x, standardErrors, drawsStepdownVsSingleStep: draws } = vectors.compare;
    for (const seed of SEEDS) {
      const stepdown = run(x, standardErrors, kind, { draws, seed, stepdown: true });
      const single = run(x, standardErrors, kind, { draws, seed, stepdown: false });
      stepdown.forEach((s, i) => {
        expect(s.rankLower).toBeGreaterThanOrEqual(single[i]!.rankLower);
        expect(s.rankUpper).toBeLessThanOrEqual(single[i]!.rankUpper);
      });
    }
  });

  it.each(kinds)("test_diffmeans.R: identical estimates are all tied at rank 1 with sets [1, 10] (%s)", (kind) => {
    const { x, variances } = vectors.identical_estimates;
    const result = run(x, variances.map(Math.sqrt), kind, { draws: 1000, seed: 1 });
    expect(result.map(({ rank, rankLower, rankUpper }) => [rank, rankLower, rankUpper])).toEqual(x.map(() => [1, 1, 10]));
  });

  it("the pkgdown example csranks(seq(1, 3, length = 10), 0.2): within Monte Carlo error (20,000 draws, 3 seeds)", () => {
    const { sd, L, U } = vectors.pkgdown_example;
    const x = Array.from({ length: 10 }, (_, i) => 1 + (2 * i) / 9);
    for (const seed of SEEDS) {
      const result = run(x, x.map(() => sd), "simultaneous", { draws: 20_000, seed });
      expect(result.map((r) => r.rankLower)).toEqual(L);
      expect(result.map((r) => r.rankUpper)).toEqual(U);
    }
  });

  describe("the vignette's PISA 2018 math ranking", () => {
    const { jurisdiction, math_score: x, math_se: se, marginal_uk, simultaneous_95, simultaneous_75 } = vectors.pisa2018;
    const at = (name: string): number => jurisdiction.indexOf(name);

    it("the United Kingdom: rank 13, marginal set [7, 23], the 7 within Monte Carlo error (20,000 draws, 3 seeds)", () => {
      // The lower bound turns on Canada: its t against the UK is 2.942, the final critical value is
      // about 2.946 with a Monte Carlo sd near 0.005 at 20,000 draws. So 7 (Canada not significant, as
      // the vignette's run found) or 8 (significant) are both within Monte Carlo error, and which one
      // must follow from our own critical value.
      const uk = at("United Kingdom");
      const canada = at("Canada");
      const tCanada = (x[canada] - x[uk]) / Math.hypot(se[canada], se[uk]);
      for (const seed of SEEDS) {
        const result = run(x, se, "marginal", { draws: 20_000, seed })[uk]!;
        const c = result.criticalValues.at(-1)!;
        expect([result.rank, result.rankUpper]).toEqual([marginal_uk.rank, marginal_uk.U]);
        expect(c).toBeCloseTo(2.946, 1);
        expect(result.rankLower).toBe(tCanada > c ? marginal_uk.L + 1 : marginal_uk.L);
      }
    });

    it("95% simultaneous: Chile, Mexico and Colombia overlap no other country; Germany and Korea both contain 7", () => {
      for (const seed of SEEDS) {
        const result = run(x, se, "simultaneous", { draws: 1000, seed });
        const bottom = new Set<number>(simultaneous_95.bottom.map(at));
        const othersLowest = Math.max(...result.filter((_, i) => !bottom.has(i)).map((r) => r.rankUpper));
        for (const i of bottom) expect(result[i]!.rankLower).toBeGreaterThan(othersLowest);
        for (const name of simultaneous_95.both_contain_7) {
          expect(result[at(name)]!.rankLower).toBeLessThanOrEqual(7);
          expect(result[at(name)]!.rankUpper).toBeGreaterThanOrEqual(7);
        }
      }
    });

    it("75% simultaneous: Germany's and Korea's sets no longer overlap", () => {
      for (const seed of SEEDS) {
        const result = run(x, se, "simultaneous", { draws: 1000, seed, level: 0.75 });
        const [germany, korea] = simultaneous_75.disjoint.map((name: string) => result[at(name)]!);
        expect(korea.rankUpper).toBeLessThan(germany.rankLower);
      }
    });
  });
});
