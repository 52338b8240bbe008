import { describe, expect, it } from "vitest";
import { sniffDelimiter } from "../../src/io/rows/csv/sniff-delimiter.js";

describe("sniffDelimiter", () => {
  it.each([
    ["a,b,c\n1,2,3", ","],
    ["a;b;c\n1,5;2,5;3", ";"],
    ["a\tb\tc\n", "\t"],
    ['"x;y;z",b\n', ","],
    ["single\n1;2;3;4", ","],
    ["a;b\r\n1,2,3,4,5", ";"],
    ["", ","],
  ])("%j -> %j", (text, delimiter) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });
});
