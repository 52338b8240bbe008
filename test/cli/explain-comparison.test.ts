import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain/explanation.js";
import { rate } from "../../src/engine/rate.js";
import { explanationText } from "../../src/cli/explain-text.js";
import { renderExplanationJson } from "../../src/io/output/explanation-json.js";
import { dataset, record, twoIndicators } from "../helpers/framework.js";

function explained(comparisons: (string | undefined)[]) {
  const r = record("A", null, 47, 52);
  const observations = { iapt: { ...r.observations.iapt!, comparison: comparisons[0] }, eip: { ...r.observations.eip!, comparison: comparisons[1] } };
  const outcome = rate(twoIndicators, dataset([{ ...r, observations }]));
  if (!outcome.ok) throw new Error("should rate");
  const e = explain(outcome.rating, "A", null);
  if (!e.ok) throw new Error("should explain");
  return e.explanations;
}

describe("explain with the publisher's own comparison", () => {
  it("adds a Published comparison column after Decided by, blank for an indicator without one", () => {
    const lines = explanationText(explained(["Worse", undefined])[0]!, { title: "Test", categories: [] }).split("\n");
    const header = lines[3]!;
    expect(header.split(/\s{2,}/)).toEqual(["Indicator", "Value", "Band", "Decided by", "Published comparison", "Next band up"]);
    const at = header.indexOf("Published comparison");
    expect(lines[4]!.slice(at, at + "Worse".length)).toBe("Worse");
    expect(lines[5]!.slice(at, at + "Published comparison".length).trim()).toBe("");
  });

  it("prints no such column when no indicator has one", () => {
    expect(explanationText(explained([undefined, undefined])[0]!, { title: "Test", categories: [] })).not.toContain("Published comparison");
  });

  it("carries it in JSON, and leaves the key out where there is none", () => {
    const doc = JSON.parse(renderExplanationJson(twoIndicators, explained(["Similar", undefined]))) as { explanations: { indicators: Record<string, unknown>[] }[] };
    const [iapt, eip] = doc.explanations[0]!.indicators;
    expect(iapt!.comparison).toBe("Similar");
    expect("comparison" in eip!).toBe(false);
  });
});
