import { isWorkbookName, openRows } from "../rows/open-rows.js";
import type { Source } from "../source.js";
import type { ValuesOptions } from "./options.js";
import { isValuesHeader, readValuesRows, recordOptionsOf } from "./read-values.js";
import { startValuesRead, type ValuesReading } from "./split-read.js";

/** How to read a values file, beyond what its columns mean (ValuesOptions). */
export interface OpenValuesOptions {
  /** Threads to read a CSV file on; undefined: as many as pay for what there is to parse. */
  threads?: number | undefined;
  /** A workbook's sheet, by name or place (1: the first tab), and its header row. */
  sheet?: string | undefined;
  headerRow?: number | undefined;
  /** Told of the bytes of a CSV file read, as they are read (on whichever thread). */
  progress?: ((bytes: number) => void) | undefined;
}

/**
 * Begin reading a values file, of whichever format: a CSV file on disk is started now, on as many
 * threads as pay, while the framework is loaded (see startValuesRead); a workbook's sheet, or CSV from
 * stdin, is read through its row source (openRows) once the framework is known. `file` is the name
 * messages give the file. `read` gives the values; `cancel` if it will never be asked for.
 */
export function openValues(source: Source, file: string, options: ValuesOptions, how: OpenValuesOptions = {}): ValuesReading {
  if (!isWorkbookName(source.name) && source.path !== null && source.size !== null) {
    return startValuesRead({ path: source.path, size: source.size, file, open: source.open }, options, how.threads, how.progress);
  }
  const choice = { sheet: how.sheet, headerRow: how.headerRow };
  return {
    read: async (framework) => readValuesRows(await openRows(source, file, { ...choice, isHeader: isValuesHeader(framework, options) }, recordOptionsOf(options)), framework, options),
    cancel: () => {},
  };
}
