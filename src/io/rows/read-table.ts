import type { Readable } from "node:stream";
import { error, hasErrors, type Diagnostic, type Origin } from "../../engine/diagnostics.js";
import { columnKey, columnOf, readHeader, rowLengthProblem, type Header } from "./header.js";
import { csvRows } from "./csv-rows.js";
import { inSheet, type RowSource } from "./row-source.js";

export interface TableRow {
  line: number;
  /** The trimmed cell of a named column ("" when the table has no such column). */
  cell(column: string): string;
  /** Where a column's cell is, for diagnostics (column 1 when the table has no such column). */
  at(column: string): Origin;
}

export interface TableRead {
  /** Lower-cased names of the columns found among those asked for (or of every column, see readTable). */
  columns: Set<string>;
  /** Header columns that are none of those asked for, where they are. */
  unused: { name: string; at: Origin }[];
  rows: TableRow[];
  diagnostics: Diagnostic[];
}

/**
 * A small CSV file whose columns are found by name, ignoring case (the successor map, a graded table,
 * an organisation list): all rows in memory, every missing column and bad row reported. `optional`
 * "all" finds every column of the header, for a reader that does not know them all beforehand
 * (a graded table has a framework's columns).
 */
export async function readTable(input: Readable, file: string, required: readonly string[], optional: readonly string[] | "all"): Promise<TableRead> {
  return readTableRows(csvRows(input, file), required, optional);
}

/** readTable from any row source: a CSV file's or a workbook sheet's rows. */
export async function readTableRows(source: RowSource, required: readonly string[], optional: readonly string[] | "all"): Promise<TableRead> {
  const file = source.file;
  const diagnostics: Diagnostic[] = [];
  const rows: TableRow[] = [];
  let cols: Map<string, number> | null = null;
  let header: Header | null = null;
  const unused: TableRead["unused"] = [];
  reading: for await (const batch of source.batches()) for (const event of batch) {
    if (event.kind === "error") {
      diagnostics.push(event.diagnostic);
      break reading;
    }
    if (event.kind === "warning") {
      diagnostics.push(event.diagnostic);
      continue;
    }
    const { cells, line } = event;
    if (cols === null) {
      const read = readHeader(cells, file, line);
      diagnostics.push(...read.diagnostics);
      header = read.header;
      const found = new Map<string, number>(optional === "all" ? read.header.index : []);
      for (const name of optional === "all" ? [] : [...required, ...optional]) {
        const col = columnOf(read.header, name);
        if (col !== undefined) found.set(columnKey(name), col);
      }
      cols = found;
      const known = new Set(found.values());
      read.header.names.forEach((name, i) => {
        if (!known.has(i)) unused.push({ name, at: { file, sheet: source.sheet, line, column: i + 1 } });
      });
      const missing = required.filter((name) => !found.has(columnKey(name)));
      if (missing.length > 0) {
        diagnostics.push(error("E_MISSING_COLUMN", `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`, { file, line, column: 1 }));
      }
      if (hasErrors(diagnostics)) break reading;
      continue;
    }
    const problem = rowLengthProblem(cells.length, header!, file, line);
    if (problem) {
      diagnostics.push(problem);
      continue;
    }
    const found = cols;
    const sheet = source.sheet;
    rows.push({
      line,
      cell: (name) => {
        const col = found.get(columnKey(name));
        return col === undefined ? "" : cells[col]!.trim();
      },
      at: (name) => ({ file, sheet, line, column: (found.get(columnKey(name)) ?? 0) + 1 }),
    });
  }
  if (cols === null && !hasErrors(diagnostics)) diagnostics.push(error("E_EMPTY_FILE", "file is empty", { file, line: 1, column: 1 }));
  return { columns: new Set(cols?.keys() ?? []), unused, rows, diagnostics: inSheet(source, diagnostics) };
}
