import type { Encoding } from "../csv/encodings.js";
import type { CsvLimits } from "../csv/limits.js";

/** How to find things in a values file; the defaults fit our own wide and long layouts. */
export interface ValuesOptions {
  orgCol: string;
  nameCol: string;
  indicatorCol: string;
  valueCol: string;
  periodCol: string;
  numeratorCol: string;
  denominatorCol: string;
  /** Long layout: a bare value's standard error and 95% confidence interval, read where the columns exist. */
  seCol: string;
  ciLowerCol: string;
  ciUpperCol: string;
  /** Keep only rows where each column equals its value (e.g. GROUP_TYPE=CCG). */
  where: { column: string; value: string }[];
  /** The file's own name for a column the framework's overrides look at, by the framework's name for it (--flag-col). */
  flagCols: Record<string, string>;
  /** Undefined: UTF-8 (or UTF-16LE with its byte order mark). */
  encoding?: Encoding | undefined;
  limits?: CsvLimits | undefined;
  /** Whether lines that cannot pass --where may skip the CSV parser (see LinePrefilter); the results are the same. */
  prefilter?: boolean | undefined;
}

export const DEFAULT_VALUES_OPTIONS: ValuesOptions = {
  orgCol: "org_code",
  nameCol: "org_name",
  indicatorCol: "indicator",
  valueCol: "value",
  periodCol: "period",
  numeratorCol: "numerator",
  denominatorCol: "denominator",
  seCol: "se",
  ciLowerCol: "ci_lower",
  ciUpperCol: "ci_upper",
  where: [],
  flagCols: {},
};
