import { describe, expect, it } from "vitest";
import { Chalk } from "chalk";
import { categoryStyle } from "../../src/cli/palette.js";
import { categoryColour } from "../../src/report/palette.js";

describe("categoryColour", () => {
  it.each([
    [0, 4, "green", "circle"],
    [1, 4, "cyan", "square"],
    [2, 4, "yellow", "triangle"],
    [3, 4, "red", "diamond"],
    [null, 4, "gray", "cross"],
    [0, 2, "green", "circle"],
    [1, 2, "red", "diamond"],
    [1, 3, "yellow", "triangle"],
    [2, 3, "red", "diamond"],
    [0, 1, "green", "circle"],
    [2, 5, "yellow", "triangle"],
    [3, 5, "magenta", "inverted-triangle"],
    [4, 5, "red", "diamond"],
  ] as const)("category %s of %i is %s, drawn as a %s", (index, categories, ansi, shape) => {
    const c = categoryColour(index, categories);
    expect(c.ansi).toBe(ansi);
    expect(c.shape).toBe(shape);
    expect(c.hex).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("gives every category of four a different colour and shape", () => {
    const all = [0, 1, 2, 3, null].map((i) => categoryColour(i, 4));
    expect(new Set(all.map((c) => c.hex)).size).toBe(5);
    expect(new Set(all.map((c) => c.shape)).size).toBe(5);
  });

  it("gives every one of the NOF's five segments a different colour and shape", () => {
    const all = [0, 1, 2, 3, 4, null].map((i) => categoryColour(i, 5));
    expect(new Set(all.map((c) => c.hex)).size).toBe(6);
    expect(new Set(all.map((c) => c.shape)).size).toBe(6);
  });

  it("is the colour the terminal summary uses", () => {
    const chalk = new Chalk({ level: 1 });
    for (const i of [0, 1, 2, 3, null]) {
      expect(categoryStyle(chalk, i, 4)("x")).toBe(chalk[categoryColour(i, 4).ansi]("x"));
    }
  });
});
