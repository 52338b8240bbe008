import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OrgRecord } from "../../src/engine/dataset/schema.js";
import { rate } from "../../src/engine/rate.js";
import { renderRating } from "../../src/io/output/render.js";
import { dataset, twoIndicatorFramework } from "../helpers/frameworks.js";

const fw = twoIndicatorFramework();
fc.configureGlobal({ seed: 20161, numRuns: 300 });

const value = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null });
const records = fc.uniqueArray(
  fc.record({ code: fc.stringMatching(/^[0-9A-Z]{3}$/), a: value, b: fc.option(fc.double({ min: 0, max: 12, noNaN: true }), { nil: null }) }),
  { selector: (r) => r.code, minLength: 1, maxLength: 40 },
);
const toRecords = (rows: { code: string; a: number | null; b: number | null }[]): OrgRecord[] =>
  rows.map((r) => ({ code: r.code, name: `${r.code} CCG`, period: null, observations: { a: { value: r.a }, b: { value: r.b } } }));

function output(recs: OrgRecord[], format: "csv" | "json" = "csv"): string {
  const out = rate(fw, dataset(recs));
  if (!out.ok) throw new Error("unexpected errors");
  return renderRating(out.rating, format);
}

describe("laws of rating", () => {
  it("row order does not matter: shuffled input, identical bytes", () => {
    fc.assert(
      fc.property(records.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))), ([rows, shuffled]) => {
        expect(output(toRecords(shuffled))).toBe(output(toRecords(rows)));
        expect(output(toRecords(shuffled), "json")).toBe(output(toRecords(rows), "json"));
      }),
    );
  });

  it("the same input gives the same bytes", () => {
    fc.assert(
      fc.property(records, (rows) => {
        expect(output(toRecords(rows))).toBe(output(toRecords(rows)));
      }),
    );
  });

  it("improving one value never worsens that organisation's band or category", () => {
    fc.assert(
      fc.property(records, fc.nat(), fc.double({ min: 0, max: 50, noNaN: true }), fc.boolean(), (rows, pick, step, onA) => {
        const i = pick % rows.length;
        const before = rate(fw, dataset(toRecords(rows)));
        const improved = rows.map((r, j) => {
          if (j !== i) return r;
          // a is higher-is-better, b lower-is-better
          return onA ? { ...r, a: r.a === null ? null : r.a + step } : { ...r, b: r.b === null ? null : Math.max(0, r.b - step) };
        });
        const after = rate(fw, dataset(toRecords(improved)));
        if (!before.ok || !after.ok) throw new Error("unexpected errors");
        const code = rows[i]!.code;
        const was = before.rating.organisations.find((o) => o.code === code)!;
        const now = after.rating.organisations.find((o) => o.code === code)!;
        const k = onA ? 0 : 1;
        if (was.indicators[k]!.band !== null) expect(now.indicators[k]!.band!).toBeLessThanOrEqual(was.indicators[k]!.band!);
        if (was.categoryIndex !== null) expect(now.categoryIndex!).toBeLessThanOrEqual(was.categoryIndex);
      }),
    );
  });

  it("every input organisation appears in the output exactly once", () => {
    fc.assert(
      fc.property(records, (rows) => {
        const out = rate(fw, dataset(toRecords(rows)));
        if (!out.ok) throw new Error("unexpected errors");
        expect(out.rating.organisations.map((o) => o.code).sort()).toEqual(rows.map((r) => r.code).sort());
        const p = out.rating.summary.periods[0]!;
        expect(p.counts.reduce((a, b) => a + b, 0) + p.notRated).toBe(rows.length);
      }),
    );
  });
});
