import { orgPeriodKey } from "../../engine/dataset/org-period.js";
import { DiagnosticCollector, type CollectorParts } from "../../engine/diagnostic-collector.js";
import { error, hasErrors, warning, type Diagnostic } from "../../engine/diagnostics.js";
import type { Framework, Indicator } from "../../engine/framework/schema.js";
import { readHeader, rowLengthProblem, type Header } from "../rows/header.js";
import type { RowEvent, RowSource } from "../rows/row-source.js";
import { attributesOf, fillAttributes } from "./attributes.js";
import { observe } from "./observe.js";
import type { ValuesOptions } from "./options.js";
import { longSource, makePlan, usedColumns, type Plan } from "./plan.js";
import { duplicateValue, noteSplit } from "./second-values.js";
import { noteUnread, type UnreadValues } from "./unread-values.js";
import { ValuesStore, type StoreParts } from "./values-store.js";

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
  unread: UnreadValues;
  /** What the header gave that the end of the read looks at; null when it gave no plan. */
  shape: { long: boolean; hasPeriods: boolean; periodColumn: number | null; indicatorColumn: number; indicatorColumnName: string; filters: string; splits: string[] } | null;
}

/**
 * Read the rows of `rows`. A segment after the first starts with the file's header line (so that
 * it plans its columns alike) and leaves the header's problems to the first; its line numbers count
 * the header as line 1 and its own first line as line 2, and `finishRead` moves them into place.
 */
export async function readSegment(rows: RowSource, framework: Framework, options: ValuesOptions, first: boolean): Promise<SegmentRead> {
  const reader = new SegmentReader(rows, framework, options, first);
  for await (const batch of rows.batches()) {
    for (const event of batch) if (!reader.take(event)) return reader.result();
  }
  return reader.ended();
}

/** What the header gave: the plan, and the store it fills. */
interface Planned {
  header: Header;
  plan: Plan;
  store: ValuesStore;
}

/** Rows to observations, one row at a time; its state is what SegmentRead returns. */
class SegmentReader {
  private readonly file: string;
  private readonly diagnostics: DiagnosticCollector;
  private readonly indicators: Map<string, { indicator: Indicator; index: number }>;
  private readonly attributesByKey = new Map<string, Record<string, string>>();
  private readonly unknown = new Map<string, Diagnostic>();
  private readonly seen = new Set<string>();
  private readonly unread: UnreadValues = [];
  private readonly splitValues: Set<string>[][];
  private planned: Planned | null = null;
  private dataRows = 0;
  private keptRows = 0;
  private stopped = false;

  constructor(
    private readonly rows: RowSource,
    private readonly framework: Framework,
    private readonly options: ValuesOptions,
    private readonly first: boolean,
  ) {
    this.file = rows.file;
    this.diagnostics = new DiagnosticCollector(options.maxPerCode ?? 0);
    this.indicators = new Map(framework.indicators.map((indicator, index) => [indicator.id, { indicator, index }]));
    this.splitValues = framework.indicators.map((): Set<string>[] => []);
  }

  /** One event of the row source; false when reading stops here (an error in the file, a header with no plan). */
  take(event: RowEvent): boolean {
    if (event.kind === "error") {
      this.diagnostics.push(event.diagnostic);
      this.stopped = true;
      return false;
    }
    if (event.kind === "warning") {
      this.diagnostics.push(event.diagnostic);
      return true;
    }
    const { cells, line } = event;
    if (this.planned === null) return this.plan(cells, line);
    this.row(this.planned, cells, line);
    return true;
  }

  /** The rows ran out. */
  ended(): SegmentRead {
    if (this.planned === null) this.diagnostics.push(error("E_EMPTY_FILE", "file is empty", { file: this.file, line: 1, column: 1 }));
    return this.result();
  }

  result(): SegmentRead {
    const planned = this.planned;
    return {
      store: planned?.store ?? null,
      diagnostics: this.diagnostics,
      unknown: [...this.unknown],
      seen: [...this.seen],
      attributes: [...this.attributesByKey],
      dataRows: this.dataRows + this.rows.unread,
      keptRows: this.keptRows,
      stopped: this.stopped,
      unread: this.unread,
      splitValues: this.splitValues.map((sets) => sets.map((set) => [...set])),
      shape:
        planned === null
          ? null
          : {
              long: planned.plan.layout === "long",
              hasPeriods: planned.plan.periodCol !== undefined,
              periodColumn: planned.plan.periodCol === undefined ? null : planned.plan.periodCol + 1,
              indicatorColumn: planned.plan.indicatorCol + 1,
              indicatorColumnName: planned.header.names[planned.plan.indicatorCol] ?? "",
              filters: planned.plan.filters,
              splits: planned.plan.splits.map((split) => split.name),
            },
    };
  }

  private plan(cells: string[], line: number): boolean {
    const { header, diagnostics: problems } = readHeader(cells, this.file, line);
    const planning: Diagnostic[] = [...problems];
    const plan = makePlan(header, this.framework, this.options, this.file, line, planning);
    if (this.first) this.diagnostics.pushAll(planning);
    if (hasErrors(planning) || plan === null) return false;
    this.rows.keepColumns?.(usedColumns(plan));
    const store = new ValuesStore(this.file, this.framework.indicators.map((i) => i.id), plan.orgCol + 1, plan.layout === "long", plan.attributes.size > 0, this.rows.sheet);
    this.planned = { header, plan, store };
    return true;
  }

  private row(planned: Planned, cells: readonly string[], line: number): void {
    const { header, plan: p } = planned;
    const file = this.file;
    this.dataRows++;
    const lengthProblem = rowLengthProblem(cells.length, header, file, line);
    if (lengthProblem) {
      this.diagnostics.push(lengthProblem);
      return;
    }
    for (const w of p.where) if (cells[w.col]!.trim() !== w.value) return;
    this.keptRows++;
    const code = cells[p.orgCol]!.trim();
    if (code === "") {
      this.diagnostics.push(error("E_EMPTY_ORG_CODE", "organisation code is empty", { file, line, column: p.orgCol + 1 }));
      return;
    }
    const period = p.periodCol === undefined ? null : cells[p.periodCol]!.trim();
    const name = p.nameCol === undefined ? "" : cells[p.nameCol]!.trim();
    if (p.layout === "wide") this.wideRow(planned, cells, line, code, name, period);
    else this.longRow(planned, cells, line, code, name, period);
  }

  private wideRow({ header, plan: p, store }: Planned, cells: readonly string[], line: number, code: string, name: string, period: string | null): void {
    const rec = store.addRecord(code, name, period, line, p.attributes.size === 0 ? undefined : attributesOf(cells, p));
    for (const [id, src] of p.wide) {
      const { indicator, index } = this.indicators.get(id)!;
      observe(store, rec, index, cells, src, indicator, header, this.file, line, this.diagnostics);
    }
  }

  private longRow({ header, plan: p, store }: Planned, cells: readonly string[], line: number, code: string, name: string, period: string | null): void {
    const file = this.file;
    const id = cells[p.indicatorCol]!.trim();
    // An attribute such as a deficit flag may be given on only some of an organisation's rows, any of
    // them. Most frameworks have no overrides, and then no row pays for looking.
    let attributes: Record<string, string> | undefined;
    if (p.attributes.size > 0) {
      const key = orgPeriodKey(code, period);
      attributes = this.attributesByKey.get(key) ?? {};
      this.attributesByKey.set(key, attributes);
      fillAttributes(attributes, (column) => cells[p.attributes.get(column)!]!, p.attributes.keys());
    }
    const known = this.indicators.get(id);
    if (!known) {
      if (!this.unknown.has(id)) {
        this.unknown.set(id, warning("W_UNKNOWN_INDICATOR", `indicator "${id}" is not in the framework; its rows are ignored`, { file, line, column: p.indicatorCol + 1 }));
      }
      return;
    }
    this.seen.add(id);
    for (let k = 0; k < p.splits.length; k++) noteSplit((this.splitValues[known.index]![k] ??= new Set()), cells[p.splits[k]!.col]!.trim());
    let rec = store.find(code, period);
    if (rec === undefined) rec = store.addRecord(code, name, period, line, attributes);
    else store.nameIfUnnamed(rec, name);
    if (store.holds(rec, known.index)) {
      this.diagnostics.push(duplicateValue(code, id, period, { file, line, column: p.indicatorCol + 1 }, ""), known.index);
      return;
    }
    const before = this.diagnostics.found;
    observe(store, rec, known.index, cells, longSource(p, cells, known.indicator), known.indicator, header, file, line, this.diagnostics);
    if (!store.holds(rec, known.index)) noteUnread(this.unread, { rec, ind: known.index, line, first: before, count: this.diagnostics.found - before });
    else if (p.comparisonCol !== undefined && cells[p.comparisonCol]!.trim() !== "") store.compared(cells[p.comparisonCol]!.trim());
  }
}
