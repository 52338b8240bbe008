import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const rate = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, "bin/ccg-ratings.js"), "rate", "--framework", "ccg-iaf-2016-17-mental-health", "-q", ...args], { cwd: root, encoding: "utf8" });
const utf8 = rate("--values", "fixtures/encodings/utf8.csv");

describe("values files from Excel in other encodings (built binary)", () => {
  it("an Excel CSV in Windows-1252 read as UTF-8: the line of the bad byte and a hint, exit 1, no output", () => {
    const r = rate("--values", "fixtures/encodings/win1252.csv");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      'fixtures/encodings/win1252.csv:4:1: not valid UTF-8 (byte 0x96); a file saved by Excel as "CSV" is often Windows-1252: try --encoding win1252 (E_ENCODING)\n',
    );
  });

  it.each([
    { file: "win1252.csv", args: ["--encoding", "win1252"] },
    { file: "utf16le.csv", args: [] },
    { file: "utf16le.csv", args: ["--encoding", "utf16le"] },
    { file: "utf8.csv", args: [] },
  ])("reads $file $args", ({ file, args }) => {
    const r = rate("--values", `fixtures/encodings/${file}`, ...args);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(utf8.stdout);
    expect(r.stdout.split("\n")[3]).toMatch(/^00J,NHS North Durham CCG – £ pilot,/);
  });

  it("an unknown --encoding is a usage error", () => {
    const r = rate("--values", "fixtures/encodings/utf8.csv", "--encoding", "ebcdic");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--encoding <encoding>' argument 'ebcdic' is invalid\. Allowed choices are utf8, latin1, win1252, utf16le/);
  });
});
