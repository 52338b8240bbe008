import { describe, expect, it } from "vitest";
import { rate } from "../../src/engine/rate.js";
import { Framework } from "../../src/engine/framework/schema.js";
import { toRating } from "../../src/io/graded/graded-rating.js";
import { toGradedRows } from "../../src/io/graded/graded-rows.js";
import { readGradedTable } from "../../src/io/graded/graded-table.js";
import { renderRating } from "../../src/io/output/render.js";

const framework = Framework.parse({
  id: "t",
  title: "T",
  indicators: [{ id: "a", label: "A", polarity: "higher", scoring: { method: "thresholds", cuts: [55, 50, 45] } }],
});

function graded(format: "csv" | "json"): string {
  const records = [
    { code: "B02", name: "Beta", period: null, observations: { a: { value: 50 } } },
    { code: "A01", name: "=Alpha", period: null, observations: { a: { value: 57 } } },
  ];
  const out = rate(framework, { hasPeriods: false, records });
  if (!out.ok) throw new Error("should rate");
  return renderRating(out.rating, format);
}

describe("readGradedTable", () => {
  it.each(["csv", "json"] as const)("one read of a %s table gives the rows to compare and the rating", async (format) => {
    const read = await readGradedTable(graded(format), `g.${format}`);
    if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
    const rows = toGradedRows(read.table, { categories: null, period: null });
    const rating = toRating(read.table, framework);
    expect(rows.ok && rows.table.rows.map((r) => [r.code, r.category, r.score])).toEqual([
      ["A01", "Top performing", 1],
      ["B02", "Performing well", 2],
    ]);
    expect(rating.ok && rating.rating.organisations.map((o) => [o.code, o.category, o.score])).toEqual([
      ["A01", "Top performing", 1],
      ["B02", "Performing well", 2],
    ]);
  });

  it("finds a CSV's columns whatever their case", async () => {
    const [header, ...rows] = graded("csv").split("\n");
    const read = await readGradedTable([header!.toUpperCase(), ...rows].join("\n"), "g.csv");
    if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
    const rating = toRating(read.table, framework);
    expect(rating.ok && rating.rating.organisations.map((o) => [o.code, o.indicators[0]!.value, o.indicators[0]!.band])).toEqual([
      ["A01", 57, 1],
      ["B02", 50, 2],
    ]);
  });

  it("takes a CSV's formula-safe prefix away, for the rating as for the rows to compare", async () => {
    const read = await readGradedTable(graded("csv"), "g.csv");
    if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
    const rows = toGradedRows(read.table, { categories: null, period: null });
    const rating = toRating(read.table, framework);
    expect(rows.ok && rows.table.rows[0]!.name).toBe("=Alpha");
    expect(rating.ok && rating.rating.organisations[0]!.name).toBe("=Alpha");
  });

  it("needs a graded JSON to name its framework unless it is given", async () => {
    const text = '{"organisations": [{"org_code": "A01", "a": 57, "a_band": 1, "score": 1, "category": "Top performing"}]}';
    const unnamed = await readGradedTable(text, "g.json");
    expect(!unnamed.ok && unnamed.diagnostics.map((d) => [d.code, d.message])).toEqual([["E_NOT_A_GRADED_TABLE", "framework: is required"]]);
    const given = await readGradedTable(text, "g.json", { frameworkGiven: true });
    expect(given.ok && given.table.framework).toBeNull();
  });
});
