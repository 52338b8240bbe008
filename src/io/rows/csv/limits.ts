/** Sizes past which a CSV file is refused rather than allowed to exhaust memory. */
export interface CsvLimits {
  /** Longest record, in bytes (so also the longest field). */
  maxRecordBytes: number;
  /** Most columns in the header. */
  maxColumns: number;
}

export const DEFAULT_CSV_LIMITS: CsvLimits = { maxRecordBytes: 1024 * 1024, maxColumns: 10_000 };
