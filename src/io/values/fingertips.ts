/**
 * OHID Fingertips' CSV export (the "Export table" download, and the API's all_data/csv): one row per
 * indicator, area, sex, age, category and period. The header of a 2024 export is
 *
 *   Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,
 *   Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,
 *   Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,
 *   Compared to England value or percentiles,Compared to percentiles,Time period Sortable,New data,
 *   Compared to goal,Time period range
 *
 * Older exports lack "Time period range", and the column after the England comparison is named for
 * the parent area ("Compared to Region value or percentiles", "Compared to CCGs (from Apr 2021) ...").
 */
export const FINGERTIPS = {
  indicator: "Indicator ID",
  org: "Area Code",
  name: "Area Name",
  areaType: "Area Type",
  sex: "Sex",
  age: "Age",
  categoryType: "Category Type",
  category: "Category",
  period: "Time period",
  value: "Value",
  ciLower: "Lower CI 95.0 limit",
  ciUpper: "Upper CI 95.0 limit",
  numerator: "Count",
  denominator: "Denominator",
  comparison: "Compared to England value or percentiles",
} as const;

/**
 * The columns that make a header a Fingertips export's, in any order and whatever else it has. No
 * long file of ours or of NHS Digital has an "Indicator ID" beside an "Area Type"; the rest of the
 * export's columns are used when present and may be missing.
 */
const DISTINCTIVE = [FINGERTIPS.indicator, FINGERTIPS.org, FINGERTIPS.areaType, FINGERTIPS.period, FINGERTIPS.value];

/**
 * A column name as compared with Fingertips' own: case, spaces and punctuation aside, so that the
 * same export saved by fingertipsR ("IndicatorID") or read.csv ("Indicator.ID") is recognised too.
 */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * The header's own spelling of each Fingertips column it has, by the column's Fingertips name, and
 * whether it has all the distinctive ones: whether it is a Fingertips export's.
 */
export function fingertipsColumns(names: readonly string[]): { spelt: Map<string, string>; isExport: boolean } {
  const byKey = new Map<string, string>();
  for (const name of names) if (!byKey.has(nameKey(name))) byKey.set(nameKey(name), name);
  const found = new Map<string, string>();
  for (const column of Object.values(FINGERTIPS)) {
    const spelt = byKey.get(nameKey(column));
    if (spelt !== undefined) found.set(column, spelt);
  }
  return { spelt: found, isExport: DISTINCTIVE.every((column) => found.has(column)) };
}
