import type { Readable } from "node:stream";
import { error, hasErrors, type Diagnostic, type Origin } from "../../engine/diagnostics.js";
import { columnOf, readHeader, rowLengthProblem, type Header } from "./header.js";
import { readRecords } from "./read-records.js";

export interface TableRow {
  line: number;
  /** The trimmed cell of a named column ("" when the table has no such column). */
  cell(column: string): string;
  /** Where a column's cell is, for diagnostics (column 1 when the table has no such column). */
  at(column: string): Origin;
}

export interface TableRead {
  /** Lower-cased names of the columns found among those asked for. */
  columns: Set<string>;
  /** Header columns that are none of those asked for, where they are. */
  unused: { name: string; at: Origin }[];
  rows: TableRow[];
  diagnostics: Diagnostic[];
}

/**
 * A small CSV file whose columns are found by name (the successor map, a graded table, an
 * organisation list): all rows in memory, every missing column and bad row reported.
 */
export async function readTable(input: Readable, file: string, required: readonly string[], optional: readonly string[]): Promise<TableRead> {
  const diagnostics: Diagnostic[] = [];
  const rows: TableRow[] = [];
  let cols: Map<string, number> | null = null;
  let header: Header | null = null;
  const unused: TableRead["unused"] = [];
  for await (const event of readRecords(input, file)) {
    if (event.kind === "error") {
      diagnostics.push(event.diagnostic);
      break;
    }
    const { cells, line } = event.record;
    if (cols === null) {
      const read = readHeader(cells, file, line);
      diagnostics.push(...read.diagnostics);
      header = read.header;
      const found = new Map<string, number>();
      for (const name of [...required, ...optional]) {
        const col = columnOf(read.header, name);
        if (col !== undefined) found.set(name, col);
      }
      cols = found;
      const known = new Set(found.values());
      read.header.names.forEach((name, i) => {
        if (!known.has(i)) unused.push({ name, at: { file, line, column: i + 1 } });
      });
      const missing = required.filter((name) => !found.has(name));
      if (missing.length > 0) {
        diagnostics.push(error("E_MISSING_COLUMN", `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`, { file, line, column: 1 }));
      }
      if (hasErrors(diagnostics)) break;
      continue;
    }
    const problem = rowLengthProblem(cells.length, header!, file, line);
    if (problem) {
      diagnostics.push(problem);
      continue;
    }
    const found = cols;
    rows.push({
      line,
      cell: (name) => {
        const col = found.get(name);
        return col === undefined ? "" : cells[col]!.trim();
      },
      at: (name) => ({ file, line, column: (found.get(name) ?? 0) + 1 }),
    });
  }
  if (cols === null && !hasErrors(diagnostics)) diagnostics.push(error("E_EMPTY_FILE", "file is empty", { file, line: 1, column: 1 }));
  return { columns: new Set(cols?.keys() ?? []), unused, rows, diagnostics };
}
