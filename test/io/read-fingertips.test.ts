import { readFileSync, rmSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { sortDiagnostics } from "../../src/engine/diagnostics.js";
import { Framework } from "../../src/engine/framework/schema.js";
import { DEFAULT_VALUES_OPTIONS, type ValuesOptions } from "../../src/io/values/options.js";
import { readThresholds } from "../../src/io/thresholds/read-thresholds.js";
import { readValues } from "../../src/io/values/read-values.js";
import { ROOT } from "../helpers/in-process.js";

const HEADER =
  "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to percentiles,Time period Sortable,New data,Compared to goal,Time period range";

interface Row {
  id: string;
  area: string;
  type?: string;
  sex?: string;
  age?: string;
  categoryType?: string;
  category?: string;
  period?: string;
  value: string;
  count?: string;
  denominator?: string;
  compared?: string;
  ci?: [string, string];
}

/** An export's line: the columns a test cares about, the rest as an export has them. */
function line(r: Row): string {
  const cells = [
    r.id, `Indicator ${r.id}`, "E12000001", "North East region", r.area, `Area ${r.area}`, r.type ?? "Counties & UAs (from Apr 2023)", r.sex ?? "Persons", r.age ?? "18+ yrs",
    r.categoryType ?? "", r.category ?? "", r.period ?? "2022/23", r.value, ...(r.ci ?? ["", ""]), "", "", r.count ?? "", r.denominator ?? "", "", "No significant change", r.compared ?? "Similar",
    "Not compared", "20220000", "", "Not compared", "1y",
  ];
  return cells.map((c) => (c.includes(",") ? `"${c}"` : c)).join(",");
}
const exportOf = (rows: Row[]) => [HEADER, ...rows.map(line)].join("\n") + "\n";

/** Two Fingertips ids in a thresholds CSV, which names them as any other id: a percentage and a rate per 100,000. */
const THRESHOLDS = `indicator,label,polarity,top_performing,performing_well,needs_improvement,unit
90323,Obesity,lower,18,21,24,%
40401,Mortality,lower,300,350,400,"per 100,000"
`;
const thresholdsRead = await readThresholds(Readable.from([THRESHOLDS]), "t.csv");
if (!thresholdsRead.ok) throw new Error("the thresholds should read");
const thresholds = thresholdsRead.framework;
/** The same rate scored by its interval, which needs the counts. */
const interval = Framework.parse({
  id: "s",
  title: "S",
  indicators: [{ id: "40401", label: "Mortality", polarity: "lower", unit: "per 100,000", standard: 350, scoring: { method: "standard-ci", statistic: "rate", confidence: 0.95 } }],
});

const read = (text: string, framework = thresholds, options: Partial<ValuesOptions> = {}) =>
  readValues(Readable.from([text]), "ft.csv", framework, { ...DEFAULT_VALUES_OPTIONS, ...options });

describe("reading a Fingertips export", () => {
  it("maps Area Code, Area Name, Time period and Indicator ID, and keeps only the whole population by default", async () => {
    const text = exportOf([
      { id: "90323", area: "E06000001", value: "21.5", count: "215", denominator: "1000" },
      { id: "90323", area: "E06000001", categoryType: "Ethnic groups", category: "White", value: "19" },
      { id: "90323", area: "E06000001", categoryType: "County & UA deprivation deciles in England (IMD2019, 4/21 geography)", category: "Most deprived decile (IMD2019)", value: "30" },
      { id: "40401", area: "E06000001", value: "331.2", count: "300", denominator: "100000" },
    ]);
    const { dataset, diagnostics } = await read(text);
    expect(diagnostics).toEqual([]);
    expect(dataset.hasPeriods).toBe(true);
    expect(dataset.records.map((r) => [r.code, r.name, r.period, Object.keys(r.observations).sort()])).toEqual([["E06000001", "Area E06000001", "2022/23", ["40401", "90323"]]]);
    expect(dataset.records[0]!.observations["90323"]!.value).toBe(21.5);
  });

  it("takes the rows of a Category Type that --where names instead", async () => {
    const text = exportOf([
      { id: "90323", area: "E06000001", value: "21.5" },
      { id: "90323", area: "E06000001", categoryType: "Ethnic groups", category: "White", value: "19" },
      { id: "40401", area: "E06000001", categoryType: "Ethnic groups", category: "White", value: "310" },
    ]);
    const { dataset, diagnostics } = await read(text, thresholds, { where: [{ column: "Category Type", value: "Ethnic groups" }] });
    expect(diagnostics).toEqual([]);
    expect(dataset.records[0]!.observations["90323"]!.value).toBe(19);
  });

  it("rates the published Value, not Count over Denominator, where the method needs no counts; the interval uses the counts", async () => {
    // An age-standardised rate: 331.2 published, 300 deaths in 100,000 people crude.
    const text = exportOf([
      { id: "90323", area: "E06000001", value: "21.5", count: "215", denominator: "1000" },
      { id: "40401", area: "E06000001", value: "331.2", count: "300", denominator: "100000" },
      { id: "40401", area: "E06000002", value: "", count: "", denominator: "", compared: "Not compared" },
    ]);
    const byValue = await read(text);
    expect(byValue.dataset.records[0]!.observations["40401"]).toMatchObject({ value: 331.2 });
    expect(byValue.dataset.records[0]!.observations["40401"]!.numerator).toBeUndefined();
    expect(byValue.dataset.records[1]!.observations["40401"]).toMatchObject({ value: null, missing: "empty" });
    const byCounts = await read(text, interval);
    expect(byCounts.dataset.records[0]!.observations["40401"]).toMatchObject({ value: null, numerator: 300, denominator: 100000 });
  });

  it("keeps a published value's 95% limits, what the bootstrap draws it from", async () => {
    const text = exportOf([
      { id: "40401", area: "E06000001", value: "331.2", count: "300", denominator: "100000", ci: ["294.1", "371.5"] },
      { id: "40401", area: "E06000002", value: "310", count: "280", denominator: "100000" },
      { id: "90323", area: "E06000001", value: "21.5", count: "215", denominator: "1000", ci: ["19.0", "24.2"] },
    ]);
    const { dataset, diagnostics } = await read(text);
    expect(diagnostics).toEqual([]);
    expect(dataset.records[0]!.observations["40401"]).toMatchObject({ value: 331.2, ciLower: 294.1, ciUpper: 371.5 });
    expect(dataset.records[1]!.observations["40401"]!.ciLower).toBeUndefined();
  });

  it("keeps Fingertips' own comparison with each value, and none where the cell is empty", async () => {
    const text = exportOf([
      { id: "90323", area: "E06000001", value: "21.5", compared: "Worse" },
      { id: "40401", area: "E06000001", value: "290", compared: "Better" },
      { id: "90323", area: "E06000002", value: "19", compared: "" },
    ]);
    const { dataset } = await read(text);
    const comparisons = dataset.records.map((r) => [r.observations["90323"]?.comparison, r.observations["40401"]?.comparison]);
    expect(comparisons).toEqual([["Worse", "Better"], [undefined, undefined]]);
  });

  it("skips the indicators the framework does not use, with one warning each, as any long file's", async () => {
    const text = exportOf([
      { id: "90323", area: "E06000001", value: "21.5" },
      { id: "90365", area: "E06000001", value: "60" },
      { id: "90365", area: "E06000002", value: "61" },
      { id: "40401", area: "E06000001", value: "290" },
    ]);
    const { dataset, diagnostics } = await read(text);
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["W_UNKNOWN_INDICATOR", 3, 1]]);
    expect(dataset.records.map((r) => r.code)).toEqual(["E06000001"]);
  });

  it.each([
    [
      "Sex",
      [{ sex: "Persons" }, { sex: "Male" }, { sex: "Female" }],
      'second value for E06000001, indicator 40401 in period 2022/23: its rows differ by Sex (Female, Male, Persons); keep one with --where "Sex=..."',
    ],
    [
      "Sex and Age",
      [{ sex: "Persons", age: "<75 yrs" }, { sex: "Male", age: "All ages" }],
      'second value for E06000001, indicator 40401 in period 2022/23: its rows differ by Sex (Male, Persons) and Age (<75 yrs, All ages); keep one with --where "Sex=..." --where "Age=..."',
    ],
    [
      "Area Type",
      [{ type: "Counties & UAs (from Apr 2023)" }, { type: "Districts & UAs (from Apr 2023)" }],
      'second value for E06000001, indicator 40401 in period 2022/23: its rows differ by Area Type (Counties & UAs (from Apr 2023), Districts & UAs (from Apr 2023)); keep one with --where "Area Type=..."',
    ],
    ["nothing (a repeated row)", [{}, {}], "second value for E06000001, indicator 40401 in period 2022/23"],
  ])("a second value whose rows differ by %s says which columns to filter on", async (_, variants, message) => {
    const text = exportOf([{ id: "90323", area: "E06000001", value: "20" }, ...variants.map((v) => ({ id: "40401", area: "E06000001", value: "300", ...v }))]);
    const { diagnostics } = await read(text);
    const duplicates = diagnostics.filter((d) => d.code === "E_DUPLICATE_VALUE");
    expect(duplicates).toHaveLength(variants.length - 1);
    expect(duplicates[0]!.message).toBe(message);
  });

  it("names at most eight values of a column, the first in text order, then ...", async () => {
    const ages = ["0-4 yrs", "5-9 yrs", "10-14 yrs", "15-19 yrs", "20-24 yrs", "25-29 yrs", "30-34 yrs", "35-39 yrs", "40-44 yrs", "45-49 yrs"];
    const text = exportOf([{ id: "90323", area: "E06000001", value: "20" }, ...ages.map((age) => ({ id: "40401", area: "E06000001", value: "300", age }))]);
    const { diagnostics } = await read(text);
    const shown = [...ages].sort().slice(0, 8).join(", ");
    expect(diagnostics[0]!.message).toBe(`second value for E06000001, indicator 40401 in period 2022/23: its rows differ by Age (${shown}, ...); keep one with --where "Age=..."`);
  });

  it("says the default filter when no row passes it", async () => {
    const text = exportOf([{ id: "90323", area: "E06000001", categoryType: "Ethnic groups", category: "White", value: "19" }]);
    const { diagnostics } = await read(text);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["E_NO_DATA", `no row matches Category Type empty (a Fingertips export's whole population; --where "Category Type=..." chooses another)`],
    ]);
  });

  it("reads our own long files as before: no filter, no comparison, counts first", async () => {
    const { dataset, diagnostics } = await read("org_code,indicator,value,numerator,denominator\nX1,90323,21.5,215,1000\nX1,40401,331.2,300,100000\n");
    expect(diagnostics).toEqual([]);
    expect(dataset.records[0]!.observations["40401"]).toMatchObject({ value: null, numerator: 300, denominator: 100000 });
  });
});

// The worker thread runs compiled JavaScript, so the split read is tested as built (npm test builds first).
const built = (await import(pathToFileURL(join(ROOT, "dist/io/values/split-read.js")).href)) as typeof import("../../src/io/values/split-read.js");
const dir = mkdtempSync(join(tmpdir(), "ccg-fingertips-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("reading the synthetic export in parts", () => {
  it.each([
    ["without filters (every second value hinted)", []],
    ["by Area Type and Sex", [{ column: "Area Type", value: "Counties & UAs (from Apr 2023)" }, { column: "Sex", value: "Persons" }]],
  ])("gives what one read gives, %s", async (_, where) => {
    const fixture = readFileSync(join(ROOT, "fixtures/fingertips/export-synthetic.csv"));
    const path = join(dir, "export.csv");
    writeFileSync(path, fixture);
    const options: ValuesOptions = { ...DEFAULT_VALUES_OPTIONS, where };
    const whole = await readValues(Readable.from([fixture]), "f.csv", thresholds, options);
    const parts = await built.startValuesRead({ path, size: fixture.length, file: "f.csv", open: () => Readable.from([fixture]) }, options, 3).read(thresholds);
    expect(parts.parts).toBe(3);
    expect(sortDiagnostics(parts.diagnostics)).toEqual(sortDiagnostics(whole.diagnostics));
    expect(parts.dataset).toEqual(whole.dataset);
  });
});
