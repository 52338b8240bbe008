import { Readable } from "node:stream";
import { z } from "zod";
import { hasErrors, type Diagnostic, type Origin } from "../../engine/diagnostics.js";
import { notANumber, parseCell } from "../cell.js";
import { columnKey } from "../rows/header.js";
import { readTable } from "../rows/read-table.js";
import { locate, parseJson } from "../json/parse-json.js";
import { fromFormulaSafe } from "../output/formula-safe.js";

/**
 * The graded JSON that `rate --format json` writes, as far as reading it back needs: the framework
 * it names, and one object per organisation (and period), whose other keys are the framework's
 * columns (see gradedLayout).
 */
const GradedJson = z.object({
  framework: z.object({ id: z.string().min(1), categories: z.array(z.string().min(1)).min(1) }),
  organisations: z.array(
    z.looseObject({
      org_code: z.string().min(1),
      org_name: z.string().optional(),
      period: z.string().nullable().optional(),
      category: z.string().min(1),
      score: z.number().nullable().optional(),
      rank: z.number().int().positive().nullable().optional(),
    }),
  ),
});
type GradedJson = z.infer<typeof GradedJson>;

/** One row of a graded table: its cells by column name, and where each one is. */
export interface GradedTableRow {
  /** Where the row is, for a message about the whole row. */
  origin: Origin;
  /** The cell as the table holds it: CSV text ("" when there is no such column), a JSON string or number (null otherwise). */
  cell(column: string): string | number | null;
  /** The text the cell stands for: a CSV's formula-safe prefix taken away (see formula-safe.ts). */
  text(column: string): string;
  at(column: string): Origin;
  has(column: string): boolean;
}

export interface GradedTable {
  /** The file as messages name it. */
  file: string;
  format: "csv" | "json";
  /** The framework a graded JSON names; null for a CSV, which names none, or where the reader was told it. */
  framework: { id: string; categories: string[] } | null;
  /** Whether the rows have periods: a CSV's period column, or a JSON's period values. */
  hasPeriods: boolean;
  rows: GradedTableRow[];
  /** What the reading found that did not stop it: rows of the wrong length, warnings. */
  problems: Diagnostic[];
}

export type GradedTableRead = { ok: true; table: GradedTable } | { ok: false; diagnostics: Diagnostic[] };

export interface GradedTableOptions {
  /**
   * The reader knows the framework the table was rated with (report: from --framework, or from the
   * id the table names): a JSON table then need not name one, and the one it names is not read.
   */
  frameworkGiven?: boolean;
}

/**
 * A graded table written by `rate`, as CSV or JSON (told apart by the first character), read once for
 * both of its uses: the rows to compare (graded-rows.ts) and the rating it records (graded-rating.ts).
 */
export async function readGradedTable(text: string, file: string, options: GradedTableOptions = {}): Promise<GradedTableRead> {
  return isGradedJson(text) ? jsonTable(text, file, options) : csvTable(text, file);
}

/** The framework id a graded JSON names, or null (a graded CSV names none). */
export function gradedFrameworkId(text: string): string | null {
  try {
    const id = (JSON.parse(text.replace(/^\uFEFF/, "")) as { framework?: { id?: unknown } }).framework?.id;
    return typeof id === "string" ? id : null;
  } catch {
    return null;
  }
}

/** A cell read as a number, or as no value; one that is neither is reported. */
export function numberIn(row: GradedTableRow, column: string, diagnostics: Diagnostic[]): number | null {
  const cell = row.cell(column);
  if (cell === null || typeof cell === "number") return cell;
  const parsed = parseCell(cell, false);
  if (parsed.kind === "invalid") diagnostics.push(notANumber(cell, column, row.at(column)));
  return parsed.kind === "number" ? parsed.value : null;
}

function isGradedJson(text: string): boolean {
  return text.replace(/^\uFEFF/, "").trimStart().startsWith("{");
}

function jsonTable(text: string, file: string, options: GradedTableOptions): GradedTableRead {
  const schema: z.ZodType<Partial<GradedJson> & Pick<GradedJson, "organisations">> = options.frameworkGiven ? GradedJson.omit({ framework: true }) : GradedJson;
  const read = parseJson(text, file, schema, "E_NOT_A_GRADED_TABLE");
  if (!read.ok) return read;
  const { organisations } = read.data;
  const rows = organisations.map((o, i): GradedTableRow => {
    const cell = (column: string) => {
      const v = o[column];
      return typeof v === "number" || typeof v === "string" ? v : null;
    };
    const at = (column: string): Origin => ({ file, ...locate(read.locations, ["organisations", String(i), column]) });
    return {
      origin: at("org_code"),
      cell,
      text: (column) => String(cell(column) ?? ""),
      at,
      has: (column) => column in o,
    };
  });
  return {
    ok: true,
    table: {
      file,
      format: "json",
      framework: read.data.framework ?? null,
      hasPeriods: organisations.some((o) => o.period !== undefined && o.period !== null),
      rows,
      problems: [],
    },
  };
}

async function csvTable(text: string, file: string): Promise<GradedTableRead> {
  const table = await readTable(Readable.from([text]), file, ["org_code", "category"], "all");
  if (hasErrors(table.diagnostics) && table.rows.length === 0) return { ok: false, diagnostics: table.diagnostics };
  const rows = table.rows.map(
    (row): GradedTableRow => ({
      origin: { file, line: row.line },
      cell: (column) => row.cell(column),
      text: (column) => fromFormulaSafe(row.cell(column)),
      at: (column) => row.at(column),
      has: (column) => table.columns.has(columnKey(column)),
    }),
  );
  return { ok: true, table: { file, format: "csv", framework: null, hasPeriods: table.columns.has("period"), rows, problems: table.diagnostics } };
}
