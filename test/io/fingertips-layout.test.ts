import { describe, expect, it } from "vitest";
import { readHeader } from "../../src/io/rows/header.js";
import { fingertipsColumns } from "../../src/io/values/fingertips.js";
import { OUR_COLUMNS, resolveLayout } from "../../src/io/values/layout.js";
import { DEFAULT_VALUES_OPTIONS, type ValuesOptions } from "../../src/io/values/options.js";

/** The header of a 2024 Fingertips export, as the issue quotes it. */
const REAL =
  "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to percentiles,Time period Sortable,New data,Compared to goal,Time period range";
/** An older export: the parent comparison named for the region, and no Time period range. */
const OLDER =
  "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal";
const REORDERED = [...REAL.split(",")].reverse().join(",");
/** Only the distinctive columns: no name, counts, sex, age, categories or comparison. */
const BARE = "Area Code,Indicator ID,Time period,Area Type,Value";
/** The same export as fingertipsR gives it, written out with data.table::fwrite. */
const FINGERTIPSR = "IndicatorID,IndicatorName,AreaCode,AreaName,AreaType,Sex,Age,CategoryType,Category,Timeperiod,Value,Count,Denominator,ComparedtoEnglandvalueorpercentiles";
const OURS = "org_code,org_name,period,indicator,value,numerator,denominator";
const NHS_DIGITAL = "REPORTING_PERIOD_START,REPORTING_PERIOD_END,STATUS,ORG_TYPE,ORG_CODE1,ORG_NAME1,GROUP_TYPE,MEASURE_ID,MEASURE_VALUE";
/** A long file with area codes and indicator ids, but no Area Type: not taken for an export. */
const LOOKALIKE = "Indicator ID,Area Code,Area Name,Time period,Value";

const header = (line: string) => readHeader(line.split(","), "v.csv", 1).header;
const layoutOf = (line: string, options: Partial<ValuesOptions> = {}) => resolveLayout(header(line), { ...DEFAULT_VALUES_OPTIONS, ...options });

/** No export has a standard error column; its 95% limits are what the bootstrap draws a published value from. */
const SPREAD = { se: "se", ciLower: "Lower CI 95.0 limit", ciUpper: "Upper CI 95.0 limit" };
const FINGERTIPS_NAMES = { org: "Area Code", name: "Area Name", indicator: "Indicator ID", value: "Value", period: "Time period", numerator: "Count", denominator: "Denominator", ...SPREAD };

describe("recognising a Fingertips export from its header", () => {
  it.each([
    ["the real header", REAL, true],
    ["an older export's", OLDER, true],
    ["the real header reordered", REORDERED, true],
    ["the distinctive columns alone", BARE, true],
    ["fingertipsR's spelling", FINGERTIPSR, true],
    ["our long layout", OURS, false],
    ["an NHS Digital long file", NHS_DIGITAL, false],
    ["a look-alike without Area Type", LOOKALIKE, false],
  ])("%s: %s", (_, line, expected) => {
    expect(fingertipsColumns(line.split(",")).isExport).toBe(expected);
    const layout = layoutOf(line);
    expect(layout.kind).toBe(expected ? "fingertips" : "plain");
    // A file that is not an export is read by our names, with no filter of its own.
    if (!expected) expect(layout).toEqual({ kind: "plain", columns: OUR_COLUMNS, where: [], defaultFilters: "", comparison: undefined, splits: [], valueFirst: false });
  });

  it.each([
    ["the real header", REAL],
    ["an older export's", OLDER],
    ["the real header reordered", REORDERED],
  ])("maps %s to Area Code, Area Name, Indicator ID, Value, Count, Denominator, Time period", (_, line) => {
    const layout = layoutOf(line);
    expect(layout.columns).toEqual(FINGERTIPS_NAMES);
    expect(layout.where).toEqual([{ column: "Category Type", value: "" }]);
    expect(layout.comparison).toBe("Compared to England value or percentiles");
    expect(layout.splits).toEqual(["Area Type", "Sex", "Age", "Category"]);
    expect(layout.valueFirst).toBe(true);
  });

  it("uses the header's own spelling of each column", () => {
    const layout = layoutOf(FINGERTIPSR);
    expect(layout.columns).toEqual({ org: "AreaCode", name: "AreaName", indicator: "IndicatorID", value: "Value", period: "Timeperiod", numerator: "Count", denominator: "Denominator", ...SPREAD });
    expect(layout.where).toEqual([{ column: "CategoryType", value: "" }]);
    expect(layout.comparison).toBe("ComparedtoEnglandvalueorpercentiles");
  });

  it("leaves out what a header without the optional columns cannot give: no default filter, no comparison, no splits", () => {
    const layout = layoutOf(BARE);
    expect(layout.where).toEqual([]);
    expect(layout.defaultFilters).toBe("");
    expect(layout.comparison).toBeUndefined();
    expect(layout.splits).toEqual(["Area Type"]);
  });

});

describe("--layout and the column flags", () => {
  it.each([
    ["plain reads a Fingertips export by our names", REAL, "plain", "plain", OUR_COLUMNS.org],
    ["fingertips reads a look-alike by Fingertips' names", LOOKALIKE, "fingertips", "fingertips", "Area Code"],
    ["fingertips on our own file looks for Fingertips' names (and the reader says they are missing)", OURS, "fingertips", "fingertips", "Area Code"],
    ["auto is the default", REAL, "auto", "fingertips", "Area Code"],
  ] as const)("%s", (_, line, layout, kind, org) => {
    const resolved = layoutOf(line, { layout });
    expect(resolved.kind).toBe(kind);
    expect(resolved.columns.org).toBe(org);
  });

  it("a flag names its own column over the layout's", () => {
    const layout = layoutOf(REAL, { orgCol: "Parent Code", valueCol: "Lower CI 95.0 limit" });
    expect(layout.columns).toEqual({ ...FINGERTIPS_NAMES, org: "Parent Code", value: "Lower CI 95.0 limit" });
  });

  it.each([
    ["keeps the default filter beside --where on another column", [{ column: "Area Type", value: "Regions (statistical)" }], [{ column: "Area Type", value: "Regions (statistical)" }, { column: "Category Type", value: "" }], `Category Type empty (a Fingertips export's whole population; --where "Category Type=..." chooses another)`],
    ["drops it when --where names Category Type", [{ column: "Category Type", value: "Ethnic groups" }], [{ column: "Category Type", value: "Ethnic groups" }], ""],
    ["drops it when --where names Category Type in another case", [{ column: "category type", value: "Ethnic groups" }], [{ column: "category type", value: "Ethnic groups" }], ""],
  ])("%s", (_, where, expected, defaults) => {
    const layout = layoutOf(REAL, { where });
    expect(layout.where).toEqual(expected);
    expect(layout.defaultFilters).toBe(defaults);
  });
});
