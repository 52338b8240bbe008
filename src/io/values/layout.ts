import { columnOf, type Header } from "../rows/header.js";
import { FINGERTIPS, fingertipsColumns } from "./fingertips.js";
import type { ValuesOptions } from "./options.js";

/** "auto": a Fingertips export when the header is one (see fingertips.ts), else ours; "plain": always ours. */
export const VALUES_LAYOUTS = ["auto", "plain", "fingertips"] as const;
export type ValuesLayout = (typeof VALUES_LAYOUTS)[number];

export interface ColumnNames {
  org: string;
  name: string;
  indicator: string;
  value: string;
  period: string;
  numerator: string;
  denominator: string;
  /** A bare value's standard error and 95% confidence limits, read where the columns exist (the bootstrap draws from them). */
  se: string;
  ciLower: string;
  ciUpper: string;
}

/** Our own names: a wide file has the organisation's and the indicators', a long file all of them. */
export const OUR_COLUMNS: ColumnNames = {
  org: "org_code",
  name: "org_name",
  indicator: "indicator",
  value: "value",
  period: "period",
  numerator: "numerator",
  denominator: "denominator",
  se: "se",
  ciLower: "ci_lower",
  ciUpper: "ci_upper",
};

/** How a header's columns are read: what `--layout` and the header decide, before any column is looked up. */
export interface Layout {
  kind: "plain" | "fingertips";
  /** The names looked up, a flag's where one was given. */
  columns: ColumnNames;
  /** Every filter: --where's, and the layout's own for a column --where does not name. */
  where: { column: string; value: string }[];
  /** The layout's own filters kept, as a message says them: empty when there are none. */
  defaultFilters: string;
  /** The column of the publisher's own comparison of each value with its benchmark, kept with the value. */
  comparison: string | undefined;
  /** Columns whose values tell apart rows of one area, indicator and period: named when two such rows both give a value. */
  splits: string[];
  /**
   * Rate the published value, not the numerator over the denominator, where the method needs no
   * counts: Fingertips' Value is often age-standardised or a ratio to expected, which Count over
   * Denominator is not.
   */
  valueFirst: boolean;
}

/** The layout of a values file with this header, under these options. */
export function resolveLayout(header: Header, options: ValuesOptions): Layout {
  const fingertips = options.layout === "plain" ? null : fingertipsColumns(header.names);
  const isFingertips = fingertips !== null && (options.layout === "fingertips" || fingertips.isExport);
  const own = (column: string): string => fingertips?.spelt.get(column) ?? column;
  const base: ColumnNames = isFingertips
    ? {
        org: own(FINGERTIPS.org),
        name: own(FINGERTIPS.name),
        indicator: own(FINGERTIPS.indicator),
        value: own(FINGERTIPS.value),
        period: own(FINGERTIPS.period),
        numerator: own(FINGERTIPS.numerator),
        denominator: own(FINGERTIPS.denominator),
        se: OUR_COLUMNS.se,
        ciLower: own(FINGERTIPS.ciLower),
        ciUpper: own(FINGERTIPS.ciUpper),
      }
    : OUR_COLUMNS;
  const columns: ColumnNames = {
    org: options.orgCol ?? base.org,
    name: options.nameCol ?? base.name,
    indicator: options.indicatorCol ?? base.indicator,
    value: options.valueCol ?? base.value,
    period: options.periodCol ?? base.period,
    numerator: options.numeratorCol ?? base.numerator,
    denominator: options.denominatorCol ?? base.denominator,
    se: options.seCol ?? base.se,
    ciLower: options.ciLowerCol ?? base.ciLower,
    ciUpper: options.ciUpperCol ?? base.ciUpper,
  };
  if (!isFingertips) return { kind: "plain", columns, where: options.where, defaultFilters: "", comparison: undefined, splits: [], valueFirst: false };

  // The whole population: a row with a Category Type is one of its parts (a deprivation decile, an
  // ethnic group), and --where "Category Type=..." chooses those instead.
  const categoryType = own(FINGERTIPS.categoryType);
  const col = columnOf(header, categoryType);
  const named = options.where.some((w) => columnOf(header, w.column) === col);
  const defaults = col === undefined || named ? [] : [{ column: categoryType, value: "" }];
  const present = (column: string): string[] => (columnOf(header, own(column)) === undefined ? [] : [own(column)]);
  return {
    kind: "fingertips",
    columns,
    where: [...options.where, ...defaults],
    defaultFilters: defaults.map((w) => `${w.column} empty (a Fingertips export's whole population; --where "${w.column}=..." chooses another)`).join(", "),
    comparison: present(FINGERTIPS.comparison)[0],
    splits: [FINGERTIPS.areaType, FINGERTIPS.sex, FINGERTIPS.age, FINGERTIPS.category].flatMap(present),
    valueFirst: true,
  };
}
