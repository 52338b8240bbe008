import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { parseMarkdownGradedTable } from "../io/output/markdown.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Proc } from "./proc.js";

const MAX_LINES = 20;

/** Formats whose rows --check can name. */
type CheckFormat = "csv" | "json" | "md";

/**
 * --check: compare what would be written with the existing file and write nothing; exit 3 when it
 * would change, saying what would.
 */
export function checkOutput(path: string, shown: string, text: string, format: CheckFormat, proc: Proc): ExitCode {
  let existing: string;
  try {
    existing = readFileSync(path, "utf8");
  } catch {
    proc.stdout.write(`${shown}: does not exist; it would be written\n`);
    return EXIT.stale;
  }
  if (existing === text) {
    proc.stdout.write(`${shown}: up to date\n`);
    return EXIT.ok;
  }
  proc.stdout.write(`${shown}: would change\n${describeChanges(existing, text, format).map((l) => `  ${l}\n`).join("")}`);
  return EXIT.stale;
}

/**
 * What would change if the output were written again: rows added, removed or changed, keyed by
 * organisation and period, so a CI log says which organisations a stale table gets wrong.
 */
function describeChanges(oldText: string, newText: string, format: CheckFormat): string[] {
  const before = tableOf(oldText, format);
  const after = tableOf(newText, format);
  if (before === null || after === null) return firstDifferentLine(oldText, newText);
  if (before.columns.join("\u0000") !== after.columns.join("\u0000")) {
    return [`columns differ: was ${before.columns.join(",")}; now ${after.columns.join(",")}`];
  }
  const lines: string[] = [];
  const oldRows = keyed(before);
  const newRows = keyed(after);
  for (const [key, row] of newRows) {
    const was = oldRows.get(key);
    if (!was) lines.push(`+ ${key}: new row`);
    else {
      const changed = after.columns.flatMap((c, i) => (was[i] === row[i] ? [] : [`${c} ${show(was[i])} -> ${show(row[i])}`]));
      if (changed.length > 0) lines.push(`~ ${key}: ${changed.join(", ")}`);
    }
  }
  for (const key of oldRows.keys()) if (!newRows.has(key)) lines.push(`- ${key}: row would be removed`);
  if (lines.length === 0) lines.push("the rows are the same, but the file's bytes differ (formatting, line endings or summary)");
  return lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `... and ${lines.length - MAX_LINES} more`] : lines;
}

interface Table {
  columns: string[];
  rows: string[][];
}

/** For text that is not a graded table (a comparison in Markdown, a damaged file): where it first differs. */
function firstDifferentLine(oldText: string, newText: string): string[] {
  const before = oldText.split("\n");
  const after = newText.split("\n");
  const i = before.findIndex((line, n) => line !== after[n]);
  const at = i === -1 ? before.length : i;
  return [`first difference at line ${at + 1}: ${show(before[at])} -> ${show(after[at])}`];
}

function tableOf(text: string, format: CheckFormat): Table | null {
  try {
    if (format === "md") return parseMarkdownGradedTable(text);
    if (format === "json") {
      type Rows = Record<string, unknown>[];
      const doc = JSON.parse(text) as { organisations?: Rows; series?: Rows; points?: Rows };
      // A graded table's rows, or a trend's series or points.
      const rows = doc.organisations ?? doc.series ?? doc.points!;
      const columns = Object.keys(rows[0] ?? {});
      return { columns, rows: rows.map((o) => columns.map((c) => (o[c] === null || o[c] === undefined ? "" : String(o[c])))) };
    }
    const [columns, ...rows] = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
    return { columns: columns ?? [], rows };
  } catch {
    return null;
  }
}

/** Rows by organisation, then (in a trend) indicator, then period, as far as the table has them. */
function keyed(table: Table): Map<string, string[]> {
  const code = Math.max(0, table.columns.indexOf("org_code"));
  const parts = [code, table.columns.indexOf("indicator"), table.columns.indexOf("period")].filter((i) => i !== -1);
  return new Map(table.rows.map((r) => [parts.map((i) => r[i] ?? "").join(" "), r]));
}

function show(cell: string | undefined): string {
  return cell === undefined || cell === "" ? "(empty)" : JSON.stringify(cell).length === cell.length + 2 ? cell : JSON.stringify(cell);
}
