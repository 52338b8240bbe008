import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/built-cli.js";
import { ROOT } from "../helpers/in-process.js";

const EXPORT = "fixtures/fingertips/export-synthetic.csv";
const INPUTS = ["--thresholds", "fixtures/fingertips/thresholds.csv", "--values", EXPORT];
const UTLA = "Counties & UAs (from Apr 2023)";
const FILTERS = ["--where", `Area Type=${UTLA}`, "--where", "Sex=Persons"];

/** The export read here with csv-parse: the oracle for what rate, explain and validate say. No field spans lines. */
const all = parse(readFileSync(join(ROOT, EXPORT)), { columns: true }) as Record<string, string>[];
const lineOf = (wanted: (r: Record<string, string>) => boolean) => all.findIndex(wanted) + 2;
const kept = (r: Record<string, string>) => r["Area Type"] === UTLA && r.Sex === "Persons" && r["Category Type"] === "";
/** The rows the filters keep, of the indicators the thresholds rate. */
const rows = all.filter((r) => kept(r) && r["Indicator ID"] !== "90365");
const UNKNOWN = `${EXPORT}:${lineOf((r) => kept(r) && r["Indicator ID"] === "90365")}:1: warning: indicator "90365" is not in the framework; its rows are ignored (W_UNKNOWN_INDICATOR)\n`;
/** The first row of an area, indicator and period that the filters (Category Type's default, then Area Type) do not tell apart from another. */
const second = (id: string, type: string, sex: string) =>
  lineOf((r) => r["Area Code"] === "E06000001" && r["Indicator ID"] === id && r["Time period"] === "2021/22" && r["Area Type"] === type && r.Sex === sex && r["Category Type"] === "");
const rowOf = (area: string, period: string, id: string) => rows.find((r) => r["Area Code"] === area && r["Time period"] === period && r["Indicator ID"] === id)!;

const dir = mkdtempSync(join(tmpdir(), "e2e-fingertips-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (args: string[]) => runBuilt(args, { env: { NO_COLOR: "1" } });

describe("built CLI on a Fingertips export", () => {
  it("rate: recognises the export, keeps one row per area and period, rates the published Value", () => {
    const out = join(dir, "graded.csv");
    const ran = cli(["rate", ...INPUTS, ...FILTERS, "--out", out]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe(UNKNOWN);
    expect(ran.stdout).toMatch(/^Thresholds from thresholds\.csv\n/);
    expect(ran.stdout).toMatch(/│ Total +│ +19 │ +19 │/);
    const graded = parse(readFileSync(out), { columns: true }) as Record<string, string>[];
    const keys = new Set(rows.map((r) => `${r["Area Code"]} ${r["Time period"]}`));
    expect(graded.map((g) => `${g.org_code} ${g.period}`)).toEqual([...keys].sort());
    for (const g of graded) {
      for (const id of ["90323", "92443", "40401"]) {
        const value = rowOf(g.org_code!, g.period!, id).Value!;
        expect(g[id] === "" ? "" : Number(g[id])).toBe(value === "" ? "" : Number(value));
      }
    }
    // An age-standardised rate: the Value rated is not Count / Denominator x 100,000.
    const hartlepool = rowOf("E06000001", "2022/23", "40401");
    expect(Number(hartlepool.Value)).not.toBeCloseTo((Number(hartlepool.Count) / Number(hartlepool.Denominator)) * 100000, 1);
    expect(cli(["rate", ...INPUTS, ...FILTERS, "--out", "-", "-q"]).stdout).toBe(readFileSync(out, "utf8"));
  });

  it("rate: without the filters each second value says which columns to filter on, and nothing is written", () => {
    const out = join(dir, "not-written.csv");
    const ran = cli(["rate", ...INPUTS, "--out", out, "--max-errors", "1"]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe("");
    expect(ran.stderr.split("\n")[0]).toBe(
      `${EXPORT}:${second("90323", "Districts & UAs (from Apr 2023)", "Persons")}:1: second value for E06000001, indicator 90323 in period 2021/22: its rows differ by Area Type (${UTLA}, Districts & UAs (from Apr 2023), England, Regions (statistical)); keep one with --where "Area Type=..." (E_DUPLICATE_VALUE)`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("explain: Fingertips' own comparison beside our band, in text and JSON", () => {
    const args = ["explain", "E06000002", ...INPUTS, ...FILTERS, "--period", "2022/23"];
    const text = cli(args);
    expect(text.code).toBe(0);
    expect(text.stderr).toBe("");
    const lines = text.stdout.split("\n");
    expect(lines[0]).toBe("E06000002 Middlesbrough (period 2022/23)");
    expect(lines[3]!.split(/\s{2,}/)).toEqual(["Indicator", "Value", "Band", "Decided by", "Published comparison", "Next band up"]);
    const at = lines[3]!.indexOf("Published comparison");
    for (const [i, id] of ["90323", "92443", "40401"].entries()) {
      const compared = rowOf("E06000002", "2022/23", id)["Compared to England value or percentiles"]!;
      expect(lines[4 + i]).toContain(`(${id})`);
      expect(lines[4 + i]!.slice(at).startsWith(compared)).toBe(true);
    }
    const json = cli([...args, "--format", "json"]);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as { explanations: { indicators: { id: string; value: number; comparison: string }[] }[] };
    expect(doc.explanations[0]!.indicators.map((i) => [i.id, i.value, i.comparison])).toEqual(
      ["90323", "92443", "40401"].map((id) => {
        const row = rowOf("E06000002", "2022/23", id);
        return [id, Number(row.Value), row["Compared to England value or percentiles"]];
      }),
    );
  });

  it("validate: no error with the filters; with Area Type alone, the Sex values found", () => {
    expect(cli(["validate", ...INPUTS, ...FILTERS])).toEqual({ code: 0, stdout: `${UNKNOWN}0 errors, 1 warning\n`, stderr: "" });
    const ran = cli(["validate", ...INPUTS, "--where", `Area Type=${UTLA}`, "--max-errors", "1"]);
    expect(ran.code).toBe(1);
    expect(ran.stdout.split("\n")[0]).toBe(
      `${EXPORT}:${second("92443", UTLA, "Male")}:1: second value for E06000001, indicator 92443 in period 2021/22: its rows differ by Sex (Female, Male, Persons); keep one with --where "Sex=..." (E_DUPLICATE_VALUE)`,
    );
    // Every Male and Female row of the county-level areas is a second value.
    const seconds = all.filter((r) => r["Area Type"] === UTLA && r["Category Type"] === "" && r.Sex !== "Persons" && r["Indicator ID"] !== "90365").length;
    expect(ran.stdout).toMatch(new RegExp(`\\n${seconds} errors, 1 warning\\n$`));
  });

  it("--layout plain reads the export by our own column names, and says what is missing", () => {
    const ran = cli(["validate", ...INPUTS, "--layout", "plain", "--max-errors", "1"]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain(`${EXPORT}:1:1: no organisation code column "org_code" (name another with --org-col) (E_MISSING_COLUMN)\n`);
  });

  it("a flag names its own column over the layout's", () => {
    const ran = cli(["rate", ...INPUTS, ...FILTERS, "--org-col", "Parent Code", "--name-col", "Parent Name", "--out", "-", "-q"]);
    expect(ran.code).toBe(1);
    // Several areas share a region: second values for the region code.
    expect(ran.stderr).toMatch(/second value for E12000001, indicator 90323 in period 2021\/22/);
  });
});
