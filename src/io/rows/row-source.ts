import type { Diagnostic } from "../../engine/diagnostics.js";

/** One row of a table as text, and where it is in its file: a CSV's line, a sheet's row. */
export interface Row {
  cells: string[];
  line: number;
}

/**
 * A row (its fields in the event itself: an object fewer for each row of a large file); the problem
 * that ended the reading (a syntax error, a corrupt workbook); or a warning about what was not read as
 * rows (the notes below a workbook's table), after which the rows go on.
 */
export type RowEvent = ({ kind: "record" } & Row) | { kind: "error"; diagnostic: Diagnostic } | { kind: "warning"; diagnostic: Diagnostic };

/**
 * A table's rows from whatever file holds it (CSV, a workbook's sheet): the one way in for every
 * reader of tables, so that what rows mean (layout, --where, cells as numbers) is the same code for
 * every format. The first row given is the header. Rows come in batches, as the file gives them.
 */
export interface RowSource {
  /** The file as messages name it. */
  readonly file: string;
  /** The sheet the rows are from, once the first row is given; undefined for a CSV. */
  readonly sheet: string | undefined;
  batches(): AsyncIterable<RowEvent[]>;
  /** Rows left out before they were read as rows (see LinePrefilter): they count as read. */
  readonly unread: number;
  /** Which columns the reader looks at, once it knows: the others' cells may be left empty. */
  keepColumns?(columns: readonly number[]): void;
}

/** The diagnostics of a row source's file placed in its sheet, where the rows came from a workbook. */
export function inSheet(rows: RowSource, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map(placeInSheet(rows));
}

/** What places one diagnostic of a row source's file in its sheet (see inSheet). */
export function placeInSheet(rows: RowSource): (d: Diagnostic) => Diagnostic {
  const sheet = rows.sheet;
  if (sheet === undefined) return (d) => d;
  return (d) => (d.file === rows.file && d.line !== undefined && d.sheet === undefined ? { ...d, sheet } : d);
}
