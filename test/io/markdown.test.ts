import { describe, expect, it } from "vitest";
import { Framework } from "../../src/engine/framework/schema.js";
import { rate, type Rating } from "../../src/engine/rate.js";
import { parseMarkdownGradedTable, renderMarkdown } from "../../src/io/output/markdown.js";
import { renderRating } from "../../src/io/output/render.js";

const framework = Framework.parse({
  id: "t",
  title: "Test | framework",
  indicators: [{ id: "a", label: "A", polarity: "higher", scoring: { method: "thresholds", cuts: [3, 2, 1] } }],
});

function rated(records: { code: string; name: string; period: string | null; value: number | null }[]): Rating {
  const outcome = rate(framework, {
    hasPeriods: records.some((r) => r.period !== null),
    records: records.map((r) => ({ code: r.code, name: r.name, period: r.period, observations: { a: { value: r.value } } })),
  });
  if (!outcome.ok) throw new Error("rating failed");
  return outcome.rating;
}

describe("renderMarkdown", () => {
  it("writes the summary and the graded table", () => {
    const md = renderMarkdown(rated([{ code: "X1", name: "Pipe | Name", period: null, value: 3 }, { code: "X2", name: "Other", period: null, value: null }]));
    expect(md).toBe(
      [
        "# Test \\| framework",
        "",
        "| Category | Count | Share |",
        "| --- | ---: | ---: |",
        "| Top performing | 1 | 50.0% |",
        "| Performing well | 0 | 0.0% |",
        "| Needs improvement | 0 | 0.0% |",
        "| Greatest need for improvement | 0 | 0.0% |",
        "| Not rated | 1 | 50.0% |",
        "| **Total** | 2 |  |",
        "",
        "## Graded table",
        "",
        "| org_code | org_name | a | a_band | score | category | decided_by | notes |",
        "| --- | --- | ---: | ---: | ---: | --- | --- | --- |",
        "| X1 | Pipe \\| Name | 3 | 1 | 1.000 | Top performing | mean 1 <= 1.5 |  |",
        "| X2 | Other |  |  |  | Not rated | fewer than 1 scored | 0 of 1 indicators scored (a: no value); not rated: fewer than 1 scored |",
        "",
      ].join("\n"),
    );
  });

  it("gives one column of counts per period", () => {
    const md = renderMarkdown(rated([{ code: "X", name: "", period: "2016", value: 3 }, { code: "X", name: "", period: "2017", value: 0 }]));
    expect(md).toContain("| Category | 2016 | 2017 |");
    expect(md).toContain("| Top performing | 1 (100.0%) | 0 (0.0%) |");
    expect(md).toContain("| **Total** | 1 | 1 |");
  });

  it("is read back by parseMarkdownGradedTable, cell for cell as the CSV", () => {
    const rating = rated([{ code: "X1", name: "Pipe | Name", period: null, value: 2.5 }]);
    expect(parseMarkdownGradedTable(renderRating(rating, "md"))).toEqual({
      columns: ["org_code", "org_name", "a", "a_band", "score", "category", "decided_by", "notes"],
      rows: [["X1", "Pipe | Name", "2.5", "2", "2.000", "Performing well", "1.5 < mean 2 <= 2.5", ""]],
    });
    expect(parseMarkdownGradedTable("# no table here\n")).toBeNull();
  });
});
