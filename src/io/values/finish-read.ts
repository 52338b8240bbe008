import type { Dataset } from "../../engine/dataset/schema.js";
import { orgPeriodKey } from "../../engine/dataset/org-period.js";
import { DiagnosticCollector, type CollectorParts } from "../../engine/diagnostic-collector.js";
import { error, type Diagnostic } from "../../engine/diagnostics.js";
import type { Framework } from "../../engine/framework/schema.js";
import { fillAttributes } from "./attributes.js";
import { duplicateHints, duplicateValue } from "./second-values.js";
import type { SegmentRead } from "./segment-read.js";
import { unreadValues } from "./unread-values.js";
import { ValuesStore, type StoreParts } from "./values-store.js";

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
  const hints = duplicateHints(shape.splits, segments.map((segment) => segment.splitValues), framework.indicators.length);
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
    for (const { rec, ind, line, first, count } of unreadValues(segment.unread)) {
      if (!store.holds(recs[rec]!, ind)) continue;
      duplicate(recs[rec]!, ind, line + shift);
      for (let d = first; d < first + count; d++) found.withdraw(d, "E_NOT_A_NUMBER", "error");
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
