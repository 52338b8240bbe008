import { describe, expect, it } from "vitest";
import { editDistance, nearestTexts } from "../../src/engine/text-distance.js";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["00C", "00C", 0],
    ["00C", "00D", 1],
    ["00C", "0C", 1],
    ["kitten", "sitting", 3],
    ["14L", "L14", 2],
  ])("%s -> %s is %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
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
