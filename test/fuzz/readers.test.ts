import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readBuiltinFramework } from "../../src/io/framework/builtin.js";
import { parseFrameworkText } from "../../src/io/framework/read-framework.js";
import { readThresholds } from "../../src/io/thresholds/read-thresholds.js";
import { DEFAULT_VALUES_OPTIONS } from "../../src/io/values/options.js";
import { readValues } from "../../src/io/values/read-values.js";
import { chunked, expectWellFormed, fileBytes } from "./arbitraries.js";

const framework = readBuiltinFramework("ccg-iaf-2016-17-mental-health");
const cuts = fc.array(fc.nat(400), { maxLength: 3 });

describe("fuzzed readers: a result or well-formed diagnostics, never an exception", () => {
  it("values", async () => {
    await fc.assert(
      fc.asyncProperty(fileBytes, cuts, fc.boolean(), async (bytes, at, where) => {
        const options = { ...DEFAULT_VALUES_OPTIONS, where: where ? [{ column: "group", value: "CCG" }] : [] };
        const read = await readValues(chunked(bytes, at), "v.csv", framework, options);
        expectWellFormed(read.diagnostics, "v.csv");
      }),
      { seed: 6, numRuns: 600 },
    );
  });

  it("thresholds", async () => {
    await fc.assert(
      fc.asyncProperty(fileBytes, cuts, async (bytes, at) => {
        const read = await readThresholds(chunked(bytes, at), "t.csv");
        if (read.ok) {
          expectWellFormed(read.warnings, "t.csv");
          expect(read.framework.indicators.length).toBeGreaterThan(0);
        } else {
          expect(read.diagnostics.length).toBeGreaterThan(0);
          expectWellFormed(read.diagnostics, "t.csv");
        }
      }),
      { seed: 6, numRuns: 600 },
    );
  });

  const frameworkish = fc.oneof(
    fc.json(),
    fc.string(),
    fc
      .record({ drop: fc.subarray(["id", "title", "categories", "indicators", "aggregation"]), changed: fc.dictionary(fc.constantFrom("id", "minIndicators", "categories", "indicators", "aggregation"), fc.jsonValue()) })
      .map(({ drop, changed }) => {
        const doc: Record<string, unknown> = { ...JSON.parse(JSON.stringify(framework)), ...changed };
        for (const k of drop) delete doc[k];
        return JSON.stringify(doc, null, 2);
      }),
  );

  it("frameworks", () => {
    fc.assert(
      fc.property(frameworkish, (text) => {
        const read = parseFrameworkText(text, "f.json");
        if (!read.ok) {
          expect(read.diagnostics.length).toBeGreaterThan(0);
          expectWellFormed(read.diagnostics, "f.json");
        }
      }),
      { seed: 6, numRuns: 1000 },
    );
  });
});
