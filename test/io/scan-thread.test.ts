import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readBuiltinFramework } from "../../src/io/framework/builtin.js";
import { DEFAULT_VALUES_OPTIONS, type ValuesOptions } from "../../src/io/values/options.js";
import { readValues, recordOptionsOf } from "../../src/io/values/read-values.js";
import { cell, csvish, HEADERS } from "../fuzz/arbitraries.js";
import { ROOT } from "../helpers/in-process.js";

// The reading threads run compiled JavaScript, so the scan is tested as built (npm test builds first).
const built = (await import(pathToFileURL(join(ROOT, "dist/io/rows/csv/scan-thread.js")).href)) as typeof import("../../src/io/rows/csv/scan-thread.js");

const framework = readBuiltinFramework("ccg-iaf-2016-17-mental-health");
const dir = mkdtempSync(join(tmpdir(), "ccg-scan-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** A read of `bytes` in one go on this thread, and one scanned on threads in parts starting at `starts`. */
async function both(bytes: Buffer, starts: number[], options: ValuesOptions) {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, bytes);
  const whole = await readValues(Readable.from([bytes]), "f.csv", framework, options);
  const headerEnd = bytes.indexOf(10) + 1;
  const header = headerEnd > 0 ? new Uint8Array(bytes.subarray(0, headerEnd)) : null;
  const source = { path, size: bytes.length, file: "f.csv", open: () => Readable.from([bytes]) };
  const { opened } = built.scanOnThreads(source, recordOptionsOf(options), [0, ...starts], header);
  const scanned = await readValues(opened, "f.csv", framework, options);
  return { whole: { dataset: whole.dataset, diagnostics: whole.diagnostics }, scanned: { dataset: scanned.dataset, diagnostics: scanned.diagnostics } };
}

/** Just after a line end at or past each of `at` (as fractions of the file), past the header. */
function lineStarts(bytes: Buffer, at: number[]): number[] {
  const headerEnd = bytes.indexOf(10) + 1;
  const starts = at.map((f) => bytes.indexOf(10, Math.max(headerEnd, Math.floor(f * bytes.length))) + 1).filter((s) => s > headerEnd && s < bytes.length);
  return [...new Set(starts)].sort((a, b) => a - b);
}

/** Files of rows that are mostly, but not all, well-formed records, and mostly LF or CRLF line ends. */
const plain = fc
  .record({
    header: fc.constantFrom(...HEADERS.filter((h) => !h.some((c) => c.includes('"')))),
    crlf: fc.boolean(),
    rows: fc.array(fc.record({ cells: fc.array(cell, { minLength: 1, maxLength: 9 }), sameLength: fc.nat(6) }), { maxLength: 60 }),
  })
  .map((f) => {
    const end = f.crlf ? "\r\n" : "\n";
    const lines = f.rows.map((r) => (r.sameLength > 0 ? f.header.map((_, i) => r.cells[i % r.cells.length]!) : r.cells).join(","));
    return [f.header.join(","), ...lines].join(end) + end;
  });

describe("scanning a file on threads while this one parses it", () => {
  it("gives the same dataset and diagnostics as one read, on fuzzed files cut into parts anywhere", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: csvish }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
        fc.constantFrom("CCG", "GP", "iapt_recovery"),
        fc.option(fc.integer({ min: 8, max: 400 }), { nil: undefined }),
        async (text, at, wanted, maxRecordBytes) => {
          const bytes = Buffer.from(text, "utf8");
          const options: ValuesOptions = {
            ...DEFAULT_VALUES_OPTIONS,
            where: [{ column: "group", value: wanted }],
            ...(maxRecordBytes === undefined ? {} : { limits: { maxRecordBytes, maxColumns: 10_000 } }),
          };
          const { whole, scanned } = await both(bytes, lineStarts(bytes, at), options);
          expect(scanned).toEqual(whole);
        },
      ),
      { seed: 20163, numRuns: 150 },
    );
  }, 120_000);

  it("numbers lines as the file does across parts, and a part cut inside a quoted field is read on by the part before", async () => {
    const rows = ["org_code,indicator,value,group,note"];
    for (let i = 0; i < 200; i++) rows.push(`X${i % 50},iapt_recovery,${i % 100},${i % 3 === 0 ? "CCG" : "GP"},n`);
    rows[120] = 'Z9,iapt_recovery,oops,CCG,"a note\nover two lines"';
    const bytes = Buffer.from(`${rows.join("\n")}\n`);
    const options: ValuesOptions = { ...DEFAULT_VALUES_OPTIONS, where: [{ column: "group", value: "CCG" }] };
    // Just after the line end inside the quoted field.
    const inside = bytes.indexOf("over two lines");
    for (const starts of [lineStarts(bytes, [0.3, 0.7]), [inside], [inside, ...lineStarts(bytes, [0.8])]]) {
      const { whole, scanned } = await both(bytes, starts, options);
      expect(scanned).toEqual(whole);
      expect(scanned.diagnostics.map((d) => `${d.code}:${d.line}`)).toContain("E_NOT_A_NUMBER:121");
    }
  });

  it("reports bytes that are not UTF-8 in a later part on the file's own line", async () => {
    const rows = ["org_code,indicator,value,group"];
    for (let i = 0; i < 300; i++) rows.push(`X${i},iapt_recovery,${i % 100},GP`);
    const bytes = Buffer.concat([Buffer.from(`${rows.join("\n")}\n`), Buffer.from([0x58, 0x2c, 0xa3, 0x0a])]);
    const options: ValuesOptions = { ...DEFAULT_VALUES_OPTIONS, where: [{ column: "group", value: "CCG" }] };
    const { whole, scanned } = await both(bytes, lineStarts(bytes, [0.5]), options);
    expect(scanned).toEqual(whole);
    expect(scanned.diagnostics.map((d) => `${d.code}:${d.line}`)).toEqual(["E_ENCODING:302"]);
  });

  it.each(["", "\n\n", "org_code,indicator,value,group\n"])("reads %j as one read does", async (text) => {
    const options: ValuesOptions = { ...DEFAULT_VALUES_OPTIONS, where: [{ column: "group", value: "CCG" }] };
    const { whole, scanned } = await both(Buffer.from(text), [], options);
    expect(scanned).toEqual(whole);
  });

  it.each([
    { why: "a file that changed while it was read", size: (real: number) => real + 100, message: /changed while it was read/ },
    { why: "a file that is gone", size: (real: number) => real, message: /ENOENT/ },
  ])("reports $why as a file it cannot read", async ({ why, size, message }) => {
    const rows = ["org_code,indicator,value,group", ...Array.from({ length: 200 }, (_, i) => `X${i},iapt_recovery,${i % 100},CCG`)];
    const bytes = Buffer.from(`${rows.join("\n")}\n`);
    const path = join(dir, `f${files++}.csv`);
    writeFileSync(path, bytes);
    if (why.includes("gone")) rmSync(path);
    const options: ValuesOptions = { ...DEFAULT_VALUES_OPTIONS, where: [{ column: "group", value: "CCG" }] };
    const source = { path, size: size(bytes.length), file: "f.csv", open: () => Readable.from([bytes]) };
    const { opened } = built.scanOnThreads(source, recordOptionsOf(options), [0], null);
    const read = await readValues(opened, "f.csv", framework, options);
    const unreadable = read.diagnostics.filter((d) => d.code === "E_FILE_UNREADABLE");
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]!.message).toMatch(message);
  });

  it("reads a UTF-16 file (which it cannot filter) as one read does", async () => {
    const bytes = readFileSync(join(ROOT, "fixtures/encodings/utf16le.csv"));
    const options: ValuesOptions = { ...DEFAULT_VALUES_OPTIONS, where: [{ column: "org_code", value: "00C" }] };
    const { whole, scanned } = await both(bytes, [], options);
    expect(scanned).toEqual(whole);
  });
});
