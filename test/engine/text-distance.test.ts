import { describe, expect, it } from "vitest";
import { nearestTexts } from "../../src/engine/text-distance.js";

/**
 * Where b ranks, by nearestTexts, among texts exactly k edits from a (k characters put before a), k
 * from 0 to d + 1 but not d: d when b is exactly d edits from a. Those closer than d come after b in
 * text order and those further before it, so that a tie with either (b one edit off) moves b.
 */
function rankAmongDecoys(a: string, b: string, d: number): number {
  const decoys = Array.from({ length: d + 2 }, (_, k) => k).filter((k) => k !== d).map((k) => (k < d ? "\uffff" : "\u0000").repeat(k) + a);
  return nearestTexts(a, [b, ...decoys], decoys.length + 1).indexOf(b);
}

describe("edit distance (Levenshtein), as nearestTexts ranks by it", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["00C", "00C", 0],
    ["00C", "00D", 1],
    ["00C", "0C", 1],
    ["kitten", "sitting", 3],
    ["14L", "L14", 2],
  ])("%s -> %s is %i", (a, b, d) => {
    expect(rankAmongDecoys(a, b, d)).toBe(d);
    expect(rankAmongDecoys(b, a, d)).toBe(d);
  });
});

describe("nearestTexts", () => {
  it.each([
    { text: "00Z", candidates: ["99A", "00D", "00C", "00J"], count: 2, expected: ["00C", "00D"] },
    { text: "14l", candidates: ["14L", "15F", "14Y"], count: 3, expected: ["14L", "14Y", "15F"] },
    { text: "X", candidates: ["A", "A", "B"], count: 5, expected: ["A", "B"] },
  ])("$text among $candidates", ({ text, candidates, count, expected }) => {
    expect(nearestTexts(text, candidates, count)).toEqual(expected);
  });
});
