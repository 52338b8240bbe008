import { parse } from "csv-parse/sync";
import { parseMarkdownGradedTable } from "../io/output/markdown.js";
import type { OutputFormat } from "../io/output/render.js";

const MAX_LINES = 20;

/**
 * What would change if the output were written again: rows added, removed or changed, keyed by
 * organisation and period, so a CI log says which organisations a stale table gets wrong.
 */
export function describeChanges(oldText: string, newText: string, format: OutputFormat): string[] {
  const before = tableOf(oldText, format);
  const after = tableOf(newText, format);
  if (before === null) return ["the existing file cannot be read as a graded table"];
  if (before.columns.join("\u0000") !== after!.columns.join("\u0000")) {
    return [`columns differ: was ${before.columns.join(",")}; now ${after!.columns.join(",")}`];
  }
  const lines: string[] = [];
  const oldRows = keyed(before);
  const newRows = keyed(after!);
  for (const [key, row] of newRows) {
    const was = oldRows.get(key);
    if (!was) lines.push(`+ ${key}: new row`);
    else {
      const changed = after!.columns.flatMap((c, i) => (was[i] === row[i] ? [] : [`${c} ${show(was[i])} -> ${show(row[i])}`]));
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

function tableOf(text: string, format: OutputFormat): Table | null {
  try {
    if (format === "md") return parseMarkdownGradedTable(text);
    if (format === "json") {
      const doc = JSON.parse(text) as { organisations: Record<string, unknown>[] };
      const columns = Object.keys(doc.organisations[0] ?? {});
      return { columns, rows: doc.organisations.map((o) => columns.map((c) => (o[c] === null || o[c] === undefined ? "" : String(o[c])))) };
    }
    const [columns, ...rows] = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
    return { columns: columns ?? [], rows };
  } catch {
    return null;
  }
}

function keyed(table: Table): Map<string, string[]> {
  const code = Math.max(0, table.columns.indexOf("org_code"));
  const period = table.columns.indexOf("period");
  return new Map(table.rows.map((r) => [period === -1 ? (r[code] ?? "") : `${r[code]} ${r[period]}`, r]));
}

function show(cell: string | undefined): string {
  return cell === undefined || cell === "" ? "(empty)" : JSON.stringify(cell).length === cell.length + 2 ? cell : JSON.stringify(cell);
}
