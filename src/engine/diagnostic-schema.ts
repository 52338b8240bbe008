import { z } from "zod";

/**
 * Every problem the tool can report has a stable code, so scripts and tests can match on it
 * rather than on wording. Errors stop a run; warnings are reported and the run goes on.
 */
export const DiagnosticCode = z.enum([
  // files and their structure
  "E_FILE_NOT_FOUND",
  "E_FILE_UNREADABLE",
  "E_EMPTY_FILE",
  "E_NO_DATA",
  "E_CSV_SYNTAX",
  "E_ENCODING",
  "E_RECORD_TOO_LONG",
  "E_TOO_MANY_COLUMNS",
  "E_ROW_LENGTH",
  "E_DUPLICATE_COLUMN",
  "E_MISSING_COLUMN",
  "E_MISSING_INDICATOR",
  "E_NOT_JSON",
  "E_WRITE_FAILED",
  "E_NOT_A_WORKBOOK",
  "E_WORKBOOK_XLS",
  "E_WORKBOOK_ENCRYPTED",
  "E_WORKBOOK_CORRUPT",
  "E_NO_SHEET",
  // cell values
  "E_NOT_A_NUMBER",
  "E_NEGATIVE_COUNT",
  "E_NEGATIVE_SE",
  "E_BAD_CI",
  "E_NUMERATOR_GT_DENOMINATOR",
  "E_ZERO_DENOMINATOR",
  "E_DUPLICATE_ORG",
  "E_UNKNOWN_LABEL",
  "E_DUPLICATE_VALUE",
  "E_EMPTY_ORG_CODE",
  "E_NOT_A_GRADED_TABLE",
  "E_UNKNOWN_CATEGORY",
  // methodology
  "E_FRAMEWORK_INVALID",
  "E_BAD_POLARITY",
  "E_DUPLICATE_INDICATOR",
  "E_CUTS_NOT_MONOTONE",
  "E_BAD_WEIGHT",
  "E_BAD_UNIT",
  // comparison, explanation
  "E_MAP_SPLIT",
  "E_MAP_CYCLE",
  "E_FRAMEWORK_MISMATCH",
  "E_PERIOD_NOT_FOUND",
  "E_SEVERAL_PERIODS",
  "E_NOT_A_DATE",
  // trend
  "E_NO_PERIODS",
  "E_PERIOD_ORDER",
  // warnings
  "W_UNKNOWN_INDICATOR",
  "W_UNUSED_COLUMN",
  "W_ROWS_BELOW_TABLE",
  "W_OVER_100_PERCENT",
  "W_NOT_IN_ORG_LIST",
  "W_FEW_SCORED",
  "W_PERIOD_ORGS_DIFFER",
  "W_SHORT_SERIES",
  "W_HELD_FIXED",
]);
export type DiagnosticCode = z.infer<typeof DiagnosticCode>;

export const Diagnostic = z.object({
  code: DiagnosticCode,
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  file: z.string().optional(),
  sheet: z.string().optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;
