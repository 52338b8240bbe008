import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { loadInputs, type InputOptions } from "../../src/cli/inputs.js";
import type { Proc } from "../../src/cli/proc.js";
import { rate } from "../../src/engine/rate.js";
import { renderRating } from "../../src/io/output/render.js";
import { REPO, runCli } from "../helpers/fake-proc.js";

const quietProc: Proc = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: Readable.from([""]), env: { NO_COLOR: "1" }, cwd: REPO };

/** The CSV as the whole-dataset path makes it: rate() over every period at once, then renderRating. */
async function renderedWhole(opts: InputOptions): Promise<string> {
  const inputs = await loadInputs(opts, quietProc);
  const outcome = rate(inputs.framework, inputs.dataset);
  if (!outcome.ok) throw new Error("should rate");
  return renderRating(outcome.rating, "csv");
}

const inputCases: [string, string[], InputOptions][] = [
  [
    "two periods, long layout",
    ["--thresholds", "fixtures/example/thresholds.csv", "--values", "fixtures/periods/long-two-periods.csv"],
    { thresholds: "fixtures/example/thresholds.csv", values: "fixtures/periods/long-two-periods.csv" },
  ],
  ["no period column (the example)", ["--example"], { example: true }],
];

describe("rate --format csv, rated and rendered one period at a time", () => {
  it.each(inputCases)("%s: --out FILE holds the bytes of rate() + renderRating, and --check finds it up to date", async (_, args, opts) => {
    const out = join(mkdtempSync(join(tmpdir(), "by-period-")), "graded.csv");
    expect((await runCli(["rate", ...args, "-q", "--out", out])).code).toBe(0);
    const whole = await renderedWhole(opts);
    expect(readFileSync(out, "utf8")).toBe(whole);
    expect(await runCli(["rate", ...args, "--out", out, "--check"])).toEqual({ code: 0, stdout: `${out}: up to date\n`, stderr: "" });
  });

  it.each(inputCases)("%s: --out - writes the same bytes to stdout", async (_, args, opts) => {
    const ran = await runCli(["rate", ...args, "-q", "--out", "-"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toBe(await renderedWhole(opts));
  });
});

describe("rate --format csv with an error in a later period", () => {
  const folder = mkdtempSync(join(tmpdir(), "by-period-error-"));
  const values = join(folder, "wide.csv");
  // 2017-18, the second period, has AAA twice: an error found only when that period is rated.
  writeFileSync(
    values,
    [
      "org_code,org_name,period,iapt_recovery,eip_2wk",
      "AAA,Alpha CCG,2016-17,60,70",
      "BBB,Beta CCG,2016-17,52,45",
      "AAA,Alpha CCG,2017-18,58,65",
      "BBB,Beta CCG,2017-18,50,50",
      "AAA,Alpha CCG again,2017-18,40,40",
      "",
    ].join("\n"),
  );
  const args = ["rate", "--thresholds", "fixtures/example/thresholds.csv", "--values", values];
  const expectedError = `${values}:6:1: organisation AAA appears more than once for period 2017-18 (first at line 4) (E_DUPLICATE_ORG)\n`;

  it("fails with exit 1 and the error, writing nothing, over no file or an existing one", async () => {
    const out = join(folder, "graded.csv");
    expect(await runCli([...args, "--out", out])).toEqual({ code: 1, stdout: "", stderr: expectedError });
    expect(existsSync(out)).toBe(false);
    writeFileSync(out, "old\n");
    expect(await runCli([...args, "--out", out])).toEqual({ code: 1, stdout: "", stderr: expectedError });
    expect(readFileSync(out, "utf8")).toBe("old\n");
  });

  it("says what the whole-rating path (JSON) says, to stdout too", async () => {
    const json = await runCli([...args, "--format", "json", "--out", "-"]);
    const csv = await runCli([...args, "--out", "-"]);
    expect(csv).toEqual(json);
    expect(csv).toEqual({ code: 1, stdout: "", stderr: expectedError });
  });
});
