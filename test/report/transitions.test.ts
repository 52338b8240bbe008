import { describe, expect, it } from "vitest";
import type { GradedRow } from "../../src/io/graded/read-graded-table.js";
import { transitions } from "../../src/report/transitions.js";
import { CATEGORIES, ratedOrg } from "../helpers/rated-org.js";

const row = (code: string, category: string, period: string | null = null): GradedRow => ({ code, name: "", period, category });

describe("transitions", () => {
  it("counts who stayed, moved, arrived and left", () => {
    const old = [row("A", "Top performing"), row("B", "Needs improvement"), row("C", "Performing well"), row("D", "Not rated"), row("GONE", "Performing well")];
    const now = [ratedOrg("A", 1, 2), ratedOrg("B", 0, 1), ratedOrg("C", 1, 2), ratedOrg("D", 3, 4), ratedOrg("NEW", 2, 3)];
    const t = transitions(CATEGORIES, old, "old.csv", now);
    if (!t.ok) throw new Error("expected ok");
    expect(t.transitions.labels).toEqual([...CATEGORIES, "Not rated"]);
    expect(t.transitions.matrix).toEqual([
      [0, 1, 0, 0, 0],
      [0, 1, 0, 0, 0],
      [1, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 1, 0],
    ]);
    expect(t.transitions.gone).toEqual([0, 1, 0, 0, 0]);
    expect(t.transitions.added).toEqual([0, 0, 1, 0, 0]);
    expect(t.transitions.movers).toEqual([
      { code: "B", name: "NHS B CCG", from: "Needs improvement", to: "Top performing", change: 2 },
      { code: "A", name: "NHS A CCG", from: "Top performing", to: "Performing well", change: -1 },
    ]);
  });

  it.each([
    { name: "biggest move first", changes: [["X", 3, 2], ["Y", 3, 0]], order: ["Y", "X"] },
    { name: "up before down at the same size", changes: [["X", 0, 1], ["Y", 1, 0]], order: ["Y", "X"] },
    { name: "then by code", changes: [["Z", 1, 0], ["Y", 1, 0]], order: ["Y", "Z"] },
  ] as const)("orders movers: $name", ({ changes, order }) => {
    const old = changes.map(([code, from]) => row(code, CATEGORIES[from]!));
    const now = changes.map(([code, , to]) => ratedOrg(code, to, to + 1));
    const t = transitions(CATEGORIES, old, "old.csv", now);
    expect(t.ok && t.transitions.movers.map((m) => m.code)).toEqual(order);
  });

  it("takes each organisation's latest period", () => {
    const old = [row("A", "Greatest need for improvement", "2015"), row("A", "Performing well", "2016")];
    const now = [ratedOrg("A", 3, 4, "2016"), ratedOrg("A", 0, 1, "2017")];
    const t = transitions(CATEGORIES, old, "old.csv", now);
    expect(t.ok && t.transitions.movers).toEqual([{ code: "A", name: "NHS A CCG", from: "Performing well", to: "Top performing", change: 1 }]);
  });

  it("refuses a category the framework does not have, naming the line", () => {
    const t = transitions(CATEGORIES, [{ ...row("A", "Outstanding"), line: 7 }], "old.csv", [ratedOrg("A", 0, 1)]);
    expect(t).toEqual({
      ok: false,
      diagnostics: [expect.objectContaining({ code: "E_UNKNOWN_CATEGORY", file: "old.csv", line: 7, message: expect.stringContaining('"Outstanding" of A') })],
    });
  });
});
