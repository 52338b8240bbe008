import type { Dataset, Observation, OrgRecord } from "../../engine/dataset/schema.js";
import { compareText } from "../../engine/text-order.js";

/** What an observation holds; the numbers it keeps mean different things for each. */
export const KIND = { value: 0, fraction: 1, empty: 2, suppressed: 3, text: 4 } as const;
export type Kind = (typeof KIND)[keyof typeof KIND];

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
  columns: { rec: Int32Array; ind: Int32Array; kind: Uint8Array; a: Float64Array; b: Float64Array; line: Int32Array; col: Int32Array; col2: Int32Array };
  texts: [number, string][];
}

type Columns = StoreParts["columns"];

/** Observations in typed arrays: the first `count` entries of `columns` are used. */
interface Block {
  columns: Columns;
  count: number;
}

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
  private keys = new Map<string, number>();
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

  constructor(file: string, indicators: readonly string[], orgColumn: number, keyed: boolean, withAttributes: boolean) {
    this.file = file;
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
    // Rows of one organisation and period mostly come together: no key to build for those.
    const last = this.codes.length - 1;
    if (last >= 0 && this.codes[last] === code && this.periods[last] === period) return last;
    return this.keys.get(recordKey(code, period));
  }

  addRecord(code: string, name: string, period: string | null, line: number, attributes?: Record<string, string>): number {
    const rec = this.codes.length;
    this.codes.push(code);
    this.names.push(name);
    this.periods.push(period);
    this.recordLines.push(line);
    this.attributes.push(attributes);
    if (this.keyed) this.keys.set(recordKey(code, period), rec);
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
    if (this.names[rec] === "" && name !== "") this.names[rec] = name;
  }

  holds(rec: number, ind: number): boolean {
    return this.held[rec * this.indicators.length + ind] === 1;
  }

  /**
   * One observation. `a` is the value or the numerator, `b` the denominator; `col` the 1-based column
   * its origin points at and `col2` the denominator's.
   */
  add(rec: number, ind: number, kind: Kind, a: number, b: number, line: number, col: number, col2: number, text?: string): void {
    const block = this.blocks[this.blocks.length - 1]!;
    if (block.count === block.columns.rec.length) block.columns = grow(block.columns, block.count, Math.max(4096, block.count * 2));
    const i = block.count++;
    const c = block.columns;
    c.rec[i] = rec;
    c.ind[i] = ind;
    c.kind[i] = kind;
    c.a[i] = a;
    c.b[i] = b;
    c.line[i] = line;
    c.col[i] = col;
    c.col2[i] = col2;
    if (text !== undefined) this.texts.set(this.count, text);
    this.count++;
    this.held[rec * this.indicators.length + ind] = 1;
  }

  /** A store of one block (one part read on a worker thread), as parts. */
  toParts(): StoreParts {
    const [block] = this.blocks;
    if (this.blocks.length !== 1) throw new Error("only a store of one block goes to another thread");
    const columns = grow(block!.columns, block!.count, block!.count);
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
      columns,
      texts: [...this.texts],
    };
  }

  static fromParts(parts: StoreParts): ValuesStore {
    const store = new ValuesStore(parts.file, parts.indicators, parts.orgColumn, parts.keyed, parts.withAttributes);
    for (let rec = 0; rec < parts.codes.length; rec++) {
      store.addRecord(parts.codes[rec]!, parts.names[rec]!, parts.periods[rec]!, parts.recordLines[rec]!, parts.attributes[rec]);
    }
    store.blocks = [{ columns: parts.columns, count: parts.count }];
    store.count = parts.count;
    store.texts = new Map(parts.texts);
    for (let i = 0; i < parts.count; i++) store.held[parts.columns.rec[i]! * store.indicators.length + parts.columns.ind[i]!] = 1;
    return store;
  }

  /**
   * Add the records of the next part of the same file, read on its own, with its line numbers moved
   * by `lineShift`: in a keyed store a record of the same organisation and period continues.
   * `attributesOf` gives a continued or new record its merged attributes (see read-values). Gives
   * where each of the part's records went, for `appendValues`.
   */
  appendRecords(next: ValuesStore, lineShift: number, attributesOf: (rec: number) => Record<string, string> | undefined): Int32Array {
    const recs = new Int32Array(next.records);
    for (let r = 0; r < next.records; r++) {
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
   * Then its values, taking over its blocks (`next` is not to be used after): `duplicate` is told of
   * each value an earlier part already held, which is left out.
   */
  appendValues(next: ValuesStore, recs: Int32Array, lineShift: number, duplicate: (rec: number, ind: number, line: number) => void): void {
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
    this.blocks.push(...next.blocks);
    this.count += next.count;
  }

  /** Every record, as the engine takes them, in the order first read. */
  dataset(hasPeriods: boolean): Dataset {
    return { records: this.materialise(() => true), hasPeriods };
  }

  /** The periods in text order (as the engine rates them), each made into the engine's objects only when reached. */
  *byPeriod(hasPeriods: boolean): Generator<Dataset> {
    const { periodOf, starts, order } = this.periodIndex();
    for (let p = 0; p + 1 < starts.length; p++) {
      yield { records: this.materialise((rec) => periodOf[rec] === p, order.subarray(starts[p]!, starts[p + 1]!)), hasPeriods };
    }
  }

  /**
   * Each record's period as a number (periods in text order), and the observations of each period in
   * turn (a counting sort, in the order read): `order[starts[p] .. starts[p + 1])` are period p's.
   */
  private periodIndex(): { periodOf: Int32Array; starts: Int32Array; order: Int32Array } {
    const periods = [...new Set(this.periods)].sort((a, b) => compareText(a ?? "", b ?? ""));
    const index = new Map(periods.map((p, i) => [p, i]));
    const periodOf = Int32Array.from(this.periods, (p) => index.get(p)!);
    const starts = new Int32Array(periods.length + 1);
    this.eachObservation((c, i) => starts[periodOf[c.rec[i]!]! + 1]!++);
    for (let p = 0; p < periods.length; p++) starts[p + 1]! += starts[p]!;
    const order = new Int32Array(starts[periods.length]!);
    const next = starts.slice(0, -1);
    this.eachObservation((c, i, at) => (order[next[periodOf[c.rec[i]!]!]!++] = at));
    return { periodOf, starts, order };
  }

  /** The wanted records, with the observations given in `which` (all when not given), in the order read. */
  private materialise(wanted: (rec: number) => boolean, which?: Int32Array): OrgRecord[] {
    const { file, orgColumn } = this;
    const made: (OrgRecord | undefined)[] = [];
    const records: OrgRecord[] = [];
    for (let rec = 0; rec < this.codes.length; rec++) {
      if (!wanted(rec)) continue;
      const record: OrgRecord = {
        code: this.codes[rec]!,
        name: this.names[rec]!,
        period: this.periods[rec]!,
        observations: {},
        ...(this.withAttributes ? { attributes: this.attributes[rec] ?? {} } : {}),
        origin: { file, line: this.recordLines[rec]!, column: orgColumn },
      };
      made[rec] = record;
      records.push(record);
    }
    const add = (c: Columns, i: number, at: number) => {
      const record = made[c.rec[i]!];
      if (record !== undefined) defineObservation(record.observations, this.indicators[c.ind[i]!]!, this.observation(c, i, at));
    };
    if (which === undefined) {
      this.eachObservation(add);
      return records;
    }
    // `which` counts up through the blocks, so the block of each is found by walking on.
    let b = 0;
    let base = 0;
    for (const at of which) {
      while (at >= base + this.blocks[b]!.count) base += this.blocks[b++]!.count;
      add(this.blocks[b]!.columns, at - base, at);
    }
    return records;
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
    const origin = { file: this.file, line: c.line[i]!, column: c.col[i]! };
    switch (c.kind[i] as Kind) {
      case KIND.value:
        return { value: c.a[i]!, origin };
      case KIND.fraction:
        return { value: null, numerator: c.a[i]!, denominator: c.b[i]!, origin, denominatorOrigin: { file: this.file, line: c.line[i]!, column: c.col2[i]! } };
      case KIND.empty:
        return { value: null, missing: "empty", origin };
      case KIND.suppressed:
        return { value: null, missing: "suppressed", origin };
      case KIND.text:
        return { value: null, text: this.texts.get(at)!, origin };
    }
  }
}

/** The key of an organisation's record for a period: rows of both may come in any order. */
export function recordKey(code: string, period: string | null): string {
  return `${code}\u0000${period ?? ""}`;
}

function emptyColumns(size: number): Columns {
  return {
    rec: new Int32Array(size),
    ind: new Int32Array(size),
    kind: new Uint8Array(size),
    a: new Float64Array(size),
    b: new Float64Array(size),
    line: new Int32Array(size),
    col: new Int32Array(size),
    col2: new Int32Array(size),
  };
}

/** Columns of `size`, holding the first `used` entries of the old ones. */
function grow(old: Columns, used: number, size: number): Columns {
  const next = emptyColumns(size);
  for (const name of Object.keys(next) as (keyof Columns)[]) next[name].set(old[name].subarray(0, used) as never);
  return next;
}

/**
 * The same as `observations[id] = obs`, but an object given more than a dozen properties by assignment
 * to computed keys turns into a hash table: 39,000 GP practice-periods x 24 indicators took 64 MB that
 * way against 10 MB for objects that keep their fast layout, as defined properties do.
 */
function defineObservation(observations: Record<string, Observation>, id: string, obs: Observation): void {
  Object.defineProperty(observations, id, { value: obs, writable: true, enumerable: true, configurable: true });
}
