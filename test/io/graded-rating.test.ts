import { describe, expect, it } from "vitest";
import { rate, type Rating } from "../../src/engine/rate.js";
import { toRating } from "../../src/io/graded/graded-rating.js";
import { gradedFrameworkId, readGradedTable } from "../../src/io/graded/graded-table.js";
import { renderRating } from "../../src/io/output/render.js";
import { readBuiltinFramework } from "../../src/io/framework/builtin.js";
import { Framework } from "../../src/engine/framework/schema.js";

const framework = Framework.parse({
  id: "t",
  title: "T",
  indicators: [
    { id: "a", label: "A", polarity: "higher", scoring: { method: "thresholds", cuts: [55, 50, 45] } },
    { id: "b", label: "B", polarity: "lower", unit: "per 1000", scoring: { method: "thresholds", cuts: [4, 6, 8] } },
  ],
});

function rated(): Rating {
  const records = [
    { code: "B02", name: "Beta, Gamma", period: null, observations: { a: { value: 50 }, b: { value: 9 } } },
    { code: "A01", name: "Alpha", period: null, observations: { a: { value: null, numerator: 57, denominator: 100 }, b: { value: null } } },
    { code: "C03", name: "Gamma", period: null, observations: { a: { value: null }, b: { value: null } } },
  ];
  const out = rate(framework, { hasPeriods: false, records });
  if (!out.ok) throw new Error("should rate");
  return out.rating;
}

/** As report reads a graded table: told the framework it was rated with. */
async function ratingFromGraded(text: string, file: string, fw: Framework) {
  const read = await readGradedTable(text, file, { frameworkGiven: true });
  return read.ok ? toRating(read.table, fw) : read;
}

const essentials = (r: Rating) =>
  r.organisations.map((o) => [o.code, o.name, o.category, o.categoryIndex, o.score, o.notes, o.indicators.map((i) => [i.value, i.band, i.score])]);

describe("ratingFromGraded", () => {
  it.each(["csv", "json"] as const)("reads back what rate wrote as %s: categories, scores, values, bands and summary", async (format) => {
    const original = rated();
    const back = await ratingFromGraded(renderRating(original, format), `g.${format}`, framework);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(essentials(back.rating)).toEqual(essentials(original));
    expect(back.rating.summary).toEqual(original.summary);
  });

  it("reads back the bundled example's built-in framework with its intervals", async () => {
    const fw = readBuiltinFramework("ccg-iaf-2016-17-mental-health");
    const out = rate(fw, {
      hasPeriods: false,
      records: [{ code: "X", name: "X", period: null, observations: { iapt_recovery: { value: null, numerator: 60, denominator: 100 }, eip_2wk: { value: null, numerator: 5, denominator: 9 } } }],
    });
    if (!out.ok) throw new Error("should rate");
    const json = renderRating(out.rating, "json");
    expect(gradedFrameworkId(json)).toBe("ccg-iaf-2016-17-mental-health");
    const back = await ratingFromGraded(json, "g.json", fw);
    if (!back.ok) throw new Error(JSON.stringify(back.diagnostics));
    const [iapt] = back.rating.organisations[0]!.indicators;
    expect([iapt!.ciLower, iapt!.ciUpper]).toEqual([out.rating.organisations[0]!.indicators[0]!.ciLower, out.rating.organisations[0]!.indicators[0]!.ciUpper].map((x) => Number(x!.toFixed(6))));
    expect(back.rating.organisations[0]!.category).toBe(out.rating.organisations[0]!.category);
  });

  it.each([
    ["org_code,org_name,a,a_band,score,category,decided_by,notes\nA01,Alpha,57,1,1.000,Top performing,,\n", "E_MISSING_INDICATOR", 1, 1],
    ["org_code,org_name,a,a_band,b,b_band,score,category,decided_by,notes\nA01,Alpha,57,1,3,1,1.000,Best,,\n", "E_UNKNOWN_CATEGORY", 2, 8],
    ["org_code,org_name,a,a_band,b,b_band,score,category,decided_by,notes\nA01,Alpha,5x,1,3,1,1.000,Top performing,,\n", "E_NOT_A_NUMBER", 2, 3],
    ["org_code,org_name,a,a_band,b,b_band,score,category,decided_by,notes\n", "E_NO_DATA", 1, 1],
    ["org_code,a,b\nA01,1,2\n", "E_MISSING_COLUMN", 1, 1],
    ['{"organisations": [{"org_code": "A01", "a": 1, "b": 2, "category": "Best"}]}', "E_UNKNOWN_CATEGORY", 1, 68],
    ['{"organisations": 3}', "E_NOT_A_GRADED_TABLE", 1, 19],
  ])("%j -> %s at %s:%s", async (text, code, line, column) => {
    const back = await ratingFromGraded(text, "g", framework);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.diagnostics).toContainEqual(expect.objectContaining({ code, line, column }));
  });

  it.each([
    ['{"framework": {"id": "x"}}', "x"],
    ['{"framework": {}}', null],
    ["org_code,category\n", null],
    ["{not json", null],
  ])("framework id of %j is %s", (text, id) => {
    expect(gradedFrameworkId(text)).toBe(id);
  });
});
