import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Readable } from "node:stream";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { capDiagnostics } from "../../src/engine/diagnostic-cap.js";
import { sortDiagnostics } from "../../src/engine/diagnostics.js";
import type { Framework } from "../../src/engine/framework/schema.js";
import { readBuiltinFramework } from "../../src/io/framework/builtin.js";
import { DEFAULT_VALUES_OPTIONS, type ValuesOptions } from "../../src/io/values/options.js";
import { readValues, type ValuesRead } from "../../src/io/values/read-values.js";
import { csvish, HEADERS } from "../fuzz/arbitraries.js";
import { ROOT } from "../helpers/in-process.js";

// The worker thread runs compiled JavaScript, so the split read is tested as built (npm test builds first).
const built = (await import(pathToFileURL(join(ROOT, "dist/io/values/split-read.js")).href)) as typeof import("../../src/io/values/split-read.js");

const mentalHealth = readBuiltinFramework("ccg-iaf-2016-17-mental-health");
const dir = mkdtempSync(join(tmpdir(), "ccg-split-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a read gives, in a form to compare: the dataset, and the diagnostics in the order they are shown. */
const seen = (read: ValuesRead) => ({ dataset: read.dataset, diagnostics: sortDiagnostics(read.diagnostics) });

async function inParts(path: string, threads: number, framework: Framework, options: ValuesOptions) {
  const bytes = readFileSync(path);
  const whole = await readValues(Readable.from([bytes]), "f.csv", framework, options);
  const parts = await built.startValuesRead({ path, size: bytes.length, file: "f.csv", open: () => Readable.from([bytes]) }, options, threads).read(framework);
  return { whole: seen(whole), parts: seen(parts), split: parts.parts > 1 };
}

/** Cells csv-parse reads, quoted ones with delimiters and line breaks among them (the awkward ones are csvish's). */
const wellFormedCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("CCG", "GP", "iapt_recovery", "eip_2wk", "00C", "01A", "2016", "55.5", "*", "", "x", "-3") },
  { weight: 2, arbitrary: fc.constantFrom('"x, y"', '"say ""CCG"""', '"line\nbreak"', '"CR\r\nLF"', '"GP"', "x".repeat(70_000)) },
);

/** CSV files with LF or CRLF line ends and a plain header, the files that can be split, with rows of every length. */
const splittable = fc
  .record({
    header: fc.constantFrom(...HEADERS.filter((h) => !h.some((c) => c.includes('"')))),
    crlf: fc.boolean(),
    rows: fc.array(fc.record({ cells: fc.array(wellFormedCell, { minLength: 1, maxLength: 9 }), sameLength: fc.nat(9), blank: fc.nat(19) }), { maxLength: 60 }),
  })
  .map((f) => {
    const end = f.crlf ? "\r\n" : "\n";
    const lines = f.rows.map((r) => (r.blank === 0 ? "" : (r.sameLength > 0 ? f.header.map((_, i) => r.cells[i % r.cells.length]!) : r.cells).join(",")));
    return [f.header.join(","), ...lines].join(end) + end;
  });

describe("reading a values file in parts on worker threads", () => {
  it("gives the same dataset and diagnostics as one read, on fuzzed files split anywhere", async () => {
    let n = 0;
    let split = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: splittable }, { weight: 1, arbitrary: csvish }), fc.integer({ min: 2, max: 5 }), fc.constantFrom("CCG", "GP", "iapt_recovery"), fc.boolean(), async (text, threads, wanted, prefilter) => {
        const path = join(dir, `fuzz-${n++}.csv`);
        writeFileSync(path, text);
        const options: ValuesOptions = { ...DEFAULT_VALUES_OPTIONS, where: [{ column: "group", value: wanted }], prefilter };
        const read = await inParts(path, threads, mentalHealth, options);
        expect(read.parts).toEqual(read.whole);
        if (read.split) split++;
      }),
      { seed: 20161, numRuns: 200 },
    );
    // Files with CR line ends, or a quoted field cut in two, are read in one go; most others are split.
    expect(split).toBeGreaterThan(40);
  }, 120_000);

  // Few keys and many rows: values given twice within and across parts, some not numbers, some
  // suppressed, with the --where value on some rows only, and a name on some rows only.
  const repeatedRow = fc.record({
      org: fc.constantFrom("A", "B", "C", "D", ""),
      indicator: fc.constantFrom("iapt_recovery", "eip_2wk", "other"),
      period: fc.constantFrom("2016", "2017"),
      value: fc.constantFrom("12", "55.5", "x", "*", "", "-3", "1e400"),
      name: fc.constantFrom("", "Org", '"Org, the"'),
      group: fc.constantFrom("CCG", "CCG", "GP"),
  });
  let repeated = 0;
  function writeRepeated(rows: (typeof repeatedRow extends fc.Arbitrary<infer R> ? R : never)[]): string {
    const path = join(dir, `repeated-${repeated++}.csv`);
    const lines = rows.map((r) => [r.org, r.name, r.indicator, r.value, r.period, r.group].join(","));
    writeFileSync(path, `${["org_code,org_name,indicator,value,period,group", ...lines].join("\n")}\n`);
    return path;
  }
  const ccgOnly: ValuesOptions = { ...DEFAULT_VALUES_OPTIONS, where: [{ column: "group", value: "CCG" }] };

  it("gives the same on long files whose organisations, indicators and periods come again and again", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(repeatedRow, { minLength: 1, maxLength: 300 }), fc.integer({ min: 2, max: 5 }), async (rows, threads) => {
        const { whole, parts } = await inParts(writeRepeated(rows), threads, mentalHealth, ccgOnly);
        expect(parts).toEqual(whole);
      }),
      { seed: 20162, numRuns: 100 },
    );
  }, 120_000);

  it("collected under a cap, gives the lines and counts to print of one read of every diagnostic", async () => {
    // A later part's second values supersede what it could not read, maybe among the few it kept.
    await fc.assert(
      fc.asyncProperty(fc.array(repeatedRow, { minLength: 1, maxLength: 300 }), fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 3 }), async (rows, threads, cap) => {
        const path = writeRepeated(rows);
        const bytes = readFileSync(path);
        const whole = await readValues(Readable.from([bytes]), "f.csv", mentalHealth, ccgOnly);
        const capped = await built.startValuesRead({ path, size: bytes.length, file: "f.csv", open: () => Readable.from([bytes]) }, { ...ccgOnly, maxPerCode: cap }, threads).read(mentalHealth);
        expect(capped.collected.capped(cap)).toEqual(capDiagnostics(whole.diagnostics, cap));
      }),
      { seed: 20163, numRuns: 40 },
    );
  }, 120_000);

  const fixtures = ["formats", "fuzz", "periods", "bad", "example"].flatMap((folder) =>
    readdirSync(join(ROOT, "fixtures", folder))
      .filter((f) => /\.(csv|tsv)$/.test(f))
      .map((f) => `fixtures/${folder}/${f}`),
  );
  it.each(fixtures)("%s: the same in 3 parts", async (file) => {
    const options: ValuesOptions = file.includes("nhs-digital")
      ? { ...DEFAULT_VALUES_OPTIONS, orgCol: "ORG_CODE", nameCol: "ORG_NAME", indicatorCol: "MEASURE_ID", valueCol: "MEASURE_VALUE", where: [{ column: "GROUP_TYPE", value: "CCG" }] }
      : DEFAULT_VALUES_OPTIONS;
    const { whole, parts } = await inParts(join(ROOT, file), 3, mentalHealth, options);
    expect(parts).toEqual(whole);
  });

  it.each([
    { level: "GP", share: "half the lines", parts: Math.min(availableParallelism(), 4) },
    { level: "CCG", share: "1 line in 40", parts: 1 },
  ])("left to choose, splits a 25 MB file when --where keeps $share ($level), else parses it in one go", async ({ level, parts }) => {
    const rows = ["org_code,indicator,value,org_name,group"];
    for (let i = 0; rows.length < 300_000; i++) rows.push(`P${i % 6000},iapt_recovery,${i % 100},a made-up organisation with a name long enough to make 25 MB,${i % 40 === 0 ? "CCG" : i % 2 === 0 ? "GP" : "Other"}`);
    const path = join(dir, `auto-${level}.csv`);
    writeFileSync(path, `${rows.join("\n")}\n`);
    const size = readFileSync(path).length;
    expect(size).toBeGreaterThan(24 << 20);
    const options: ValuesOptions = { ...DEFAULT_VALUES_OPTIONS, where: [{ column: "group", value: level }] };
    const source = { path, size, file: "f.csv", open: () => Readable.from([readFileSync(path)]) };
    const read = await built.startValuesRead(source, options, undefined).read(mentalHealth);
    expect(read.parts).toBe(parts);
    // At CCG level the file is read and filtered on a thread of its own (scanOnThreads): the same as one read.
    expect(seen(read)).toEqual(seen(await built.startValuesRead(source, options, 1).read(mentalHealth)));
    // Two reads of 25 MB with a diagnostic for most rows (each value is given 25 times): over 5 s on a busy machine.
  }, 60_000);

  it("numbers lines as the file does, and reports a value given twice across parts", async () => {
    const rows = ["org_code,indicator,value,period"];
    for (let i = 0; i < 400; i++) rows.push(`X${i % 50},iapt_recovery,${i % 100},${i < 200 ? 2016 : 2017}`);
    // X3's 2016 value is in the first part; a cell that is not a number for it in the last part is a
    // second value, as one read would say, not a cell to complain about.
    rows.push("Y1,iapt_recovery,oops,2017", "X2,eip_2wk,40,2016", "X3,iapt_recovery,oops,2016");
    const path = join(dir, "duplicates.csv");
    writeFileSync(path, `${rows.join("\n")}\n`);
    const { whole, parts, split } = await inParts(path, 3, mentalHealth, DEFAULT_VALUES_OPTIONS);
    expect(split).toBe(true);
    expect(parts).toEqual(whole);
    const codes = parts.diagnostics.map((d) => `${d.code}:${d.line}`);
    expect(codes).toContain("E_NOT_A_NUMBER:402");
    expect(codes).toContain("E_DUPLICATE_VALUE:404");
    expect(codes).not.toContain("E_NOT_A_NUMBER:404");
    expect(codes.filter((c) => c.startsWith("E_DUPLICATE_VALUE")).length).toBe(301);
  });
});
