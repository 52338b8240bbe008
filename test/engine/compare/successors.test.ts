import { describe, expect, it } from "vitest";
import { successorMap, successorOf, type Succession } from "../../../src/engine/compare/successors.js";

const s = (oldCode: string, newCode: string, line = 2): Succession => ({ oldCode, newCode, effectiveDate: null, origin: { file: "map.csv", line } });

describe("successorMap", () => {
  it.each([
    { name: "many to one", entries: [s("A", "M"), s("B", "M")], expected: [["A", "M"], ["B", "M"]] },
    { name: "a repeated line is harmless", entries: [s("A", "M"), s("A", "M", 3)], expected: [["A", "M"]] },
    { name: "a code mapped to itself is ignored", entries: [s("A", "A")], expected: [] },
  ])("builds $name", ({ entries, expected }) => {
    const built = successorMap(entries);
    expect(built.ok).toBe(true);
    if (built.ok) expect([...built.map]).toEqual(expected);
  });

  it.each([
    { name: "a split", entries: [s("A", "B", 2), s("A", "C", 3)], code: "E_MAP_SPLIT", message: "A has two successors, B (line 2) and C", line: 3 },
    { name: "a cycle", entries: [s("A", "B", 2), s("B", "C", 3), s("C", "A", 4)], code: "E_MAP_CYCLE", message: "A -> B -> C -> A", line: 2 },
  ])("refuses $name", ({ entries, code, message, line }) => {
    const built = successorMap(entries);
    expect(built.ok).toBe(false);
    if (!built.ok) {
      expect(built.diagnostics).toHaveLength(1);
      expect(built.diagnostics[0]).toMatchObject({ code, file: "map.csv", line });
      expect(built.diagnostics[0]!.message).toContain(message);
    }
  });
});

describe("successorOf", () => {
  const built = successorMap([s("A", "B"), s("B", "C"), s("X", "Y"), s("Y", "Z")]);
  if (!built.ok) throw new Error("map should build");
  it.each([
    { code: "A", present: ["C"], expected: "C", why: "follows a chain to the end" },
    { code: "A", present: ["B", "C"], expected: "B", why: "stops at the first code in the new table" },
    { code: "A", present: ["A", "C"], expected: "A", why: "a code still in the new table is not mapped" },
    { code: "X", present: [], expected: "Z", why: "the chain's end when no code is present (gone)" },
    { code: "Q", present: [], expected: "Q", why: "a code with no successor is itself" },
  ])("$why", ({ code, present, expected }) => {
    expect(successorOf(built.map, code, (c) => present.includes(c))).toBe(expected);
  });
});
