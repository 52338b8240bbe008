import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { grouped } from "../../src/cli/diagnostic-lines.js";
import { runBuilt } from "../helpers/built-cli.js";

// A file with a mistake in every row, three kinds taking turns: each row's problem is known from its number.
const ROWS = 30_000;
const dir = mkdtempSync(join(tmpdir(), "many-errors-"));
const values = join(dir, "values.csv");
const rowOf = (i: number) => (i % 3 === 0 ? `X${i},N,n/k,50` : i % 3 === 1 ? `,N,1,2` : `X${i},N`);
writeFileSync(values, `org_code,org_name,iapt_recovery,eip_2wk\n${Array.from({ length: ROWS }, (_, i) => `${rowOf(i)}\n`).join("")}`);

/** Row i's line, as the reader says it (the header is line 1). */
function problemOf(i: number): { code: string; line: string } {
  const where = (column: number) => `${values}:${i + 2}:${column}: `;
  if (i % 3 === 0) return { code: "E_NOT_A_NUMBER", line: `${where(3)}"n/k" is not a number (column iapt_recovery) (E_NOT_A_NUMBER)` };
  if (i % 3 === 1) return { code: "E_EMPTY_ORG_CODE", line: `${where(1)}organisation code is empty (E_EMPTY_ORG_CODE)` };
  return { code: "E_ROW_LENGTH", line: `${where(3)}row has 2 cells, the header has 4 (E_ROW_LENGTH)` };
}

/**
 * What printing every problem under the cap says: the first `max` of each code in file order, then the
 * counts. (Every one, --max-errors 0, is more than spawnSync takes back; the long file below has it.)
 */
function expected(max: number): string {
  const problems = Array.from({ length: ROWS }, (_, i) => problemOf(i));
  const shown = new Map<string, number>();
  const lines = problems.filter((p) => {
    const n = (shown.get(p.code) ?? 0) + 1;
    shown.set(p.code, n);
    return n <= max;
  });
  const more = ["E_EMPTY_ORG_CODE", "E_NOT_A_NUMBER", "E_ROW_LENGTH"].map((code) => `... and ${grouped(ROWS / 3 - max)} more ${code}\n`);
  return `${lines.map((p) => `${p.line}\n`).join("")}${more.join("")}${grouped(ROWS)} errors and 0 warnings in all (--max-errors 0 prints every one)\n`;
}

describe("many problems of several codes, through the built CLI", () => {
  it.each([
    { max: "50", threads: "1" },
    { max: "50", threads: "3" },
    { max: "2", threads: "3" },
    { max: "1", threads: "2" },
  ])("--max-errors $max on $threads threads: the first of each code, the counts, exit 1 and no output file", ({ max, threads }) => {
    const out = join(dir, `graded-${max}-${threads}.csv`);
    const ran = runBuilt(["rate", "--framework", "ccg-iaf-2016-17-mental-health", "--values", values, "--out", out, "--max-errors", max, "--threads", threads]);
    expect(ran.stderr).toBe(expected(Number(max)));
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });

  // A value a later part cannot read, of a key an earlier part holds, is a second value: the parts put
  // together under the cap must say what one read says.
  it.each(["0", "1", "3"])("a long file's second values read in parts say what one read says (--max-errors %s)", (max) => {
    const long = join(dir, `long-${max}.csv`);
    const rows = Array.from({ length: 6_000 }, (_, i) => `X${i % 700},${i % 2 ? "iapt_recovery" : "eip_2wk"},${i % 3 ? "n/k" : "5"}\n`);
    writeFileSync(long, `org_code,indicator,value\n${rows.join("")}`);
    const args = ["validate", "--framework", "ccg-iaf-2016-17-mental-health", "--values", long, "--max-errors", max];
    const once = runBuilt([...args, "--threads", "1"]);
    expect(once.stdout).toContain("(E_DUPLICATE_VALUE)");
    expect(once.stdout).toContain("(E_NOT_A_NUMBER)");
    for (const threads of ["2", "3"]) expect(runBuilt([...args, "--threads", threads])).toEqual(once);
  });
});
