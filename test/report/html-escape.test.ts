import { describe, expect, it } from "vitest";
import { esc } from "../../src/report/html-escape.js";

describe("esc", () => {
  it.each([
    ["NHS Durham Dales, Easington and Sedgefield CCG", "NHS Durham Dales, Easington and Sedgefield CCG"],
    ["A & B", "A &amp; B"],
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ['say "hi"', "say &quot;hi&quot;"],
    ["St Helen's", "St Helen&#39;s"],
    ["", ""],
  ])("%j -> %j", (input, expected) => {
    expect(esc(input)).toBe(expected);
  });
});
