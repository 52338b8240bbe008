import { basename } from "node:path";
import type { Readable } from "node:stream";
import { error, hasErrors, warning, type Diagnostic, type Origin } from "../../engine/diagnostics.js";
import { thresholdCutsProblem } from "../../engine/framework/cuts.js";
import { Framework, INDICATOR_ID, Polarity, Unit, type FrameworkInput } from "../../engine/framework/schema.js";
import { isPercentUnit, unitProblem } from "../../engine/framework/units.js";
import { notANumber, parseCell } from "../cell.js";
import { readTableRows } from "../rows/read-table.js";
import { csvRows } from "../rows/csv-rows.js";
import { inSheet, type RowSource } from "../rows/row-source.js";

const REQUIRED = ["indicator", "label", "polarity", "top_performing", "performing_well", "needs_improvement"] as const;
const OPTIONAL = ["weight", "standard", "unit"] as const;
const CUT_COLUMNS = ["top_performing", "performing_well", "needs_improvement"] as const;

export type ThresholdsRead = { ok: true; framework: Framework; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * The analyst's thresholds spreadsheet, as shorthand for a framework with threshold scoring on the
 * four standard categories and the default mean-of-bands aggregation.
 */
export async function readThresholds(input: Readable, file: string): Promise<ThresholdsRead> {
  return readThresholdsRows(csvRows(input, file));
}

/** Whether a row can be a thresholds header: what finds it below a workbook's title rows. */
export function isThresholdsHeader(cells: readonly string[]): boolean {
  const names = new Set(cells.map((c) => c.trim().toLowerCase()));
  return REQUIRED.every((name) => names.has(name));
}

/** readThresholds from any row source: a CSV file's or a workbook sheet's rows. */
export async function readThresholdsRows(rows: RowSource): Promise<ThresholdsRead> {
  const file = rows.file;
  const table = await readTableRows(rows, REQUIRED, OPTIONAL);
  const diagnostics: Diagnostic[] = [...table.diagnostics];
  if (hasErrors(diagnostics) && table.columns.size === 0) return { ok: false, diagnostics };
  for (const { name, at } of table.unused) diagnostics.push(warning("W_UNUSED_COLUMN", `column "${name}" is not used`, at));
  if (REQUIRED.some((name) => !table.columns.has(name))) return { ok: false, diagnostics };
  const indicators: FrameworkInput["indicators"] = [];
  const seen = new Map<string, number>();

  for (const row of table.rows) {
    const { line, cell, at } = row;

    const id = cell("indicator");
    if (!INDICATOR_ID.test(id)) {
      diagnostics.push(error("E_FRAMEWORK_INVALID", `indicator id "${id}" must be letters, digits, '_', '.', '-'`, at("indicator")));
      continue;
    }
    if (seen.has(id)) {
      diagnostics.push(error("E_DUPLICATE_INDICATOR", `indicator "${id}" is already defined at line ${seen.get(id)}`, at("indicator")));
      continue;
    }
    seen.set(id, line);

    const polarity = Polarity.safeParse(cell("polarity").toLowerCase());
    if (!polarity.success) {
      diagnostics.push(error("E_BAD_POLARITY", `polarity "${cell("polarity")}" must be "higher" or "lower" (is better)`, at("polarity")));
    }
    const unitText = cell("unit") === "" ? "%" : cell("unit");
    const unit = Unit.safeParse(unitText);
    if (!unit.success) {
      diagnostics.push(error("E_BAD_UNIT", `unit "${unitText}": ${unitProblem(unitText)}`, at("unit")));
    }
    const allowPercent = isPercentUnit(unitText);
    const cuts: number[] = [];
    for (const name of CUT_COLUMNS) {
      const parsed = parseCell(cell(name), allowPercent);
      if (parsed.kind === "number") cuts.push(parsed.value);
      else diagnostics.push(notANumber(cell(name), name, at(name)));
    }
    const weight = optionalNumber(cell("weight"), allowPercent, "weight", at("weight"), diagnostics);
    if (weight !== undefined && !(weight > 0)) {
      diagnostics.push(error("E_BAD_WEIGHT", `weight ${weight} must be greater than 0`, at("weight")));
    }
    const standard = optionalNumber(cell("standard"), allowPercent, "standard", at("standard"), diagnostics);
    if (!polarity.success || !unit.success || cuts.length !== CUT_COLUMNS.length) continue;

    const problem = thresholdCutsProblem(cuts, polarity.data, CUT_COLUMNS.length + 1);
    if (problem) {
      diagnostics.push(error("E_CUTS_NOT_MONOTONE", problem, at(firstBrokenCut(cuts, polarity.data))));
      continue;
    }
    indicators.push({
      id,
      label: cell("label") || id,
      polarity: polarity.data,
      unit: unit.data,
      ...(weight !== undefined && weight > 0 ? { weight } : {}),
      ...(standard !== undefined ? { standard } : {}),
      scoring: { method: "thresholds", cuts },
    });
  }

  if (seen.size === 0 && !hasErrors(diagnostics)) {
    diagnostics.push(...inSheet(rows, [error("E_NO_DATA", "no indicators after the header", { file, line: 1, column: 1 })]));
  }
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  const name = file === "<stdin>" ? "stdin" : basename(file);
  const framework = Framework.parse({
    id: `thresholds:${name}`,
    title: `Thresholds from ${name}`,
    source: `thresholds spreadsheet ${name}`,
    caveats: "",
    indicators,
  });
  return { ok: true, framework, warnings: diagnostics };
}

function optionalNumber(
  text: string,
  allowPercent: boolean,
  column: string,
  origin: Origin,
  diagnostics: Diagnostic[],
): number | undefined {
  if (text === "") return undefined;
  const parsed = parseCell(text, allowPercent);
  if (parsed.kind === "number") return parsed.value;
  diagnostics.push(notANumber(text, column, origin));
  return undefined;
}

function firstBrokenCut(cuts: readonly number[], polarity: Polarity): (typeof CUT_COLUMNS)[number] {
  for (let i = 1; i < cuts.length; i++) {
    const ok = polarity === "higher" ? cuts[i]! < cuts[i - 1]! : cuts[i]! > cuts[i - 1]!;
    if (!ok) return CUT_COLUMNS[i]!;
  }
  return CUT_COLUMNS[0];
}
