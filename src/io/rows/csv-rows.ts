import type { Readable } from "node:stream";
import { openCsvText, parseCsvText, type CsvTextOpened, type ReadRecordsOptions } from "./csv/read-records.js";
import type { RowSource } from "./row-source.js";

/** A CSV file's bytes, or its text already opened (see scan-thread.ts). */
export type CsvInput = Readable | Promise<CsvTextOpened>;

/** The rows of a CSV file: its lines, the prefilter and the scan threads are all inside. */
export function csvRows(input: CsvInput, file: string, options: ReadRecordsOptions = {}): RowSource {
  const skipped = { records: 0 };
  const recordOptions = { ...options, skipped };
  let opened: CsvTextOpened | null = null;
  return {
    file,
    sheet: undefined,
    get unread() {
      return skipped.records;
    },
    async *batches() {
      opened = await (input instanceof Promise ? input : openCsvText(input, file, recordOptions));
      yield* parseCsvText(opened, file, recordOptions);
    },
    keepColumns(columns) {
      if (opened?.ok) opened.text.keepColumns?.(columns);
    },
  };
}
