import { parse } from "csv-parse/sync";
import { error, type Diagnostic } from "../../engine/diagnostics.js";
import { readTextFile } from "../read-text-file.js";

/** One row of a graded table written by `rate`, as much of it as a comparison needs. */
export interface GradedRow {
  code: string;
  name: string;
  period: string | null;
  category: string;
  /** 1-based line of the row in a CSV file; absent for JSON. */
  line?: number;
}

export type GradedRead = { ok: true; rows: GradedRow[] } | { ok: false; diagnostics: Diagnostic[] };

const NEEDED = ["org_code", "category"] as const;

/** A graded table's text, CSV or JSON (told apart by its first character, as `rate` writes either). */
export function parseGradedTable(text: string, file: string): GradedRead {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return fail("E_EMPTY_FILE", "file is empty", file);
  return body.trimStart().startsWith("{") ? fromJson(body, file) : fromCsv(body, file);
}

function fromJson(text: string, file: string): GradedRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return fail("E_NOT_JSON", `not valid JSON: ${(e as Error).message}`, file);
  }
  const orgs = (doc as { organisations?: unknown }).organisations;
  if (!Array.isArray(orgs)) return fail("E_NOT_A_GRADED_TABLE", 'no "organisations" list: not a graded table written by ccg-ratings rate', file);
  const rows: GradedRow[] = [];
  for (const [i, o] of orgs.entries()) {
    const r = o as Record<string, unknown>;
    if (typeof r.org_code !== "string" || typeof r.category !== "string") {
      return fail("E_NOT_A_GRADED_TABLE", `organisations[${i}] needs "org_code" and "category" strings`, file);
    }
    rows.push({ code: r.org_code, name: typeof r.org_name === "string" ? r.org_name : "", period: typeof r.period === "string" ? r.period : null, category: r.category });
  }
  return { ok: true, rows };
}

function fromCsv(text: string, file: string): GradedRead {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (e) {
    return fail("E_CSV_SYNTAX", (e as Error).message, file);
  }
  const header = records[0]?.record ?? [];
  const data = records.slice(1);
  const col = (name: string) => header.indexOf(name);
  const missing = NEEDED.filter((n) => col(n) === -1);
  if (missing.length > 0) {
    return { ok: false, diagnostics: [error("E_NOT_A_GRADED_TABLE", `no column ${missing.map((m) => `"${m}"`).join(" or ")}: not a graded table written by ccg-ratings rate`, { file, line: 1, column: 1 })] };
  }
  const [code, name, period, category] = [col("org_code"), col("org_name"), col("period"), col("category")];
  const rows = data.map(({ record: cells, info }) => ({
    code: cells[code] ?? "",
    name: name === -1 ? "" : (cells[name] ?? ""),
    period: period === -1 ? null : (cells[period] ?? null),
    category: cells[category] ?? "",
    line: info.lines,
  }));
  return { ok: true, rows };
}

function fail(code: Diagnostic["code"], message: string, file: string): GradedRead {
  return { ok: false, diagnostics: [error(code, message, { file, line: 1, column: 1 })] };
}

export function readGradedTableFile(path: string, file: string): GradedRead {
  const read = readTextFile(path, file);
  return read.ok ? parseGradedTable(read.text, file) : read;
}
