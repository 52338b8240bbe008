import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Encoding } from "../../src/io/rows/csv/encodings.js";
import type { RowEvent as RecordEvent } from "../../src/io/rows/row-source.js";
import { csvRows } from "../../src/io/rows/csv-rows.js";
import { DEFAULT_CSV_LIMITS, type CsvLimits } from "../../src/io/rows/csv/limits.js";

async function events(chunks: Buffer[], encoding?: Encoding, limits?: CsvLimits): Promise<RecordEvent[]> {
  const out: RecordEvent[] = [];
  for await (const batch of csvRows(Readable.from(chunks), "f.csv", { encoding, ...(limits ? { limits } : {}) }).batches()) out.push(...batch);
  return out;
}
const records = (es: RecordEvent[]) => es.map((e) => (e.kind === "record" ? [e.line, ...e.cells] : e.diagnostic.code));
const win1252 = (text: string) => Buffer.from(text.replace("£", "\xa3").replace("–", "\x96"), "latin1");

describe("csvRows", () => {
  it.each([
    { why: "LF", text: "a,b\n1,2\n3,4\n", want: [[1, "a", "b"], [2, "1", "2"], [3, "3", "4"]] },
    { why: "CRLF", text: "a,b\r\n1,2\r\n3,4", want: [[1, "a", "b"], [2, "1", "2"], [3, "3", "4"]] },
    { why: "CR alone", text: "a,b\r1,2\r3,4\r", want: [[1, "a", "b"], [2, "1", "2"], [3, "3", "4"]] },
    { why: "empty lines skipped, still counted", text: "a,b\n\n1,2\n\n\n3,4\n", want: [[1, "a", "b"], [3, "1", "2"], [6, "3", "4"]] },
    { why: "a quoted line break", text: 'a,b\n"x\ny",2\n3,4\n', want: [[1, "a", "b"], [2, "x\ny", "2"], [4, "3", "4"]] },
    { why: "a BOM", text: "\uFEFFa;b\n1;2\n", want: [[1, "a", "b"], [2, "1", "2"]] },
  ])("reads records with the line they start on: $why", async ({ text, want }) => {
    expect(records(await events([Buffer.from(text)]))).toEqual(want);
  });

  it("decodes a character cut between two chunks", async () => {
    const bytes = Buffer.from("a,b\n£1,–2\n");
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(records(await events([bytes.subarray(0, cut), bytes.subarray(cut)]))).toEqual([[1, "a", "b"], [2, "£1", "–2"]]);
    }
  });

  it.each([
    { at: "line 3", text: "a,b\n1,2\n£3,4\n", line: 3, byte: "0xA3" },
    { at: "line 2", text: "a,b\n1 – 2,2\n", line: 2, byte: "0x96" },
  ])("reports invalid UTF-8 on $at with a hint", async ({ text, line, byte }) => {
    const got = await events([win1252(text)]);
    const last = got.at(-1)!;
    expect(last.kind === "error" && last.diagnostic).toEqual({
      code: "E_ENCODING",
      severity: "error",
      message: `not valid UTF-8 (byte ${byte}); a file saved by Excel as "CSV" is often Windows-1252: try --encoding win1252`,
      file: "f.csv",
      line,
      column: 1,
    });
  });

  it.each([
    { encoding: "win1252" as const, bytes: win1252("a,b\n£1,–2\n"), want: ["£1", "–2"] },
    { encoding: "latin1" as const, bytes: win1252("a,b\n£1,x\n"), want: ["£1", "x"] },
    { encoding: "utf16le" as const, bytes: Buffer.from("a,b\n£1,–2\n", "utf16le"), want: ["£1", "–2"] },
    { encoding: undefined, bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a,b\n£1,–2\n", "utf16le")]), want: ["£1", "–2"] },
  ])("reads --encoding $encoding", async ({ encoding, bytes, want }) => {
    expect(records(await events([bytes], encoding))).toEqual([[1, "a", "b"], [2, ...want]]);
  });

  it.each([
    { why: "a field over the limit", text: `a,b\n1,${"x".repeat(200)}\n`, limits: { ...DEFAULT_CSV_LIMITS, maxRecordBytes: 100 }, code: "E_RECORD_TOO_LONG", line: 2 },
    { why: "a header over the limit", text: "a,b,c,d\n1,2,3,4\n", limits: { ...DEFAULT_CSV_LIMITS, maxColumns: 3 }, code: "E_TOO_MANY_COLUMNS", line: 1 },
  ])("refuses $why", async ({ text, limits, code, line }) => {
    const got = await events([Buffer.from(text)], undefined, limits);
    const last = got.at(-1)!;
    expect(last.kind === "error" && [last.diagnostic.code, last.diagnostic.line]).toEqual([code, line]);
  });

  it("refuses a 2 MB field by default, without reading it whole first", async () => {
    const got = await events([Buffer.from("a,b\n1,"), Buffer.alloc(2 << 20, "x"), Buffer.from("\n")]);
    expect(records(got)).toEqual([[1, "a", "b"], "E_RECORD_TOO_LONG"]);
  });

  it("refuses a header of 10,001 columns by default", async () => {
    const got = await events([Buffer.from(`${Array.from({ length: 10_001 }, (_, i) => `c${i}`).join(",")}\n1\n`)]);
    expect(records(got)).toEqual(["E_TOO_MANY_COLUMNS"]);
  });
});
