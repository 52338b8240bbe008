import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { checkedRead } from "../../src/io/source.js";

const dir = mkdtempSync(join(tmpdir(), "ccg-source-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** 2.5 MB of numbered lines: more than the chunks read between two turns of the event loop. */
const text = Buffer.from(Array.from({ length: 200_000 }, (_, i) => `line ${i}\n`).join(""));
const file = join(dir, "lines.txt");
writeFileSync(file, text);

describe("checkedRead", () => {
  it.each([
    ["the whole file", 0, text.length],
    ["a part from the start", 0, 70_001],
    ["a part in the middle", 65_535, 1_000_003],
    ["the last part", 1_234_567, text.length],
  ])("reads %s, byte for byte", async (_, start, end) => {
    expect((await bytesOf(checkedRead(file, text.length, start, end))).equals(text.subarray(start, end))).toBe(true);
  });

  it.each([
    ["longer than when it was opened (it grew)", text.length - 10, 0, text.length - 10],
    ["shorter than when it was opened (it was cut)", text.length + 10, 0, text.length + 10],
    ["shorter than a part that was to end inside it", text.length + 10, text.length - 100, text.length + 5],
  ])("fails with ECHANGED when the file is %s", async (_, size, start, end) => {
    await expect(bytesOf(checkedRead(file, size, start, end))).rejects.toMatchObject({ code: "ECHANGED" });
  });

  it("holds a part before the last to its own length, whatever follows it", async () => {
    expect((await bytesOf(checkedRead(file, text.length - 10, 0, 1000))).equals(text.subarray(0, 1000))).toBe(true);
  });

  it("fails with the system's code for a file that is not there", async () => {
    await expect(bytesOf(checkedRead(join(dir, "missing.csv"), 10))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("reads a named pipe to its end, which has no size to hold it to", async () => {
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    const writer = spawn("sh", ["-c", `cat "${file}" > "${fifo}"`]);
    expect((await bytesOf(checkedRead(fifo, 0))).equals(text)).toBe(true);
    expect((await new Promise((resolve) => writer.on("exit", resolve))) as number).toBe(0);
  });
});
