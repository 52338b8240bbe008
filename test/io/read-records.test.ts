import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { RowEvent as RecordEvent } from "../../src/io/rows/row-source.js";
import { csvRows } from "../../src/io/rows/csv-rows.js";

async function events(text: string | Buffer[]): Promise<RecordEvent[]> {
  const out: RecordEvent[] = [];
  for await (const batch of csvRows(Readable.from(typeof text === "string" ? [Buffer.from(text)] : text), "f.csv").batches()) out.push(...batch);
  return out;
}

const records = (evs: RecordEvent[]) => evs.flatMap((e) => (e.kind === "record" ? [[e.line, e.cells]] : []));

describe("csvRows", () => {
  it("gives each record the line it starts on, across quoted newlines and blank lines", async () => {
    const evs = await events('a,b\n1,"x\ny\nz"\n\n2,w\n');
    expect(records(evs)).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "x\ny\nz"]],
      [6, ["2", "w"]],
    ]);
  });

  it("drops a BOM and reads CRLF", async () => {
    expect(records(await events("\uFEFFa,b\r\n1,2\r\n"))).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "2"]],
    ]);
  });

  it("reads semicolons and tabs", async () => {
    expect(records(await events("a;b\n1,5;2\n"))).toEqual([
      [1, ["a", "b"]],
      [2, ["1,5", "2"]],
    ]);
    expect(records(await events("a\tb\n1\t2\n"))).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "2"]],
    ]);
  });

  it("keeps records whole when a chunk boundary falls inside a quoted field", async () => {
    const text = 'a,b\n1,"long, quoted\nvalue"\n2,x\n';
    const chunks = [...text].map((c) => Buffer.from(c));
    expect(records(await events(chunks))).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "long, quoted\nvalue"]],
      [4, ["2", "x"]],
    ]);
  });

  it.each([
    ["", "E_EMPTY_FILE", 1],
    ["\uFEFF \n\n", "E_EMPTY_FILE", 1],
    ['a,b\n1,2\n3,"open\n4,5\n', "E_CSV_SYNTAX", 3],
    ['a,b\n1,x"y"z\n', "E_CSV_SYNTAX", 2],
  ])("%j ends with %s at line %s", async (text, code, line) => {
    const evs = await events(text);
    const last = evs[evs.length - 1]!;
    expect(last.kind).toBe("error");
    if (last.kind === "error") expect(last.diagnostic).toMatchObject({ code, line, file: "f.csv" });
  });
});
