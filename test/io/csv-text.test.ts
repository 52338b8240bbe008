import { describe, expect, it } from "vitest";
import { CsvTextFilter } from "../../src/io/rows/csv/csv-text.js";
import { EncodingError } from "../../src/io/rows/csv/decode.js";

/** What the filter gives for `chunks`, joined, and what it made of the first line. */
function filtered(chunks: (string | Buffer)[], options = {}) {
  const filter = new CsvTextFilter("f.csv", options);
  const out = [...chunks.map((c) => filter.push(typeof c === "string" ? Buffer.from(c) : c)), filter.end()];
  return { text: out.map((p) => p.toString()).join(""), head: filter.head, empty: filter.empty, dropped: filter.lines?.dropped ?? null };
}

describe("CsvTextFilter", () => {
  it.each([
    { chunks: ["a,b\n1,2\n"], head: { delimiter: ",", crOnly: false } },
    { chunks: ["a;b", ";c\r\n1;2;3\r\n"], head: { delimiter: ";", crOnly: false } },
    { chunks: ["a\tb\r1\t2\r"], head: { delimiter: "\t", crOnly: true } },
    { chunks: ["\uFEFFa,b\n"], head: { delimiter: ",", crOnly: false } },
    { chunks: ["a,b"], head: { delimiter: ",", crOnly: false } },
  ])("tells records apart from the first line of $chunks", ({ chunks, head }) => {
    const got = filtered(chunks);
    expect(got.head).toEqual(head);
    expect(got.text).toBe(chunks.join(""));
  });

  it.each([[[]], [[""]], [["\n\n"]], [[" \r\n", "a,b\n"]]])("finds %j empty", (chunks) => {
    const got = filtered(chunks);
    expect(got).toMatchObject({ head: null, empty: true, text: "" });
  });

  it("holds back nothing once the first line is in, and leaves out the lines that cannot match", () => {
    const filter = new CsvTextFilter("f.csv", { onlyLinesWith: ["CCG"] });
    expect(filter.push(Buffer.from("org,gro")).length).toBe(0);
    expect(filter.push(Buffer.from("up\nA,GP\nB,CCG\nC,G")).toString()).toBe("org,group\nB,CCG\n");
    expect(filter.push(Buffer.from("P\n")).length).toBe(0);
    expect(filter.end().length).toBe(0);
    expect(filter.lines?.dropped).toBe(2);
  });

  it("decodes other encodings and does not filter them", () => {
    const got = filtered([Buffer.from("org,group\nA,\xa3\nB,CCG\n", "latin1")], { encoding: "win1252", onlyLinesWith: ["CCG"] });
    expect(got).toMatchObject({ text: "org,group\nA,£\nB,CCG\n", dropped: null });
  });

  it("throws an EncodingError naming the line of a byte that is not UTF-8", () => {
    const filter = new CsvTextFilter("f.csv", {});
    filter.push(Buffer.from("a,b\n1,2\n"));
    expect(() => filter.push(Buffer.from([0x31, 0x2c, 0xa3, 0x0a]))).toThrow(EncodingError);
    let thrown: unknown = null;
    try {
      new CsvTextFilter("f.csv", {}).push(Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0xff, 0x0a]));
    } catch (e) {
      thrown = e;
    }
    expect((thrown as EncodingError).diagnostic).toMatchObject({ code: "E_ENCODING", file: "f.csv", line: 3 });
  });
});
