import { error, type Diagnostic } from "../../engine/diagnostics.js";

export interface Header {
  names: string[];
  /** Lower-cased, trimmed name -> 0-based index. Matching ignores case: "ORG_CODE" is "org_code". */
  index: Map<string, number>;
}

export function readHeader(cells: readonly string[], file: string, line: number): { header: Header; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const index = new Map<string, number>();
  const names = cells.map((c) => c.trim());
  names.forEach((name, i) => {
    const key = columnKey(name);
    const seen = index.get(key);
    if (seen !== undefined) {
      diagnostics.push(error("E_DUPLICATE_COLUMN", `column "${name}" appears twice (also column ${seen + 1})`, { file, line, column: i + 1 }));
    } else if (key !== "") {
      index.set(key, i);
    }
  });
  return { header: { names, index }, diagnostics };
}

export function columnOf(header: Header, name: string): number | undefined {
  return header.index.get(columnKey(name));
}

/** What a column is found by: its name trimmed, ignoring case. */
export function columnKey(name: string): string {
  return name.trim().toLowerCase();
}

/** One diagnostic for a record whose cell count differs from the header's. */
export function rowLengthProblem(cells: number, header: Header, file: string, line: number): Diagnostic | null {
  const expected = header.names.length;
  if (cells === expected) return null;
  return error("E_ROW_LENGTH", `row has ${cells} cells, the header has ${expected}`, {
    file,
    line,
    column: Math.min(cells, expected) + 1,
  });
}
