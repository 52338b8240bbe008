import type { Framework } from "../../engine/framework/schema.js";
import type { PeriodRating } from "../../engine/rate.js";
import { compareText } from "../../engine/text-order.js";
import { csvRecord } from "./csv-record.js";
import { gradedLayout } from "./graded-table.js";

/** One period's rows of the graded CSV, as text, so that the period's results need not be kept. */
export interface CsvPeriodRows {
  period: string | null;
  /** The rows' organisation codes, in code order. */
  codes: string[];
  /** One CSV record per organisation, in the codes' order. */
  records: string[];
}

export function csvPeriodRows(framework: Framework, rated: PeriodRating): CsvPeriodRows {
  const { textRow } = gradedLayout(framework, rated.period !== null);
  return { period: rated.period, codes: rated.organisations.map((o) => o.code), records: rated.organisations.map((o) => csvRecord(textRow(o))) };
}

/**
 * The graded CSV from periods rendered one at a time (given in period order): the header, then the
 * rows by organisation code, then period, as renderRating orders them. Each piece is one record.
 */
export function* csvFromPeriods(framework: Framework, periods: readonly CsvPeriodRows[]): Generator<string> {
  yield csvRecord(gradedLayout(framework, periods.some((p) => p.period !== null)).columns);
  const next = periods.map(() => 0);
  for (;;) {
    let pick = -1;
    for (let p = 0; p < periods.length; p++) {
      const code = periods[p]!.codes[next[p]!];
      if (code !== undefined && (pick === -1 || compareText(code, periods[pick]!.codes[next[pick]!]!) < 0)) pick = p;
    }
    if (pick === -1) return;
    yield periods[pick]!.records[next[pick]!++]!;
  }
}
