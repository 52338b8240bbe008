import type { Framework, Indicator } from "../../engine/framework/schema.js";
import type { IndicatorResult, RatedOrg, Rating } from "../../engine/rate.js";
import { formatFixed, formatValue } from "./format-number.js";

export type Cell = string | number | null;

export interface GradedTable {
  columns: string[];
  /** Per column: scores, written with a fixed 3 decimals in CSV. */
  fixed: boolean[];
  rows: Cell[][];
}

const SCORE_DECIMALS = 3;

interface Column {
  name: string;
  fixed: boolean;
  cell: (r: IndicatorResult) => Cell;
}

export interface GradedRows {
  columns: string[];
  fixed: boolean[];
  /** Made one at a time, so that a writer can stream a large table without holding it. */
  rows: Iterable<Cell[]>;
}

/**
 * The graded table as typed cells, one row per organisation and period: the single source for the
 * CSV and JSON writers, so both always carry the same columns in the same order.
 */
export function gradedTable(rating: Rating): GradedTable {
  const { columns, fixed, rows } = gradedRows(rating);
  return { columns, fixed, rows: [...rows] };
}

export function gradedRows(rating: Rating): GradedRows {
  const { columns, fixed, row } = gradedLayout(rating.framework, rating.organisations.some((o) => o.period !== null));
  function* rows(): Generator<Cell[]> {
    for (const org of rating.organisations) yield row(org);
  }
  return { columns, fixed, rows: rows() };
}

export interface GradedLayout {
  columns: string[];
  fixed: boolean[];
  /** One organisation's row, its cells in the columns' order. */
  row: (org: RatedOrg) => Cell[];
}

/** The graded table's columns for a framework, with a period column or not, and how to make a row. */
export function gradedLayout(fw: Framework, periods: boolean): GradedLayout {
  const perIndicator = fw.indicators.map(indicatorColumns);
  const league = fw.leagueTable === true;
  const columns = ["org_code", "org_name", ...(periods ? ["period"] : [])];
  const fixed = columns.map(() => false);
  for (const col of perIndicator.flat()) {
    columns.push(col.name);
    fixed.push(col.fixed);
  }
  for (const name of ["score", "category", ...(league ? ["rank"] : []), "decided_by", "notes"]) {
    columns.push(name);
    fixed.push(name === "score");
  }

  function row(org: RatedOrg): Cell[] {
    const cells: Cell[] = periods ? [org.code, org.name, org.period] : [org.code, org.name];
    for (let i = 0; i < perIndicator.length; i++) {
      const result = org.indicators[i]!;
      for (const col of perIndicator[i]!) cells.push(col.cell(result));
    }
    cells.push(org.score === null ? null : Number(formatFixed(org.score, SCORE_DECIMALS)), org.category);
    if (league) cells.push(org.rank);
    cells.push(org.decidedBy, org.notes);
    return cells;
  }
  return { columns, fixed, row };
}

/** The value, then what the method computed on the way (interval, z), then the band or the score. */
function indicatorColumns(ind: Indicator): Column[] {
  const number = (pick: (r: IndicatorResult) => number | null) => (r: IndicatorResult) => {
    const x = pick(r);
    return x === null ? null : Number(formatValue(x));
  };
  const value = number((r) => r.value);
  const columns: Column[] = [{ name: ind.id, fixed: false, cell: (r) => r.text ?? value(r) }];
  const method = ind.scoring.method;
  if (method === "standard-ci") {
    columns.push({ name: `${ind.id}_ci_lower`, fixed: false, cell: number((r) => r.ciLower) });
    columns.push({ name: `${ind.id}_ci_upper`, fixed: false, cell: number((r) => r.ciUpper) });
  }
  if (method === "z-score") columns.push({ name: `${ind.id}_z`, fixed: false, cell: number((r) => r.z) });
  if (method === "rank-score") {
    columns.push({ name: `${ind.id}_score`, fixed: true, cell: (r) => (r.score === null ? null : Number(formatFixed(r.score, SCORE_DECIMALS))) });
  } else {
    columns.push({ name: `${ind.id}_band`, fixed: false, cell: (r) => r.band });
  }
  return columns;
}

/** Text of a cell in CSV: numbers by the same rules as JSON, scores with a fixed 3 decimals. */
export function csvCellText(cell: Cell, fixed: boolean): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell;
  return fixed ? formatFixed(cell, SCORE_DECIMALS) : formatValue(cell);
}
