import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/engine/diagnostics.js";
import { Indicator } from "../../../src/engine/framework/schema.js";
import { scoreByLabel } from "../../../src/engine/scoring/categorical.js";
import { item } from "./helpers.js";

const ind = Indicator.parse({
  id: "cc",
  label: "Crisis care",
  polarity: "higher",
  scoring: { method: "categorical", bands: { "Fully met": 1, "Partially met": 3, "Not met": 4 } },
});

describe("scoreByLabel", () => {
  it.each([
    ["Fully met", 1],
    ["  fully MET ", 1],
    ["Partially met", 3],
    ["Not met", 4],
  ])("%j -> band %s", (text, band) => {
    const diagnostics: Diagnostic[] = [];
    expect(scoreByLabel(ind, ind.scoring as never, [item(null, undefined, text)], diagnostics)[0]).toMatchObject({ kind: "scored", band, score: band });
    expect(diagnostics).toEqual([]);
  });

  it("an unknown label is an error naming it, where it was read", () => {
    const diagnostics: Diagnostic[] = [];
    expect(scoreByLabel(ind, ind.scoring as never, [item(null, undefined, "Mostly met")], diagnostics)).toEqual([{ kind: "unscored", reason: "invalid" }]);
    expect(diagnostics).toEqual([
      {
        code: "E_UNKNOWN_LABEL",
        severity: "error",
        message: `"Mostly met" is not a label of indicator cc (expected one of "Fully met", "Partially met", "Not met")`,
        file: "v.csv",
        line: 2,
        column: 3,
      },
    ]);
  });

  it("no label is unscored", () => {
    expect(scoreByLabel(ind, ind.scoring as never, [item(null)], [])).toEqual([{ kind: "unscored", reason: "no value" }]);
  });
});
