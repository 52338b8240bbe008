import { describe, expect, it } from "vitest";
import { lastAtOrBelow } from "../../src/io/sorted-search.js";

describe("lastAtOrBelow", () => {
  it.each([
    { sorted: [0], x: 0, index: 0 },
    { sorted: [0], x: 9, index: 0 },
    { sorted: [0, 10, 20], x: 9, index: 0 },
    { sorted: [0, 10, 20], x: 10, index: 1 },
    { sorted: [0, 10, 20], x: 25, index: 2 },
    // Equal entries (empty blocks, say): the last of them.
    { sorted: [0, 0, 5, 5, 9], x: 0, index: 1 },
    { sorted: [0, 0, 5, 5, 9], x: 7, index: 3 },
  ])("$sorted, $x: $index", ({ sorted, x, index }) => {
    expect(lastAtOrBelow(sorted, x)).toBe(index);
    expect(lastAtOrBelow(Int32Array.from(sorted), x)).toBe(index);
  });
});
