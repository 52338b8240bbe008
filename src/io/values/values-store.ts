import { BARE, type BareValues } from "../../engine/dataset/bare-values.js";
import type { Dataset, Observation, OrgRecord, RecordHead } from "../../engine/dataset/schema.js";
import type { Origin } from "../../engine/diagnostics.js";
import type { PeriodColumns } from "../../engine/rate.js";
import { compareText } from "../../engine/text-order.js";
import { lastAtOrBelow } from "../sorted-search.js";

/** What an observation holds; the numbers it keeps mean different things for each. */
const KIND = { value: 0, fraction: 1, empty: 2, suppressed: 3, text: 4 } as const;
type Kind = (typeof KIND)[keyof typeof KIND];

/** A store's contents as plain data and array buffers, to send to another thread without copying the numbers. */
export interface StoreParts {
  file: string;
  indicators: readonly string[];
  orgColumn: number;
  keyed: boolean;
  withAttributes: boolean;
  codes: string[];
  names: string[];
  periods: (string | null)[];
  recordLines: number[];
  attributes: (Record<string, string> | undefined)[];
  count: number;
  blocks: Block[];
  texts: [number, string][];
  comparisons: [number, string][];
  spreads: [number, Spread][];
}

/** A bare value's standard error and 95% confidence limits, NaN where not given. */
type Spread = [se: number, ciLower: number, ciUpper: number];

/**
 * A block's observations, a typed array for each field. `ind`, `col` and `col2` are 16-bit until a
 * number too big for that comes (see `push`); `b` and `col2`, which only fractions use, are made when
 * a block's first fraction comes. An NHS Digital file gives single values, and then an observation
 * takes 21 bytes.
 */
interface Columns {
  rec: Int32Array;
  ind: Small;
  kind: Uint8Array;
  a: Float64Array;
  b: Float64Array | null;
  line: Int32Array;
  col: Small;
  col2: Small | null;
}
type Small = Uint16Array | Int32Array;

/** Observations in typed arrays: the first `count` entries of `columns` are used. */
interface Block {
  columns: Columns;
  count: number;
}

/**
 * Observations in a full block. The first block doubles up to this; then a new one is begun, so that
 * no observation is copied twice, and a store never holds an old and a new array of everything at once.
 */
const BLOCK = 1 << 16;

/** The kind of an observation a later part of a file gave again (see appendValues): left out. */
const DROPPED = 255;

/**
 * The values as read, in typed arrays: about 37 bytes an observation, where the engine's objects take
 * over 100 and keep the garbage collector busy. A GP-level file has a million observations; the
 * engine's objects are made from here one period at a time (`byPeriod`), or all at once (`dataset`).
 * Observations are kept in the order read, so the objects made from them are the reader's own.
 */
export class ValuesStore {
  readonly file: string;
  /** The workbook sheet the values are from (undefined for a CSV), for the origins of what is read. */
  readonly sheet: string | undefined;
  readonly indicators: readonly string[];
  /** The 1-based column of the organisation code, where each record's origin points. */
  readonly orgColumn: number;
  /** Long layout: rows of one organisation and period add to one record. Wide: a record per row. */
  readonly keyed: boolean;
  /** Whether records carry the columns overrides look at. */
  readonly withAttributes: boolean;
  private codes: string[] = [];
  private names: string[] = [];
  private periods: (string | null)[] = [];
  private recordLines: number[] = [];
  private attributes: (Record<string, string> | undefined)[] = [];
  /**
   * A keyed store's records by code, and then by period for a code with more than one: a joined key
   * was a new string to make and hash for each row, and three strings to keep for each record.
   */
  private keys = new Map<string, number | Map<string | null, number>>();
  private strings = new Map<string, string>();
  /** Per record and indicator, whether a value is held: a second one is a duplicate. */
  private held = new Uint8Array(0);
  /**
   * The observations, in the order read. A store grows its last block; the parts of a file read on
   * other threads are taken over as blocks of their own, so that no value is copied or left behind
   * for the collector (36 MB at GP level when they were copied into one block).
   */
  private blocks: Block[] = [{ columns: emptyColumns(0), count: 0 }];
  /** Observations in all blocks, dropped ones too: an observation's index counts through the blocks. */
  private count = 0;
  private texts = new Map<number, string>();
  /** The publisher's own comparison of an observation's value with its benchmark, by observation (see `compared`). */
  private comparisons = new Map<number, string>();
  /** The few values given with a standard error or an interval, by observation index. */
  private spreads = new Map<number, Spread>();

  constructor(file: string, indicators: readonly string[], orgColumn: number, keyed: boolean, withAttributes: boolean, sheet?: string) {
    this.file = file;
    this.sheet = sheet;
    this.indicators = indicators;
    this.orgColumn = orgColumn;
    this.keyed = keyed;
    this.withAttributes = withAttributes;
  }

  get records(): number {
    return this.codes.length;
  }

  code(rec: number): string {
    return this.codes[rec]!;
  }

  period(rec: number): string | null {
    return this.periods[rec]!;
  }

  /** A keyed store's record for an organisation and period, if it has one. */
  find(code: string, period: string | null): number | undefined {
    // Rows of one organisation and period mostly come together: nothing to look up for those.
    const last = this.codes.length - 1;
    if (last >= 0 && this.codes[last] === code && this.periods[last] === period) return last;
    const known = this.keys.get(code);
    return typeof known === "number" ? (this.periods[known] === period ? known : undefined) : known?.get(period);
  }

  addRecord(code: string, name: string, period: string | null, line: number, attributes?: Record<string, string>): number {
    const rec = this.codes.length;
    this.codes.push(this.intern(code));
    this.names.push(this.intern(name));
    this.periods.push(period === null ? null : this.intern(period));
    this.recordLines.push(line);
    this.attributes.push(attributes);
    if (this.keyed) this.key(rec);
    const slots = (rec + 1) * this.indicators.length;
    if (slots > this.held.length) {
      const grown = new Uint8Array(Math.max(slots, this.held.length * 2, 1024));
      grown.set(this.held);
      this.held = grown;
    }
    return rec;
  }

  /** A record's name, if it has none yet: the first row that names an organisation names it. */
  nameIfUnnamed(rec: number, name: string): void {
    if (this.names[rec] === "" && name !== "") this.names[rec] = this.intern(name);
  }

  /** Look a record up by its code, then (for a code with more than one) its period. */
  private key(rec: number): void {
    const code = this.codes[rec]!;
    const known = this.keys.get(code);
    if (known === undefined) this.keys.set(code, rec);
    else if (typeof known === "number") this.keys.set(code, new Map([[this.periods[known]!, known], [this.periods[rec]!, rec]]));
    else known.set(this.periods[rec]!, rec);
  }

  /** One string for each code, name and period, however many records share it: else one for each period. */
  private intern(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  holds(rec: number, ind: number): boolean {
    return this.held[rec * this.indicators.length + ind] === 1;
  }

  /** A number read from one cell, at 1-based `column` of `line`. */
  addValue(rec: number, ind: number, value: number, line: number, column: number): void {
    this.push(rec, ind, KIND.value, value, 0, line, column, 0);
  }

  /** A numerator and denominator, each from its own column. */
  addFraction(rec: number, ind: number, numerator: number, denominator: number, line: number, column: number, denominatorColumn: number): void {
    this.push(rec, ind, KIND.fraction, numerator, denominator, line, column, denominatorColumn);
  }

  /** A category's label (a categorical indicator's value). */
  addText(rec: number, ind: number, text: string, line: number, column: number): void {
    this.texts.set(this.count, text);
    this.push(rec, ind, KIND.text, 0, 0, line, column, 0);
  }

  /** No value: an empty cell, or one the publisher suppressed. */
  addMissing(rec: number, ind: number, reason: "empty" | "suppressed", line: number, column: number): void {
    this.push(rec, ind, reason === "suppressed" ? KIND.suppressed : KIND.empty, 0, 0, line, column, 0);
  }

  /** One observation: `a` is the value or the numerator, `b` the denominator; `col2` the denominator's column. */
  private push(rec: number, ind: number, kind: Kind, a: number, b: number, line: number, col: number, col2: number): void {
    let block = this.blocks[this.blocks.length - 1]!;
    if (block.count === BLOCK) this.blocks.push((block = { columns: emptyColumns(BLOCK), count: 0 }));
    else if (block.count === block.columns.rec.length) block.columns = grow(block.columns, block.count, Math.min(BLOCK, Math.max(4096, block.count * 2)));
    const i = block.count++;
    const c = block.columns;
    if (ind > 0xffff && c.ind instanceof Uint16Array) c.ind = Int32Array.from(c.ind);
    if ((col > 0xffff || col2 > 0xffff) && c.col instanceof Uint16Array) {
      c.col = Int32Array.from(c.col);
      if (c.col2 !== null) c.col2 = Int32Array.from(c.col2);
    }
    if (kind === KIND.fraction && c.b === null) {
      c.b = new Float64Array(c.rec.length);
      c.col2 = new (c.col.constructor as new (n: number) => Small)(c.rec.length);
    }
    c.rec[i] = rec;
    c.ind[i] = ind;
    c.kind[i] = kind;
    c.a[i] = a;
    c.line[i] = line;
    c.col[i] = col;
    if (c.b !== null) {
      c.b[i] = b;
      c.col2![i] = col2;
    }
    this.count++;
    this.held[rec * this.indicators.length + ind] = 1;
  }

  /** The publisher's own comparison (Fingertips' "Worse", "Similar", ...) of the observation added last. */
  compared(comparison: string): void {
    this.comparisons.set(this.count - 1, comparison);
  }

  /** The standard error and confidence limits (NaN where not given) of the observation just added. */
  addSpread(se: number, ciLower: number, ciUpper: number): void {
    this.spreads.set(this.count - 1, [se, ciLower, ciUpper]);
  }

  /** The store (one part read on a worker thread) as parts. */
  toParts(): StoreParts {
    return {
      file: this.file,
      indicators: this.indicators,
      orgColumn: this.orgColumn,
      keyed: this.keyed,
      withAttributes: this.withAttributes,
      codes: this.codes,
      names: this.names,
      periods: this.periods,
      recordLines: this.recordLines,
      attributes: this.attributes,
      count: this.count,
      blocks: this.blocks,
      texts: [...this.texts],
      comparisons: [...this.comparisons],
      spreads: [...this.spreads],
    };
  }

  static fromParts(parts: StoreParts): ValuesStore {
    const store = new ValuesStore(parts.file, parts.indicators, parts.orgColumn, parts.keyed, parts.withAttributes);
    for (let rec = 0; rec < parts.codes.length; rec++) {
      store.addRecord(parts.codes[rec]!, parts.names[rec]!, parts.periods[rec]!, parts.recordLines[rec]!, parts.attributes[rec]);
    }
    store.blocks = parts.blocks;
    store.count = parts.count;
    store.texts = new Map(parts.texts);
    store.comparisons = new Map(parts.comparisons);
    store.spreads = new Map(parts.spreads);
    store.eachObservation((c, i) => (store.held[c.rec[i]! * store.indicators.length + c.ind[i]!] = 1));
    return store;
  }

  /**
   * Add the records of the next part of the same file, read on its own (and sent as parts, which need
   * no store of their own), with its line numbers moved by `lineShift`: in a keyed store a record of
   * the same organisation and period continues. `attributesOf` gives a continued or new record its
   * merged attributes (see read-values). Gives where each of the part's records went, for `appendValues`.
   */
  appendRecords(next: StoreParts, lineShift: number, attributesOf: (rec: number) => Record<string, string> | undefined): Int32Array {
    const recs = new Int32Array(next.codes.length);
    for (let r = 0; r < next.codes.length; r++) {
      const known = this.keyed ? this.find(next.codes[r]!, next.periods[r]!) : undefined;
      if (known === undefined) {
        recs[r] = this.addRecord(next.codes[r]!, next.names[r]!, next.periods[r]!, next.recordLines[r]! + lineShift, next.attributes[r]);
      } else {
        recs[r] = known;
        this.nameIfUnnamed(known, next.names[r]!);
      }
      if (this.withAttributes) this.attributes[recs[r]!] = attributesOf(recs[r]!);
    }
    return recs;
  }

  /**
   * Then its values, taking over its arrays (`next` is not to be used after): `duplicate` is told of
   * each value an earlier part already held, which is left out.
   */
  appendValues(next: StoreParts, recs: Int32Array, lineShift: number, duplicate: (rec: number, ind: number, line: number) => void): void {
    for (const { columns: c, count } of next.blocks) {
      for (let i = 0; i < count; i++) {
        if (c.kind[i] === DROPPED) continue;
        const rec = recs[c.rec[i]!]!;
        if (this.keyed && this.holds(rec, c.ind[i]!)) {
          duplicate(rec, c.ind[i]!, c.line[i]! + lineShift);
          c.kind[i] = DROPPED;
          continue;
        }
        c.rec[i] = rec;
        c.line[i]! += lineShift;
        this.held[rec * this.indicators.length + c.ind[i]!] = 1;
      }
    }
    for (const [i, text] of next.texts) this.texts.set(this.count + i, text);
    for (const [i, comparison] of next.comparisons) this.comparisons.set(this.count + i, comparison);
    for (const [i, spread] of next.spreads) this.spreads.set(this.count + i, spread);
    this.blocks.push(...next.blocks);
    this.count += next.count;
  }

  /** Every record, as the engine takes them, in the order first read. */
  dataset(hasPeriods: boolean, periodColumn: number | null = null): Dataset {
    return { records: this.materialise(), hasPeriods, ...(periodColumn === null ? {} : { periodColumn }) };
  }

  /**
   * The periods in text order (as the engine rates them), each as its records and its observations,
   * made one indicator at a time when the engine scores that indicator and dropped once it has.
   */
  *byPeriod(): Generator<PeriodColumns> {
    const periods = [...new Set(this.periods)].sort((a, b) => compareText(a ?? "", b ?? ""));
    const index = new Map(periods.map((p, i) => [p, i]));
    // Each period's records, and each record's place among them.
    const recsOf = periods.map((): number[] => []);
    const periodOf = new Int32Array(this.codes.length);
    const place = new Int32Array(this.codes.length);
    for (let rec = 0; rec < this.codes.length; rec++) {
      const p = index.get(this.periods[rec]!)!;
      periodOf[rec] = p;
      place[rec] = recsOf[p]!.push(rec) - 1;
    }
    // Where each record's observation of each indicator is, period by period and indicator by indicator
    // (-1 for none): 4 bytes a record and indicator, found for every period in one pass over the
    // observations, where sorting them by period first and then a pass per period took three.
    const width = this.indicators.length;
    const cellsOf = recsOf.map((recs) => new Int32Array(width * recs.length).fill(-1));
    this.eachObservation((c, i, at) => {
      const rec = c.rec[i]!;
      const p = periodOf[rec]!;
      cellsOf[p]![c.ind[i]! * recsOf[p]!.length + place[rec]!] = at;
    });
    const bases = this.blockBases();
    for (let p = 0; p < periods.length; p++) {
      const recs = recsOf[p]!;
      const n = recs.length;
      const cells = cellsOf[p]!;
      yield {
        period: periods[p]!,
        records: recs.map((rec) => this.record(rec)),
        column: (j) => {
          const column = new Array<Observation | undefined>(n);
          for (let k = 0; k < n; k++) {
            const at = cells[j * n + k]!;
            if (at < 0) continue;
            const b = blockAt(bases, at);
            column[k] = this.observation(this.blocks[b]!.columns, at - bases[b]!, at);
          }
          return column;
        },
        bareValues: (j) => this.bareValues(cells.subarray(j * n, (j + 1) * n), bases),
      };
      // Not needed once the period is rated.
      cellsOf[p] = new Int32Array(0);
    }
  }

  /** The observations at `cells` (-1 for none) as bare values, or null where one is more than a bare value. */
  private bareValues(cells: Int32Array, bases: Int32Array): BareValues | null {
    const values = new Float64Array(cells.length);
    const kinds = new Uint8Array(cells.length);
    const compared = this.comparisons.size > 0;
    for (let k = 0; k < cells.length; k++) {
      const at = cells[k]!;
      if (at < 0) continue;
      if (compared && this.comparisons.has(at)) return null;
      const b = blockAt(bases, at);
      const c = this.blocks[b]!.columns;
      const i = at - bases[b]!;
      switch (c.kind[i] as Kind) {
        case KIND.value:
          kinds[k] = BARE.value;
          values[k] = c.a[i]!;
          break;
        case KIND.suppressed:
          kinds[k] = BARE.suppressed;
          break;
        case KIND.empty:
          break;
        default:
          return null;
      }
    }
    return { values, kinds };
  }

  /** Where each block's observations start in the count through all blocks. */
  private blockBases(): Int32Array {
    const bases = new Int32Array(this.blocks.length);
    for (let b = 1; b < this.blocks.length; b++) bases[b] = bases[b - 1]! + this.blocks[b - 1]!.count;
    return bases;
  }

  /** Every record, with its observations, in the order read. */
  private materialise(): OrgRecord[] {
    const records: OrgRecord[] = this.codes.map((_, rec) => ({ ...this.record(rec), observations: {} }));
    this.eachObservation((c, i, at) => defineObservation(records[c.rec[i]!]!.observations, this.indicators[c.ind[i]!]!, this.observation(c, i, at)));
    return records;
  }

  private record(rec: number): RecordHead {
    return {
      code: this.codes[rec]!,
      name: this.names[rec]!,
      period: this.periods[rec]!,
      ...(this.withAttributes ? { attributes: this.attributes[rec] ?? {} } : {}),
      origin: this.at(this.recordLines[rec]!, this.orgColumn),
    };
  }

  private at(line: number, column: number): Origin {
    return this.sheet === undefined ? { file: this.file, line, column } : { file: this.file, sheet: this.sheet, line, column };
  }

  /** Each observation kept, in the order read: its block's columns, its place there and its index. */
  private eachObservation(visit: (c: Columns, i: number, at: number) => void): void {
    let base = 0;
    for (const { columns: c, count } of this.blocks) {
      for (let i = 0; i < count; i++) if (c.kind[i] !== DROPPED) visit(c, i, base + i);
      base += count;
    }
  }

  private observation(c: Columns, i: number, at: number): Observation {
    const observed = this.observed(c, i, at);
    const comparison = this.comparisons.get(at);
    return comparison === undefined ? observed : { ...observed, comparison };
  }

  private observed(c: Columns, i: number, at: number): Observation {
    const origin = this.at(c.line[i]!, c.col[i]!);
    switch (c.kind[i] as Kind) {
      case KIND.value: {
        const spread = this.spreads.get(at);
        if (spread === undefined) return { value: c.a[i]!, origin };
        const [se, ciLower, ciUpper] = spread;
        return { value: c.a[i]!, ...(Number.isNaN(se) ? {} : { se }), ...(Number.isNaN(ciLower) ? {} : { ciLower, ciUpper }), origin };
      }
      case KIND.fraction:
        return { value: null, numerator: c.a[i]!, denominator: c.b![i]!, origin, denominatorOrigin: this.at(c.line[i]!, c.col2![i]!) };
      case KIND.empty:
        return { value: null, missing: "empty", origin };
      case KIND.suppressed:
        return { value: null, missing: "suppressed", origin };
      case KIND.text:
        return { value: null, text: this.texts.get(at)!, origin };
    }
  }
}

/** The block that observation `at` (counted through all blocks) is in: the last to start at or before it. */
function blockAt(bases: Int32Array, at: number): number {
  return lastAtOrBelow(bases, at);
}

function emptyColumns(size: number): Columns {
  return {
    rec: new Int32Array(size),
    ind: new Uint16Array(size),
    kind: new Uint8Array(size),
    a: new Float64Array(size),
    b: null,
    line: new Int32Array(size),
    col: new Uint16Array(size),
    col2: null,
  };
}

/** Columns of `size`, of the old ones' types, holding the first `used` entries of the old ones. */
function grow(old: Columns, used: number, size: number): Columns {
  const next = { ...old };
  for (const name of Object.keys(old) as (keyof Columns)[]) {
    const column = old[name];
    if (column === null) continue;
    const grown = new (column.constructor as new (n: number) => NonNullable<typeof column>)(size);
    grown.set(column.subarray(0, used) as never);
    next[name] = grown as never;
  }
  return next;
}

/** The buffers of a store's columns, to transfer to another thread. */
export function columnBuffers(blocks: readonly Block[]): ArrayBuffer[] {
  return blocks.flatMap(({ columns }) => Object.values(columns).flatMap((c: Columns[keyof Columns]) => (c === null ? [] : [c.buffer as ArrayBuffer])));
}

/**
 * The same as `observations[id] = obs`, but an object given more than a dozen properties by assignment
 * to computed keys turns into a hash table: 39,000 GP practice-periods x 24 indicators took 64 MB that
 * way against 10 MB for objects that keep their fast layout, as defined properties do.
 */
function defineObservation(observations: Record<string, Observation>, id: string, obs: Observation): void {
  Object.defineProperty(observations, id, { value: obs, writable: true, enumerable: true, configurable: true });
}
