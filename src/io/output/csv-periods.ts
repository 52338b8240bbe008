import type { Framework } from "../../engine/framework/schema.js";
import type { RatedOrg } from "../../engine/rate.js";
import type { ProbabilityOf } from "../../engine/uncertainty/category-probabilities.js";
import { compareText } from "../../engine/text-order.js";
import { csvRecord } from "./csv-record.js";
import { gradedLayout } from "./graded-table.js";

/** One organisation's row of the graded CSV as text, so that its results need not be kept. */
export interface CsvRow {
  code: string;
  /** The CSV record. */
  line: string;
}

/** How a period's rated rows become CSV rows, with their category probabilities when given. */
export function csvRowOf(framework: Framework, period: string | null, probabilities?: ProbabilityOf): (org: RatedOrg) => CsvRow {
  const { csvLine } = gradedLayout(framework, period !== null, probabilities);
  return (org) => ({ code: org.code, line: csvLine(org) });
}

/**
 * The graded CSV from periods rendered one at a time (given in period order, each period's rows in code
 * order): the header, then the rows by organisation code, then period, as renderRating orders them.
 * Each piece is one record.
 */
export function* csvFromPeriods(framework: Framework, periods: readonly { period: string | null; rows: readonly CsvRow[] }[], probabilities?: ProbabilityOf): Generator<string> {
  yield csvRecord(gradedLayout(framework, periods.some((p) => p.period !== null), probabilities).columns);
  const next = periods.map(() => 0);
  for (;;) {
    let pick = -1;
    for (let p = 0; p < periods.length; p++) {
      const row = periods[p]!.rows[next[p]!];
      if (row !== undefined && (pick === -1 || compareText(row.code, periods[pick]!.rows[next[pick]!]!.code) < 0)) pick = p;
    }
    if (pick === -1) return;
    yield periods[pick]!.rows[next[pick]!++]!.line;
  }
}
