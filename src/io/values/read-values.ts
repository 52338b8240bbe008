import type { Dataset } from "../../engine/dataset/schema.js";
import { DiagnosticCollector, type CollectorParts } from "../../engine/diagnostic-collector.js";
import { error, hasErrors, warning, type Diagnostic } from "../../engine/diagnostics.js";
import type { Framework, Indicator } from "../../engine/framework/schema.js";
import { notANumber, parseCell } from "../cell.js";
import { columnOf, readHeader, rowLengthProblem, type Header } from "../csv/header.js";
import type { ReadRecordsOptions } from "../csv/read-records.js";
import { csvRows, type CsvInput } from "../rows/csv-rows.js";
import { placeInSheet, type RowSource } from "../rows/row-source.js";
import type { ValuesOptions } from "./options.js";
import { orgPeriodKey } from "../../engine/dataset/org-period.js";
import { KIND, ValuesStore, type Kind, type StoreParts } from "./values-store.js";
import { isPercentUnit } from "../../engine/framework/units.js";
import { needsCounts } from "../../engine/scoring/needs-counts.js";
import { compareText } from "../../engine/text-order.js";
import { resolveLayout } from "./layout.js";

export interface ValuesRead {
  /** The values compactly; `dataset` makes the engine's objects of all of them, once, when first asked. */
  values: ValuesStore;
  /** How many parts the file was read in (see split-read.ts). */
  parts: number;
  readonly dataset: Dataset;
  /** Every problem found; under `maxPerCode`, the first of each code (see `collected` for the counts). */
  diagnostics: Diagnostic[];
  /** The problems with their counts per code, however many were kept. */
  collected: DiagnosticCollector;
}

/** Where a bare value's standard error and confidence limits are, those the file has. */
interface SpreadColumns {
  se: number | undefined;
  ciLower: number | undefined;
  ciUpper: number | undefined;
}

type Source = { kind: "value"; col: number; spread: SpreadColumns } | { kind: "fraction"; numCol: number; denCol: number };

interface Plan {
  layout: "wide" | "long";
  orgCol: number;
  nameCol: number | undefined;
  periodCol: number | undefined;
  where: { col: number; value: string }[];
  /** Columns the framework's overrides look at, by the name the framework gives them. */
  attributes: Map<string, number>;
  /** Wide layout: where each indicator's cells are. */
  wide: Map<string, Source>;
  /** Long layout columns. */
  indicatorCol: number;
  valueCol: number | undefined;
  numCol: number | undefined;
  denCol: number | undefined;
  /** Long layout: the column of the publisher's own comparison of each value (see Layout). */
  comparisonCol: number | undefined;
  /** Long layout: columns that tell rows of one organisation, indicator and period apart (see Layout). */
  splits: { name: string; col: number }[];
  valueFirst: boolean;
  /** Every filter, as said when no row passes them. */
  filters: string;
  /** Long layout: where a bare value's standard error and confidence limits are. */
  spread: SpreadColumns;
}

/**
 * One stretch of a values file read on its own (the whole file, or one of the parts read in parallel):
 * what `finishRead` needs to put the parts together as if the file had been read in one go.
 * Plain data, so that it can come back from a worker thread.
 */
export interface SegmentRead {
  /** Null when the header could not be read or planned from; parts when it came from another thread. */
  store: ValuesStore | StoreParts | null;
  /**
   * Problems found, but for the first warning about each unknown indicator (in `unknown`); a second
   * value is tagged with its indicator's index, for `finishRead` to say there which split columns differ.
   */
  diagnostics: DiagnosticCollector | CollectorParts;
  /** The first warning about each indicator not in the framework, by indicator id. */
  unknown: [string, Diagnostic][];
  seen: string[];
  /** Long layout: the override columns' values per organisation and period, from any of its rows. */
  attributes: [string, Record<string, string>][];
  dataRows: number;
  keptRows: number;
  /** Whether reading stopped at an error in the file itself (CSV syntax, encoding, a limit). */
  stopped: boolean;
  /** The values of each split column (see Plan) seen for each indicator, by [indicator][split column]: a few of each. */
  splitValues: string[][][];
  /**
   * Values that could not be read, five numbers each, one after the other (a file of 500,000 unreadable
   * values holds no array per value): record, indicator, line, number of the first diagnostic (see
   * DiagnosticCollector.push), diagnostics. Had an earlier part held a value for them, one read would
   * have said "second value" instead. Each diagnostic is an E_NOT_A_NUMBER error: a cell that is not a
   * number is the only reason observe leaves a value unread.
   */
  unread: number[];
  /** What the header gave that the end of the read looks at; null when it gave no plan. */
  shape: { long: boolean; hasPeriods: boolean; periodColumn: number | null; indicatorColumn: number; indicatorColumnName: string; filters: string; splits: string[] } | null;
}

/**
 * Read a values file in wide (one row per organisation) or long (one row per organisation x indicator
 * [x period]) layout into the engine's dataset. Streams: only the rows kept are held in memory.
 * Reports every problem it finds, not only the first.
 */
export async function readValues(input: ValuesInput, file: string, framework: Framework, options: ValuesOptions): Promise<ValuesRead> {
  return readValuesRows(csvRows(input, file, recordOptionsOf(options)), framework, options);
}

/** readValues from any row source: a CSV file's or a workbook sheet's rows. */
export async function readValuesRows(rows: RowSource, framework: Framework, options: ValuesOptions): Promise<ValuesRead> {
  const read = finishRead([await readSegment(rows, framework, options, true)], rows.file, framework);
  read.collected = read.collected.map(placeInSheet(rows));
  read.diagnostics = read.collected.list();
  return read;
}

/**
 * Whether a row can be a values file's header: it names the organisation column, and the indicator
 * column or one of the framework's indicators. What finds the header below a workbook's title rows.
 */
export function isValuesHeader(framework: Framework, options: ValuesOptions): (cells: readonly string[]) => boolean {
  const indicatorNames = framework.indicators.flatMap((i) => [i.id, `${i.id}_numerator`]);
  return (cells) => {
    // The row read as a header, so that its layout (ours or a Fingertips export's) names the columns looked for.
    const { header } = readHeader(cells, "", 1);
    const { columns } = resolveLayout(header, options);
    return columnOf(header, columns.org) !== undefined && [columns.indicator, ...indicatorNames].some((name) => columnOf(header, name) !== undefined);
  };
}

/** A values file's bytes, or its text already opened (see scan-thread.ts). */
export type ValuesInput = CsvInput;

/** How the CSV reader is to read a values file: with `--where`, lines that cannot match may be left out. */
export function recordOptionsOf(options: ValuesOptions): ReadRecordsOptions {
  return {
    encoding: options.encoding,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.prefilter !== false && options.where.length > 0 ? { onlyLinesWith: options.where.map((w) => w.value) } : {}),
  };
}

/**
 * Read the rows of `rows`. A segment after the first starts with the file's header line (so that
 * it plans its columns alike) and leaves the header's problems to the first; its line numbers count
 * the header as line 1 and its own first line as line 2, and `finishRead` moves them into place.
 */
export async function readSegment(rows: RowSource, framework: Framework, options: ValuesOptions, first: boolean): Promise<SegmentRead> {
  const file = rows.file;
  const diagnostics = new DiagnosticCollector(options.maxPerCode ?? 0);
  const indicators = new Map(framework.indicators.map((i, index) => [i.id, { indicator: i, index }]));
  const attributesByKey = new Map<string, Record<string, string>>();
  const unknown = new Map<string, Diagnostic>();
  const seen = new Set<string>();
  let header: Header | null = null;
  let plan: Plan | null = null;
  let store: ValuesStore | null = null;
  let dataRows = 0;
  let keptRows = 0;
  let stopped = false;
  const unread: SegmentRead["unread"] = [];
  const splitValues = framework.indicators.map((): Set<string>[] => []);
  const done = (): SegmentRead => ({
    store,
    diagnostics,
    unknown: [...unknown],
    seen: [...seen],
    attributes: [...attributesByKey],
    dataRows: dataRows + rows.unread,
    keptRows,
    stopped,
    unread,
    splitValues: splitValues.map((sets) => sets.map((set) => [...set])),
    shape:
      plan === null
        ? null
        : {
            long: plan.layout === "long",
            hasPeriods: plan.periodCol !== undefined,
            periodColumn: plan.periodCol === undefined ? null : plan.periodCol + 1,
            indicatorColumn: plan.indicatorCol + 1,
            indicatorColumnName: header!.names[plan.indicatorCol] ?? "",
            filters: plan.filters,
            splits: plan.splits.map((split) => split.name),
          },
  });

  reading: for await (const batch of rows.batches()) {
    for (const event of batch) {
      if (event.kind === "error") {
        diagnostics.push(event.diagnostic);
        stopped = true;
        break reading;
      }
      if (event.kind === "warning") {
        diagnostics.push(event.diagnostic);
        continue;
      }
      const { cells, line } = event.record;
      if (header === null) {
        const read = readHeader(cells, file, line);
        header = read.header;
        const planning: Diagnostic[] = [...read.diagnostics];
        const planned = makePlan(header, framework, options, file, line, planning);
        if (first) diagnostics.pushAll(planning);
        if (hasErrors(planning) || planned === null) return done();
        plan = planned;
        rows.keepColumns?.(usedColumns(plan));
        store = new ValuesStore(file, framework.indicators.map((i) => i.id), plan.orgCol + 1, plan.layout === "long", plan.attributes.size > 0, rows.sheet);
        continue;
      }
      const p = plan!;
      const s = store!;
      dataRows++;
      const lengthProblem = rowLengthProblem(cells.length, header, file, line);
      if (lengthProblem) {
        diagnostics.push(lengthProblem);
        continue;
      }
      if (!p.where.every((w) => cells[w.col]!.trim() === w.value)) continue;
      keptRows++;

      const code = cells[p.orgCol]!.trim();
      if (code === "") {
        diagnostics.push(error("E_EMPTY_ORG_CODE", "organisation code is empty", { file, line, column: p.orgCol + 1 }));
        continue;
      }
      const period = p.periodCol === undefined ? null : cells[p.periodCol]!.trim();
      const name = p.nameCol === undefined ? "" : cells[p.nameCol]!.trim();

      if (p.layout === "wide") {
        const rec = s.addRecord(code, name, period, line, p.attributes.size === 0 ? undefined : attributesOf(cells, p));
        for (const [id, src] of p.wide) {
          const { indicator, index } = indicators.get(id)!;
          observe(s, rec, index, cells, src, indicator, header, file, line, diagnostics);
        }
        continue;
      }

      const id = cells[p.indicatorCol]!.trim();
      // An attribute such as a deficit flag may be given on only some of an organisation's rows, any of
      // them. Most frameworks have no overrides, and then no row pays for looking.
      let attributes: Record<string, string> | undefined;
      if (p.attributes.size > 0) {
        const key = orgPeriodKey(code, period);
        attributes = attributesByKey.get(key) ?? {};
        attributesByKey.set(key, attributes);
        fillAttributes(attributes, (column) => cells[p.attributes.get(column)!]!, p.attributes.keys());
      }
      const known = indicators.get(id);
      if (!known) {
        if (!unknown.has(id)) {
          unknown.set(id, warning("W_UNKNOWN_INDICATOR", `indicator "${id}" is not in the framework; its rows are ignored`, { file, line, column: p.indicatorCol + 1 }));
        }
        continue;
      }
      seen.add(id);
      p.splits.forEach(({ col }, k) => noteSplit((splitValues[known.index]![k] ??= new Set()), cells[col]!.trim()));
      let rec = s.find(code, period);
      if (rec === undefined) rec = s.addRecord(code, name, period, line, attributes);
      else s.nameIfUnnamed(rec, name);
      if (s.holds(rec, known.index)) {
        diagnostics.push(duplicateValue(code, id, period, { file, line, column: p.indicatorCol + 1 }, ""), known.index);
        continue;
      }
      const before = diagnostics.found;
      observe(s, rec, known.index, cells, longSource(p, cells, known.indicator), known.indicator, header, file, line, diagnostics);
      if (!s.holds(rec, known.index)) unread.push(rec, known.index, line, before, diagnostics.found - before);
      else if (p.comparisonCol !== undefined && cells[p.comparisonCol]!.trim() !== "") s.compared(cells[p.comparisonCol]!.trim());
    }
  }
  if (header === null && !stopped) diagnostics.push(error("E_EMPTY_FILE", "file is empty", { file, line: 1, column: 1 }));
  return done();
}

/**
 * Put the segments of one file together, in file order, as one read of the whole file would have
 * given them, and add the problems only the whole file shows (no data, an indicator with no rows).
 * `lineShifts[k]` moves segment k's line numbers (0 for the first).
 */
export function finishRead(segments: readonly SegmentRead[], file: string, framework: Framework, lineShifts: readonly number[] = [0]): ValuesRead {
  const [head, ...rest] = segments;
  const shape = head!.shape;
  const first = asCollector(head!.diagnostics);
  if (head!.store === null || shape === null) return valuesRead(new ValuesStore(file, [], 1, false, false), false, first, 1);
  const hints = duplicateHints(shape.splits, segments, framework.indicators.length);
  const hinted = (d: Diagnostic, ind: number): Diagnostic => (ind >= 0 && hints[ind] !== "" ? { ...d, message: d.message + hints[ind]! } : d);
  const diagnostics = new DiagnosticCollector(first.maxPerCode);
  diagnostics.absorb(first, hinted);
  const store = asStore(head!.store);
  const unknown = new Map(head!.unknown);
  const seen = new Set(head!.seen);
  const attributes = new Map(head!.attributes);
  let { dataRows, keptRows } = head!;
  rest.forEach((segment, k) => {
    const shift = lineShifts[k + 1]!;
    const moved = (d: Diagnostic): Diagnostic => (d.line === undefined ? d : { ...d, line: d.line + shift });
    for (const [id, d] of segment.unknown) if (!unknown.has(id)) unknown.set(id, moved(d));
    for (const id of segment.seen) seen.add(id);
    for (const [key, values] of segment.attributes) {
      const merged = attributes.get(key);
      if (merged === undefined) attributes.set(key, values);
      else fillAttributes(merged, (column) => values[column]!, Object.keys(values));
    }
    dataRows += segment.dataRows;
    keptRows += segment.keptRows;
    const part = segment.store instanceof ValuesStore ? segment.store.toParts() : segment.store!;
    const recs = store.appendRecords(part, shift, (rec) => attributes.get(orgPeriodKey(store.code(rec), store.period(rec))));
    const duplicate = (rec: number, ind: number, line: number) =>
      diagnostics.push(duplicateValue(store.code(rec), store.indicators[ind]!, store.period(rec), { file, line, column: shape.indicatorColumn }, hints[ind]!));
    // A value this part could not read, which an earlier part holds, is a second value: read in one
    // go, the file would have said so and not looked at the cell.
    const found = asCollector(segment.diagnostics);
    for (let u = 0; u < segment.unread.length; u += 5) {
      const [rec, ind, line, from, count] = segment.unread.slice(u, u + 5) as [number, number, number, number, number];
      if (!store.holds(recs[rec]!, ind)) continue;
      duplicate(recs[rec]!, ind, line + shift);
      for (let d = from; d < from + count; d++) found.withdraw(d, "E_NOT_A_NUMBER", "error");
    }
    diagnostics.absorb(found, (d, ind) => moved(hinted(d, ind)));
    store.appendValues(part, recs, shift, duplicate);
  });
  diagnostics.pushAll([...unknown.values()]);

  const at = { file, line: 1, column: 1 };
  if (dataRows === 0 && !diagnostics.hasErrors()) {
    diagnostics.push(error("E_NO_DATA", "no data rows after the header", at));
  } else if (keptRows === 0 && shape.filters !== "" && !diagnostics.hasErrors()) {
    diagnostics.push(error("E_NO_DATA", `no row matches ${shape.filters}`, at));
  } else if (shape.long && !diagnostics.hasErrors()) {
    for (const ind of framework.indicators) {
      if (!seen.has(ind.id)) {
        diagnostics.push(
          error("E_MISSING_INDICATOR", `no rows for indicator "${ind.id}" (column ${shape.indicatorColumnName})`, { ...at, column: shape.indicatorColumn }),
        );
      }
    }
  }
  return valuesRead(store, shape.hasPeriods, diagnostics, segments.length, shape.periodColumn);
}

function asStore(store: ValuesStore | StoreParts): ValuesStore {
  return store instanceof ValuesStore ? store : ValuesStore.fromParts(store);
}

function asCollector(diagnostics: DiagnosticCollector | CollectorParts): DiagnosticCollector {
  return diagnostics instanceof DiagnosticCollector ? diagnostics : DiagnosticCollector.fromParts(diagnostics);
}

function valuesRead(values: ValuesStore, hasPeriods: boolean, collected: DiagnosticCollector, parts: number, periodColumn: number | null = null): ValuesRead {
  let dataset: Dataset | null = null;
  return {
    values,
    parts,
    get dataset() {
      return (dataset ??= values.dataset(hasPeriods, periodColumn));
    },
    diagnostics: collected.list(),
    collected,
  };
}

/** `hint`: which columns tell the two rows apart (see duplicateHints), or "". */
function duplicateValue(code: string, id: string, period: string | null, at: { file: string; line: number; column: number }, hint: string): Diagnostic {
  const when = period === null ? "" : ` in period ${period}`;
  return error("E_DUPLICATE_VALUE", `second value for ${code}, indicator ${id}${when}${hint}`, at);
}

/** Values of a split column named in a second-value error, the first in text order; "..." says there are more. */
const SPLIT_VALUES_SHOWN = 8;
/** Values of a split column kept per indicator before the first few are picked out of them. */
const SPLIT_VALUES_KEPT = 64;

/**
 * Add a split column's value, keeping only the first few in text order once there are many: the same
 * few however the file was split for reading, and a file of a million ages takes no memory for them.
 */
function noteSplit(values: Set<string>, value: string): void {
  values.add(value);
  if (values.size > SPLIT_VALUES_KEPT) {
    const first = [...values].sort(compareText).slice(0, SPLIT_VALUES_SHOWN + 1);
    values.clear();
    for (const v of first) values.add(v);
  }
}

/**
 * For each indicator, what to add to its second-value errors: the split columns (Sex, Age) with more
 * than one value among its rows, and how to keep one. A second value then usually means a filter is
 * missing, not that the file repeats itself.
 */
function duplicateHints(splits: readonly string[], segments: readonly SegmentRead[], indicators: number): string[] {
  return Array.from({ length: indicators }, (_, ind) => {
    const varied = splits.flatMap((name, k) => {
      const values = new Set<string>();
      for (const segment of segments) for (const v of segment.splitValues[ind]?.[k] ?? []) noteSplit(values, v);
      const sorted = [...values].sort(compareText);
      if (sorted.length < 2) return [];
      const shown = sorted.slice(0, SPLIT_VALUES_SHOWN).map((v) => (v === "" ? "(empty)" : v));
      return [{ name, values: `${shown.join(", ")}${sorted.length > SPLIT_VALUES_SHOWN ? ", ..." : ""}` }];
    });
    if (varied.length === 0) return "";
    const differ = varied.map((v) => `${v.name} (${v.values})`).join(" and ");
    const keep = varied.map((v) => `--where "${v.name}=..."`).join(" ");
    return `: its rows differ by ${differ}; keep one with ${keep}`;
  });
}

/**
 * Where a long row's value comes from: the numerator and denominator when the file has both columns
 * and the row gives either, else the value. A layout that rates the published value (Fingertips) takes
 * the value where there is one, unless the method works from the counts.
 */
function longSource(p: Plan, cells: readonly string[], indicator: Indicator): Source {
  if (p.numCol === undefined || p.denCol === undefined) return { kind: "value", col: p.valueCol!, spread: p.spread };
  const fraction: Source = { kind: "fraction", numCol: p.numCol, denCol: p.denCol };
  if (p.valueCol === undefined) return fraction;
  const value: Source = { kind: "value", col: p.valueCol, spread: p.spread };
  if (p.valueFirst && cells[p.valueCol]!.trim() !== "" && !needsCounts(indicator.scoring.method)) return value;
  return cells[p.numCol]!.trim() !== "" || cells[p.denCol]!.trim() !== "" ? fraction : value;
}

/** Each column's first value that is not blank wins: the rows of one organisation may each give some. */
function fillAttributes(into: Record<string, string>, valueOf: (column: string) => string, columns: Iterable<string>): void {
  for (const column of columns) {
    const value = valueOf(column);
    if (value.trim() !== "" && (into[column] ?? "").trim() === "") into[column] = value;
  }
}

/** Every column a plan has the reader look at (a wide layout's indicator column is -1: none). */
function usedColumns(plan: Plan): number[] {
  const spread = (s: SpreadColumns) => [s.se, s.ciLower, s.ciUpper];
  const sources = [...plan.wide.values()].flatMap((src) => (src.kind === "value" ? [src.col, ...spread(src.spread)] : [src.numCol, src.denCol]));
  const named = [plan.orgCol, plan.nameCol, plan.periodCol, plan.indicatorCol, plan.valueCol, plan.numCol, plan.denCol, ...spread(plan.spread)];
  const kept = [plan.comparisonCol, ...plan.splits.map((split) => split.col)];
  return [...named, ...kept, ...plan.where.map((w) => w.col), ...plan.attributes.values(), ...sources].filter((c): c is number => c !== undefined);
}

function attributesOf(cells: readonly string[], plan: Plan): Record<string, string> {
  return Object.fromEntries([...plan.attributes].map(([column, col]) => [column, cells[col]!]));
}

function makePlan(
  header: Header,
  framework: Framework,
  options: ValuesOptions,
  file: string,
  line: number,
  diagnostics: Diagnostic[],
): Plan | null {
  const at = { file, line, column: 1 };
  const layout = resolveLayout(header, options);
  const names = layout.columns;
  const orgCol = columnOf(header, names.org);
  if (orgCol === undefined) {
    diagnostics.push(error("E_MISSING_COLUMN", `no organisation code column "${names.org}" (name another with --org-col)`, at));
  }
  const where: Plan["where"] = [];
  for (const w of layout.where) {
    const col = columnOf(header, w.column);
    if (col === undefined) diagnostics.push(error("E_MISSING_COLUMN", `no column "${w.column}" for --where ${w.column}=${w.value}`, at));
    else where.push({ col, value: w.value });
  }
  const attributes = new Map<string, number>();
  for (const column of new Set((framework.overrides ?? []).map((o) => o.column))) {
    const named = options.flagCols[column] ?? column;
    const col = columnOf(header, named);
    if (col === undefined) {
      const why = named === column ? "which the framework's overrides look at" : `which --flag-col ${column}=${named} names`;
      diagnostics.push(error("E_MISSING_COLUMN", `no column "${named}", ${why} (name another with --flag-col ${column}=COLUMN)`, at));
    }
    else attributes.set(column, col);
  }
  const given = options.where.map((w) => `${w.column}=${w.value}`).join(", ");
  const base = {
    orgCol: orgCol ?? 0,
    nameCol: columnOf(header, names.name),
    periodCol: columnOf(header, names.period),
    where,
    attributes,
    filters: [given === "" ? "" : `--where ${given}`, layout.defaultFilters].filter((f) => f !== "").join(" and "),
  };
  const indicatorCol = columnOf(header, names.indicator);
  if (indicatorCol !== undefined) {
    const valueCol = columnOf(header, names.value);
    const numCol = columnOf(header, names.numerator);
    const denCol = columnOf(header, names.denominator);
    if (valueCol === undefined && (numCol === undefined || denCol === undefined)) {
      diagnostics.push(
        error(
          "E_MISSING_COLUMN",
          `long layout needs a value column "${names.value}" or numerator and denominator columns "${names.numerator}", "${names.denominator}" (name them with --value-col, --numerator-col, --denominator-col)`,
          at,
        ),
      );
    }
    const long = {
      comparisonCol: layout.comparison === undefined ? undefined : columnOf(header, layout.comparison),
      splits: layout.splits.map((name) => ({ name, col: columnOf(header, name)! })),
      valueFirst: layout.valueFirst,
      spread: { se: columnOf(header, names.se), ciLower: columnOf(header, names.ciLower), ciUpper: columnOf(header, names.ciUpper) },
    };
    return orgCol === undefined ? null : { ...base, ...long, layout: "long", wide: new Map(), indicatorCol, valueCol, numCol, denCol };
  }

  const none = { comparisonCol: undefined, splits: [], valueFirst: false, spread: { se: undefined, ciLower: undefined, ciUpper: undefined } };
  const wide = new Map<string, Source>();
  const used = new Set<number>([base.orgCol, ...where.map((w) => w.col), ...attributes.values()]);
  if (base.nameCol !== undefined) used.add(base.nameCol);
  if (base.periodCol !== undefined) used.add(base.periodCol);
  for (const ind of framework.indicators) {
    const col = columnOf(header, ind.id);
    const numCol = columnOf(header, `${ind.id}_numerator`);
    const denCol = columnOf(header, `${ind.id}_denominator`);
    if (numCol !== undefined && denCol !== undefined) {
      wide.set(ind.id, { kind: "fraction", numCol, denCol });
      used.add(numCol).add(denCol);
      if (col !== undefined) used.add(col);
    } else if (col !== undefined) {
      const spread = { se: columnOf(header, `${ind.id}_se`), ciLower: columnOf(header, `${ind.id}_ci_lower`), ciUpper: columnOf(header, `${ind.id}_ci_upper`) };
      wide.set(ind.id, { kind: "value", col, spread });
      used.add(col);
      for (const c of [spread.se, spread.ciLower, spread.ciUpper]) if (c !== undefined) used.add(c);
    } else if (numCol !== undefined || denCol !== undefined) {
      used.add((numCol ?? denCol)!);
      const missing = numCol === undefined ? `${ind.id}_numerator` : `${ind.id}_denominator`;
      diagnostics.push(error("E_MISSING_COLUMN", `indicator ${ind.id}: column "${missing}" is missing`, { ...at, column: (numCol ?? denCol)! + 1 }));
    } else {
      diagnostics.push(
        error("E_MISSING_INDICATOR", `no column for indicator "${ind.id}" (expected "${ind.id}" or "${ind.id}_numerator" and "${ind.id}_denominator")`, at),
      );
    }
  }
  header.names.forEach((name, i) => {
    const duplicate = header.index.get(name.toLowerCase()) !== i;
    if (!used.has(i) && name !== "" && !duplicate) {
      diagnostics.push(warning("W_UNKNOWN_INDICATOR", `column "${name}" is not an indicator of the framework; ignored`, { file, line, column: i + 1 }));
    }
  });
  return orgCol === undefined ? null : { ...base, ...none, layout: "wide", wide, indicatorCol: -1, valueCol: undefined, numCol: undefined, denCol: undefined };
}

/** One indicator's cells of one row, into the store; a cell that is not a number adds a diagnostic instead. */
function observe(
  store: ValuesStore,
  rec: number,
  ind: number,
  cells: readonly string[],
  src: Source,
  indicator: Indicator,
  header: Header,
  file: string,
  line: number,
  diagnostics: DiagnosticCollector,
): void {
  if (src.kind === "value") {
    const column = src.col + 1;
    const raw = cells[src.col]!;
    if (indicator.scoring.method === "categorical") {
      // A label is text; only the empty cell and the suppression marks mean "no value". The engine
      // checks the label against the framework's, so a library caller gets the same error.
      const cell = parseCell(raw, false);
      if (cell.kind === "missing") store.add(rec, ind, missingKind(cell.reason), 0, 0, line, column, 0);
      else store.add(rec, ind, KIND.text, 0, 0, line, column, 0, raw.trim());
      return;
    }
    const cell = parseCell(raw, isPercentUnit(indicator.unit));
    if (cell.kind === "invalid") diagnostics.push(notANumber(raw, header.names[src.col]!, { file, line, column }));
    else if (cell.kind === "missing") store.add(rec, ind, missingKind(cell.reason), 0, 0, line, column, 0);
    else {
      store.add(rec, ind, KIND.value, cell.value, 0, line, column, 0);
      const spread = readSpread(cells, src.spread, indicator, header, file, line, diagnostics);
      if (spread !== null) store.addSpread(spread.se, spread.ciLower, spread.ciUpper);
    }
    return;
  }
  const num = parseCell(cells[src.numCol]!, false);
  const den = parseCell(cells[src.denCol]!, false);
  const column = src.numCol + 1;
  const denominatorColumn = src.denCol + 1;
  if (num.kind === "invalid") diagnostics.push(notANumber(cells[src.numCol]!, header.names[src.numCol]!, { file, line, column }));
  if (den.kind === "invalid") diagnostics.push(notANumber(cells[src.denCol]!, header.names[src.denCol]!, { file, line, column: denominatorColumn }));
  if (num.kind === "invalid" || den.kind === "invalid") return;
  if (num.kind === "missing" || den.kind === "missing") {
    const suppressed = (num.kind === "missing" && num.reason === "suppressed") || (den.kind === "missing" && den.reason === "suppressed");
    store.add(rec, ind, suppressed ? KIND.suppressed : KIND.empty, 0, 0, line, column, 0);
    return;
  }
  store.add(rec, ind, KIND.fraction, num.value, den.value, line, column, denominatorColumn);
}

/**
 * A value's standard error and 95% confidence limits, those given (NaN for the others), or null when
 * none is. A negative standard error, one limit without the other, or limits in the wrong order are
 * errors: the bootstrap would draw from nonsense.
 */
function readSpread(
  cells: readonly string[],
  src: SpreadColumns,
  indicator: Indicator,
  header: Header,
  file: string,
  line: number,
  diagnostics: DiagnosticCollector,
): { se: number; ciLower: number; ciUpper: number } | null {
  const percent = isPercentUnit(indicator.unit);
  const read = (col: number | undefined): number => {
    if (col === undefined) return Number.NaN;
    const cell = parseCell(cells[col]!, percent);
    if (cell.kind === "invalid") diagnostics.push(notANumber(cells[col]!, header.names[col]!, { file, line, column: col + 1 }));
    return cell.kind === "number" ? cell.value : Number.NaN;
  };
  const se = read(src.se);
  const ciLower = read(src.ciLower);
  const ciUpper = read(src.ciUpper);
  if (se < 0) {
    diagnostics.push(error("E_NEGATIVE_SE", `standard error ${se} is negative (indicator ${indicator.id})`, { file, line, column: src.se! + 1 }));
    return null;
  }
  if (Number.isNaN(ciLower) !== Number.isNaN(ciUpper)) {
    const [given, col] = Number.isNaN(ciLower) ? ["upper", src.ciUpper!] : ["lower", src.ciLower!];
    diagnostics.push(error("E_BAD_CI", `a confidence interval needs both limits; only the ${given} one is given (indicator ${indicator.id})`, { file, line, column: col + 1 }));
    return null;
  }
  if (ciLower > ciUpper) {
    diagnostics.push(error("E_BAD_CI", `confidence interval ${ciLower} to ${ciUpper}: the lower limit is above the upper (indicator ${indicator.id})`, { file, line, column: src.ciLower! + 1 }));
    return null;
  }
  return Number.isNaN(se) && Number.isNaN(ciLower) ? null : { se, ciLower, ciUpper };
}

function missingKind(reason: "empty" | "suppressed"): Kind {
  return reason === "suppressed" ? KIND.suppressed : KIND.empty;
}
