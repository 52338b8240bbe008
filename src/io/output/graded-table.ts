import type { Framework, Indicator } from "../../engine/framework/schema.js";
import type { IndicatorResult, RatedOrg, Rating } from "../../engine/rate.js";
import type { ProbabilityOf } from "../../engine/uncertainty/category-probabilities.js";
import type { RankSetOf } from "../../engine/uncertainty/rank-sets.js";
import { csvField } from "./csv-record.js";
import { formatFixed, formatValue } from "./format-number.js";

export type Cell = string | number | null;

const SCORE_DECIMALS = 3;
/** 2,000 draws resolve a probability to 0.0005: three decimals say all a default run knows. */
const PROBABILITY_DECIMALS = 3;

/**
 * A column's cell as written (null when empty), and whether it stands for a number, which JSON writes
 * as one. The text is made once and the typed cell read back from it, so CSV, Markdown and JSON
 * always agree and no number is formatted twice (a GP-level table has two million).
 */
interface Column {
  name: string;
  text: (r: IndicatorResult) => string | null;
  numeric: (r: IndicatorResult) => boolean;
}

const always = () => true;

export interface GradedRows {
  columns: string[];
  /** Made one at a time, so that a writer can stream a large table without holding it. */
  rows: Iterable<Cell[]>;
  textRows: Iterable<string[]>;
  csvLines: Iterable<string>;
}

/**
 * The graded table as typed cells and as text, one row per organisation and period: the single
 * source for the CSV, Markdown and JSON writers, so all carry the same columns in the same order.
 */
export function gradedRows(rating: Rating, probabilities?: ProbabilityOf, rankSets?: RankSetOf): GradedRows {
  const { columns, row, textRow, csvLine } = gradedLayout(rating.framework, rating.organisations.some((o) => o.period !== null), probabilities, rankSets);
  function* each<T>(make: (org: RatedOrg) => T): Generator<T> {
    for (const org of rating.organisations) yield make(org);
  }
  return { columns, rows: each(row), textRows: each(textRow), csvLines: each(csvLine) };
}

export interface GradedLayout {
  columns: string[];
  /** One organisation's row, its cells in the columns' order. */
  row: (org: RatedOrg) => Cell[];
  /** The same row as the text of each cell. */
  textRow: (org: RatedOrg) => string[];
  /** The same row as a CSV record, `csvRecord(textRow(org))`: a number's text is never quoted, so only the others are looked at. */
  csvLine: (org: RatedOrg) => string;
}

/**
 * The graded table's columns for a framework, with a period column or not, and how to make a row.
 * With `probabilities` (rate --uncertainty), each category's probability and that of the category
 * given follow the category: p_1 (the best) to p_K, category_confidence. With `rankSets` (rate
 * --rank-intervals), rank_lower and rank_upper follow the league table's rank and rank_of, or where
 * there is none, the category and its probabilities.
 */
export function gradedLayout(fw: Framework, periods: boolean, probabilities?: ProbabilityOf, rankSets?: RankSetOf): GradedLayout {
  const perIndicator = fw.indicators.map(indicatorColumns);
  const league = fw.leagueTable === true;
  const columns = ["org_code", "org_name", ...(periods ? ["period"] : []), ...perIndicator.flat().map((c) => c.name)];
  columns.push("score", "category");
  if (probabilities) columns.push(...fw.categories.map((_, k) => `p_${k + 1}`), "category_confidence");
  columns.push(...(league ? ["rank", "rank_of"] : []), ...(rankSets ? ["rank_lower", "rank_upper"] : []), "decided_by", "notes");

  // Filled by index: a GP-level table has 23,000 rows of 60 cells, and pushing grew each row's array four times.
  function cells<T>(org: RatedOrg, make: (text: string | null, numeric: boolean) => T, out = new Array<T>(columns.length)): T[] {
    let k = 0;
    out[k++] = make(org.code, false);
    out[k++] = make(org.name, false);
    if (periods) out[k++] = make(org.period, false);
    for (let i = 0; i < perIndicator.length; i++) {
      const result = org.indicators[i]!;
      const indicatorColumns = perIndicator[i]!;
      for (let c = 0; c < indicatorColumns.length; c++) out[k++] = make(indicatorColumns[c]!.text(result), indicatorColumns[c]!.numeric(result));
    }
    out[k++] = make(org.score === null ? null : formatFixed(org.score, SCORE_DECIMALS), true);
    out[k++] = make(org.category, false);
    if (probabilities) {
      const p = probabilities(org);
      const cell = (x: number | undefined) => make(p === null || x === undefined ? null : formatFixed(x, PROBABILITY_DECIMALS), true);
      for (let c = 0; c < fw.categories.length; c++) out[k++] = cell(p?.[c]);
      out[k++] = cell(org.categoryIndex === null ? undefined : p?.[org.categoryIndex]);
    }
    if (league) {
      out[k++] = make(org.rank === null ? null : String(org.rank), true);
      out[k++] = make(org.rankOf === null ? null : String(org.rankOf), true);
    }
    if (rankSets) {
      const set = rankSets(org);
      out[k++] = make(set === null ? null : String(set.rankLower), true);
      out[k++] = make(set === null ? null : String(set.rankUpper), true);
    }
    out[k++] = make(org.decidedBy, false);
    out[k++] = make(org.notes, false);
    return out;
  }
  const typed = (text: string | null, numeric: boolean): Cell => (text === null ? null : numeric ? Number(text) : text);
  const plain = (text: string | null): string => text ?? "";
  const csv = (text: string | null, numeric: boolean): string => (text === null ? "" : numeric ? text : csvField(text));
  // A CSV record's cells are joined as soon as they are made, so one array serves every record.
  const csvCells = new Array<string>(columns.length);
  return {
    columns,
    row: (org) => cells(org, typed),
    textRow: (org) => cells(org, plain),
    csvLine: (org) => `${cells(org, csv, csvCells).join(",")}\n`,
  };
}

/** The value, then what the method computed on the way (interval, z), then the band or the score. */
function indicatorColumns(ind: Indicator): Column[] {
  const number = (name: string, pick: (r: IndicatorResult) => number | null): Column => ({
    name,
    text: (r) => {
      const x = pick(r);
      return x === null ? null : formatValue(x);
    },
    numeric: always,
  });
  const value = number(ind.id, (r) => r.value);
  // A categorical indicator's value is its label.
  const columns: Column[] = [{ name: ind.id, text: (r) => r.text ?? value.text(r), numeric: (r) => r.text === null }];
  const method = ind.scoring.method;
  if (method === "standard-ci") columns.push(number(`${ind.id}_ci_lower`, (r) => r.ciLower), number(`${ind.id}_ci_upper`, (r) => r.ciUpper));
  if (method === "z-score") columns.push(number(`${ind.id}_z`, (r) => r.z));
  if (method === "rank-score") {
    columns.push({ name: `${ind.id}_score`, text: (r) => (r.score === null ? null : formatFixed(r.score, SCORE_DECIMALS)), numeric: always });
  } else {
    columns.push({ name: `${ind.id}_band`, text: (r) => (r.band === null ? null : String(r.band)), numeric: always });
  }
  return columns;
}
