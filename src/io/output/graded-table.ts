import type { Rating } from "../../engine/rate.js";
import { formatFixed, formatValue } from "./format-number.js";

export type Cell = string | number | null;

export interface GradedTable {
  columns: string[];
  rows: Cell[][];
}

const SCORE_DECIMALS = 3;

/**
 * The graded table as typed cells, one row per organisation and period: the single source for the
 * CSV and JSON writers, so both always carry the same columns in the same order.
 */
export function gradedTable(rating: Rating): GradedTable {
  const periods = rating.organisations.some((o) => o.period !== null);
  const columns = ["org_code", "org_name", ...(periods ? ["period"] : [])];
  for (const ind of rating.framework.indicators) columns.push(ind.id, `${ind.id}_band`);
  columns.push("score", "category", "notes");

  const rows = rating.organisations.map((org) => {
    const row: Cell[] = [org.code, org.name, ...(periods ? [org.period] : [])];
    for (const ind of org.indicators) row.push(ind.value === null ? null : Number(formatValue(ind.value)), ind.band);
    row.push(org.score === null ? null : Number(formatFixed(org.score, SCORE_DECIMALS)), org.category, org.notes);
    return row;
  });
  return { columns, rows };
}

/** Text of a cell in CSV: numbers by the same rules as JSON, scores with a fixed 3 decimals. */
export function csvCellText(column: string, cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell;
  return column === "score" ? formatFixed(cell, SCORE_DECIMALS) : formatValue(cell);
}
