import type ExcelJS from "exceljs";
import { error, warning, type Diagnostic } from "../../engine/diagnostics.js";
import type { Row, RowEvent, RowSource } from "./row-source.js";
import { workbookProblem } from "./workbook-problem.js";
import { cellText } from "./xlsx-cell.js";
import { openWorkbook, type WorkbookSheet } from "./open-workbook.js";
import { sheetMerges, withMerges, type Merge } from "./sheet-merges.js";

/** Which sheet of a workbook holds the table, and which of its rows is the header. */
export interface SheetChoice {
  /** --sheet: a sheet's name, or its place among the tabs (1 is the first); undefined: the first with a header. */
  sheet?: string | undefined;
  /** --header-row: the header's row; undefined: the first row that has the column names needed. */
  headerRow?: number | undefined;
  /** Whether a row has the column names the reader needs (title rows above the header do not). */
  isHeader(cells: readonly string[]): boolean;
}

/** Published workbooks put a few title and note rows above the header; a header further down is not looked for. */
const HEADER_SEARCH_ROWS = 50;
/** Rows a batch: as a CSV chunk gives them. */
const BATCH_ROWS = 1000;

/**
 * The rows of one sheet of an .xlsx workbook, streamed (see openWorkbook: shared strings and styles
 * are held, rows are not), each cell as the text a CSV of it would hold (see cellText). Rows
 * are numbered as the sheet numbers them and cells start at column A, so a row's `line` and a cell's
 * column are the sheet's own: C7. Empty rows, and columns right of the header's last name, are left out.
 */
export function xlsxRows(path: string, file: string, choice: SheetChoice): RowSource {
  let sheet: string | undefined;
  return {
    file,
    get sheet() {
      return sheet;
    },
    unread: 0,
    async *batches(): AsyncGenerator<RowEvent[]> {
      const problem = workbookProblem(path, file);
      if (problem !== null) {
        yield [{ kind: "error", diagnostic: problem }];
        return;
      }
      try {
        // A first look for the sheet with the header; failing that, the first sheet (or the one named) as it is.
        let merges: Promise<Map<string, Merge[]>> | null = null;
        const mergesOf = (name: string) => async () => ((await (merges ??= sheetMerges(path).catch(() => new Map<string, Merge[]>()))).get(name) ?? []);
        // Opened once: the second look streams the sheets again, not the zip's directory.
        const { tabs, sheets } = await openWorkbook(path);
        if (sheets.length === 0) {
          yield [{ kind: "error", diagnostic: error("E_WORKBOOK_CORRUPT", "has no worksheets: it is not an Excel workbook, or it is damaged", { file }) }];
          return;
        }
        for (const forced of [false, true]) {
          for (const found of sheets) {
            if (!chosen(found, sheets[0] === found, choice, forced)) continue;
            const rows = found.rows();
            const header = await findHeader(rows, choice, forced || choice.sheet !== undefined, mergesOf(found.name));
            if (header === null) {
              await rows.return?.();
              continue;
            }
            sheet = found.name;
            if (header.kind === "missing") {
              const diagnostic =
                choice.headerRow === undefined
                  ? error("E_EMPTY_FILE", "the sheet is empty", { file, sheet })
                  : error("E_EMPTY_FILE", `row ${choice.headerRow} (--header-row) is empty`, { file, sheet, line: choice.headerRow });
              yield [{ kind: "error", diagnostic }];
              return;
            }
            yield* tableRows(header, rows, { file, sheet });
            return;
          }
          if (choice.sheet !== undefined) {
            yield [{ kind: "error", diagnostic: error("E_NO_SHEET", `no sheet "${choice.sheet}" (the sheets are: ${tabs.map((t) => `"${t}"`).join(", ")})`, { file }) }];
            return;
          }
        }
      } catch (e) {
        yield [{ kind: "error", diagnostic: corrupt(e, file) }];
      }
    },
  };
}

function chosen(found: WorkbookSheet, first: boolean, choice: SheetChoice, forced: boolean): boolean {
  const wanted = choice.sheet;
  if (wanted === undefined) return !forced || first;
  if (found.name.toLowerCase() === wanted.trim().toLowerCase()) return true;
  return /^\d+$/.test(wanted.trim()) && found.position === Number(wanted);
}

/** The header row, and the rows below it already read while looking for it. */
type Header = { kind: "found"; row: Row; below: Row[] } | { kind: "missing" };

/**
 * The header row: `--header-row`'s, or the first of the first rows that has the names needed, looked
 * for again with merged cells filled in (see withMerges) when none has. Null when the sheet has none
 * and is not `forced`; a forced sheet without one has its first row taken, so that the reader says
 * which names are missing.
 */
async function findHeader(rows: AsyncIterator<ExcelJS.Row>, choice: SheetChoice, forced: boolean, merges: () => Promise<Merge[]>): Promise<Header | null> {
  const looked: Row[] = [];
  let written = 0;
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    const row = asRow(next.value);
    if (choice.headerRow !== undefined && row.line > choice.headerRow) break;
    looked.push(row);
    if (choice.headerRow !== undefined) {
      if (row.line === choice.headerRow && choice.isHeader(row.cells)) return { kind: "found", row, below: [] };
      continue;
    }
    if (isEmpty(row)) continue;
    if (choice.isHeader(row.cells)) return { kind: "found", row, below: [] };
    if (++written >= HEADER_SEARCH_ROWS) break;
  }
  const filled = withMerges(looked, await merges());
  const at = filled.findIndex((row) =>
    choice.headerRow === undefined ? !isEmpty(row) && choice.isHeader(row.cells) : row.line === choice.headerRow && (forced || choice.isHeader(row.cells)),
  );
  const first = at !== -1 ? at : forced && choice.headerRow === undefined ? filled.findIndex((row) => !isEmpty(row)) : -1;
  if (first === -1) return forced ? { kind: "missing" } : null;
  return { kind: "found", row: filled[first]!, below: looked.slice(first + 1) };
}

function isEmpty(row: Row): boolean {
  return row.cells.every((c) => c.trim() === "");
}

/** The header, then each row below it that is not empty, as wide as the header's names reach, to the table's end. */
async function* tableRows(
  { row: header, below }: { row: Row; below: Row[] },
  rows: AsyncIterator<ExcelJS.Row>,
  { file, sheet }: { file: string; sheet: string },
): AsyncGenerator<RowEvent[]> {
  let width = header.cells.length;
  while (width > 0 && header.cells[width - 1] === "") width--;
  const fit = (cells: string[]) => {
    const out = cells.slice(0, width);
    while (out.length < width) out.push("");
    return out;
  };
  yield [{ kind: "record", cells: fit(header.cells), line: header.line }];
  let batch: RowEvent[] = [];
  const rest = (async function* () {
    yield* below;
    for (let next = await rows.next(); !next.done; next = await rows.next()) yield asRow(next.value);
  })();
  let last = header.line;
  let data = 0;
  let ended = false;
  for await (const row of rest) {
    const cells = fit(row.cells);
    if (cells.every((c) => c.trim() === "")) {
      ended ||= data > 0;
      continue;
    }
    // The table ends at its first empty row (one the sheet leaves out is empty too): below it,
    // published workbooks put notes and totals, which are not organisations.
    if (ended || (data > 0 && row.line > last + 1)) {
      const text = cells.find((c) => c.trim() !== "")!.trim();
      const note = `the table ends at row ${last + 1}, which is empty: row ${row.line} and those below it are not read ("${text.length > 40 ? `${text.slice(0, 40)}...` : text}"); delete the empty row to read them`;
      batch.push({ kind: "warning", diagnostic: warning("W_ROWS_BELOW_TABLE", note, { file, sheet, line: row.line, column: cells.findIndex((c) => c.trim() !== "") + 1 }) });
      break;
    }
    batch.push({ kind: "record", cells, line: row.line });
    data++;
    last = row.line;
    if (batch.length >= BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function asRow(row: ExcelJS.Row): Row {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    while (cells.length < column - 1) cells.push("");
    cells[column - 1] = cellText(cell.value, cell.numFmt);
  });
  return { cells, line: row.number };
}

function corrupt(e: unknown, file: string): Diagnostic {
  const why = (e instanceof Error ? e.message : String(e)).split("\n")[0];
  return error("E_WORKBOOK_CORRUPT", `cannot be read as an .xlsx workbook (${why}): it may be damaged; open it in Excel and save it again`, { file });
}
