import type { Encoding } from "../rows/csv/encodings.js";
import type { CsvLimits } from "../rows/csv/limits.js";
import type { ValuesLayout } from "./layout.js";

/**
 * How to find things in a values file. A column name left undefined is the layout's: ours (org_code,
 * indicator, value, ...) or, for a Fingertips export, Fingertips' own (see layout.ts).
 */
export interface ValuesOptions {
  orgCol?: string | undefined;
  nameCol?: string | undefined;
  indicatorCol?: string | undefined;
  valueCol?: string | undefined;
  periodCol?: string | undefined;
  numeratorCol?: string | undefined;
  denominatorCol?: string | undefined;
  /** Undefined: "auto", a Fingertips export when the header is one. */
  layout?: ValuesLayout | undefined;
  /** Long layout: a bare value's standard error and 95% confidence interval, read where the columns exist. */
  seCol?: string | undefined;
  ciLowerCol?: string | undefined;
  ciUpperCol?: string | undefined;
  /** Keep only rows where each column equals its value (e.g. GROUP_TYPE=CCG). */
  where: { column: string; value: string }[];
  /** The file's own name for a column the framework's overrides look at, by the framework's name for it (--flag-col). */
  flagCols: Record<string, string>;
  /** Undefined: UTF-8 (or UTF-16LE with its byte order mark). */
  encoding?: Encoding | undefined;
  limits?: CsvLimits | undefined;
  /** Whether lines that cannot pass --where may skip the CSV parser (see LinePrefilter); the results are the same. */
  prefilter?: boolean | undefined;
  /**
   * Keep only the first this many problems of each code, in file order, and count the rest (see
   * DiagnosticCollector): what the CLI prints. Undefined or 0: keep every one.
   */
  maxPerCode?: number | undefined;
}

export const DEFAULT_VALUES_OPTIONS: ValuesOptions = {
  where: [],
  flagCols: {},
};
