import type { Diagnostic } from "../../engine/diagnostics.js";
import { error } from "../../engine/diagnostics.js";
import type { DiagnosticCollector } from "../../engine/diagnostic-collector.js";
import type { Indicator } from "../../engine/framework/schema.js";
import { isPercentUnit } from "../../engine/framework/units.js";
import { cellNumber, notANumber, parseCell } from "../cell.js";
import type { Header } from "../rows/header.js";
import type { Source, SpreadColumns } from "./plan.js";
import type { ValuesStore } from "./values-store.js";

/** One indicator's cells of one row, into the store; a cell that is not a number adds a diagnostic instead. */
export function observe(
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
      if (cell.kind === "missing") store.addMissing(rec, ind, cell.reason, line, column);
      else store.addText(rec, ind, raw.trim(), line, column);
      return;
    }
    const percent = isPercentUnit(indicator.unit);
    const value = cellNumber(raw, percent);
    if (!Number.isNaN(value)) {
      store.addValue(rec, ind, value, line, column);
      const spread = readSpread(cells, src.spread, indicator, header, file, line, diagnostics);
      if (spread !== null) store.addSpread(spread.se, spread.ciLower, spread.ciUpper);
      return;
    }
    const cell = parseCell(raw, percent);
    if (cell.kind === "missing") store.addMissing(rec, ind, cell.reason, line, column);
    else diagnostics.push(notANumber(raw, header.names[src.col]!, { file, line, column }));
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
    store.addMissing(rec, ind, suppressed ? "suppressed" : "empty", line, column);
    return;
  }
  store.addFraction(rec, ind, num.value, den.value, line, column, denominatorColumn);
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
  if (src.se === undefined && src.ciLower === undefined && src.ciUpper === undefined) return null;
  const percent = isPercentUnit(indicator.unit);
  const se = spreadCell(cells, src.se, percent, header, file, line, diagnostics);
  const ciLower = spreadCell(cells, src.ciLower, percent, header, file, line, diagnostics);
  const ciUpper = spreadCell(cells, src.ciUpper, percent, header, file, line, diagnostics);
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

/** One of a value's spread cells as a number: NaN when the file has no such column or the cell is empty (or not a number, which adds a diagnostic). */
function spreadCell(
  cells: readonly string[],
  col: number | undefined,
  percent: boolean,
  header: Header,
  file: string,
  line: number,
  diagnostics: DiagnosticCollector,
): number {
  if (col === undefined) return Number.NaN;
  const cell = parseCell(cells[col]!, percent);
  if (cell.kind === "invalid") diagnostics.push(notANumber(cells[col]!, header.names[col]!, { file, line, column: col + 1 }));
  return cell.kind === "number" ? cell.value : Number.NaN;
}
