import type { Diagnostic } from "../../engine/diagnostics.js";
import { error, warning } from "../../engine/diagnostics.js";
import type { Framework, Indicator } from "../../engine/framework/schema.js";
import { needsCounts } from "../../engine/scoring/needs-counts.js";
import { columnOf, type Header } from "../rows/header.js";
import { resolveLayout } from "./layout.js";
import type { ValuesOptions } from "./options.js";

/** Where a bare value's standard error and confidence limits are, those the file has. */
export interface SpreadColumns {
  se: number | undefined;
  ciLower: number | undefined;
  ciUpper: number | undefined;
}

type ValueSource = { kind: "value"; col: number; spread: SpreadColumns };
type FractionSource = { kind: "fraction"; numCol: number; denCol: number };
export type Source = ValueSource | FractionSource;

export interface Plan {
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
  /** Long layout: the value's source and the counts', those the file has, made once for every row (see longSource). */
  sources: { value: ValueSource | undefined; fraction: FractionSource | undefined };
}

/**
 * How to read the rows under `header`: where the organisation, indicators, values and filters are.
 * Problems with the header go into `diagnostics`; null when no organisation column is found.
 */
export function makePlan(
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
    const spread = { se: columnOf(header, names.se), ciLower: columnOf(header, names.ciLower), ciUpper: columnOf(header, names.ciUpper) };
    const long = {
      comparisonCol: layout.comparison === undefined ? undefined : columnOf(header, layout.comparison),
      splits: layout.splits.map((name) => ({ name, col: columnOf(header, name)! })),
      valueFirst: layout.valueFirst,
      spread,
      sources: {
        value: valueCol === undefined ? undefined : { kind: "value" as const, col: valueCol, spread },
        fraction: numCol === undefined || denCol === undefined ? undefined : { kind: "fraction" as const, numCol, denCol },
      },
    };
    return orgCol === undefined ? null : { ...base, ...long, layout: "long", wide: new Map(), indicatorCol, valueCol, numCol, denCol };
  }

  const none = {
    comparisonCol: undefined,
    splits: [],
    valueFirst: false,
    spread: { se: undefined, ciLower: undefined, ciUpper: undefined },
    sources: { value: undefined, fraction: undefined },
  };
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

/**
 * Where a long row's value comes from: the numerator and denominator when the file has both columns
 * and the row gives either, else the value. A layout that rates the published value (Fingertips) takes
 * the value where there is one, unless the method works from the counts.
 */
export function longSource(p: Plan, cells: readonly string[], indicator: Indicator): Source {
  const { value, fraction } = p.sources;
  // Without either, the plan had an error and no row is read.
  if (fraction === undefined) return value!;
  if (value === undefined) return fraction;
  if (p.valueFirst && cells[value.col]!.trim() !== "" && !needsCounts(indicator.scoring.method)) return value;
  return cells[fraction.numCol]!.trim() !== "" || cells[fraction.denCol]!.trim() !== "" ? fraction : value;
}

/** Every column a plan has the reader look at (a wide layout's indicator column is -1: none). */
export function usedColumns(plan: Plan): number[] {
  const spread = (s: SpreadColumns) => [s.se, s.ciLower, s.ciUpper];
  const sources = [...plan.wide.values()].flatMap((src) => (src.kind === "value" ? [src.col, ...spread(src.spread)] : [src.numCol, src.denCol]));
  const named = [plan.orgCol, plan.nameCol, plan.periodCol, plan.indicatorCol, plan.valueCol, plan.numCol, plan.denCol, ...spread(plan.spread)];
  const kept = [plan.comparisonCol, ...plan.splits.map((split) => split.col)];
  return [...named, ...kept, ...plan.where.map((w) => w.col), ...plan.attributes.values(), ...sources].filter((c): c is number => c !== undefined);
}
