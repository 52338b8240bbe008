import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { Framework } from "../../src/engine/framework/schema.js";
import { rate, type Rating } from "../../src/engine/rate.js";
import { writeFileAtomic } from "../../src/io/output/atomic-write.js";
import { gradedRows } from "../../src/io/output/graded-table.js";
import { renderRatingChunks } from "../../src/io/output/render.js";

const framework = Framework.parse({
  id: "t",
  title: "T",
  indicators: [
    { id: "a", label: "A", polarity: "higher", scoring: { method: "thresholds", cuts: [3, 2, 1] } },
    { id: "b", label: "B", polarity: "higher", scoring: { method: "categorical", bands: { "Met, fully": 1, 'Said "partly"': 2, "12": 3 } } },
  ],
});

/**
 * Names and labels with commas, quotes and line breaks, so that quoting matters on both sides of a chunk
 * boundary, and a label that looks like a number.
 */
function rated(n: number): Rating {
  const names = ["Plain", 'Say "hi", then', "Two\nlines", ""];
  const outcome = rate(framework, {
    hasPeriods: false,
    records: Array.from({ length: n }, (_, i) => ({
      code: `X${String(i).padStart(5, "0")}`,
      name: names[i % names.length]!,
      period: null,
      observations: { a: { value: i % 7 === 0 ? null : (i % 5) + 0.25 }, b: { value: null, text: ["Met, fully", 'Said "partly"', "12"][i % 3]! } },
    })),
  });
  if (!outcome.ok) throw new Error("rating failed");
  return outcome.rating;
}

describe("renderRatingChunks (csv)", () => {
  it.each([0, 1, 999, 1000, 2500])("%s organisations: the chunks add up to the whole table stringified at once", (n) => {
    const rating = rated(n);
    const { columns, textRows } = gradedRows(rating);
    const whole = stringify([columns, ...textRows], { record_delimiter: "\n" });
    const chunks = [...renderRatingChunks(rating, "csv")];
    expect(chunks.join("")).toBe(whole);
    expect(chunks.length).toBe(Math.ceil((n + 1) / 1000));
  });
});

describe("writeFileAtomic with pieces", () => {
  it("writes the pieces in order, past the slice size, and leaves no temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-"));
    const path = join(dir, "out.csv");
    const pieces = Array.from({ length: 300 }, (_, i) => `${i}:${"é".repeat(5000)}\n`);
    await writeFileAtomic(path, pieces);
    expect(readFileSync(path, "utf8")).toBe(pieces.join(""));
    expect(readdirSync(dir)).toEqual(["out.csv"]);
  });

  it("removes the temporary file and keeps no output when making a piece fails", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-"));
    const path = join(dir, "out.csv");
    function* failing(): Generator<string> {
      yield "x".repeat(2 << 20);
      throw new Error("render failed");
    }
    await expect(writeFileAtomic(path, failing())).rejects.toThrow("render failed");
    expect(readdirSync(dir)).toEqual([]);
  });
});
