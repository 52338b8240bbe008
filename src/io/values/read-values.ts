import type { Readable } from "node:stream";
import type { Dataset, Observation, OrgRecord } from "../../engine/dataset/schema.js";
import { error, hasErrors, warning, type Diagnostic } from "../../engine/diagnostics.js";
import type { Framework, Indicator } from "../../engine/framework/schema.js";
import { notANumber, parseCell } from "../cell.js";
import { columnOf, readHeader, rowLengthProblem, type Header } from "../csv/header.js";
import { readRecordBatches } from "../csv/read-records.js";
import type { ValuesOptions } from "./options.js";

export interface ValuesRead {
  dataset: Dataset;
  diagnostics: Diagnostic[];
}

type Source =
  | { kind: "value"; col: number }
  | { kind: "fraction"; numCol: number; denCol: number }
  | { kind: "long" };

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
}

/**
 * Read a values file in wide (one row per organisation) or long (one row per organisation x indicator
 * [x period]) layout into the engine's dataset. Streams: only the rows kept are held in memory.
 * Reports every problem it finds, not only the first.
 */
export async function readValues(input: Readable, file: string, framework: Framework, options: ValuesOptions): Promise<ValuesRead> {
  const diagnostics: Diagnostic[] = [];
  const indicators = new Map(framework.indicators.map((i) => [i.id, i]));
  const records = new Map<string, OrgRecord>();
  const order: OrgRecord[] = [];
  const attributesByKey = new Map<string, Record<string, string>>();
  let header: Header | null = null;
  let plan: Plan | null = null;
  let dataRows = 0;
  let keptRows = 0;
  const unknownIndicators = new Set<string>();
  const seenIndicators = new Set<string>();

  const skipped = { records: 0 };
  const recordOptions = {
    encoding: options.encoding,
    limits: options.limits,
    skipped,
    ...(options.prefilter !== false && options.where.length > 0 ? { onlyLinesWith: options.where.map((w) => w.value) } : {}),
  };
  reading: for await (const batch of readRecordBatches(input, file, recordOptions)) {
    for (const event of batch) {
      if (event.kind === "error") {
        diagnostics.push(event.diagnostic);
        break reading;
      }
      const { cells, line } = event.record;
      if (header === null) {
        const read = readHeader(cells, file, line);
        header = read.header;
        diagnostics.push(...read.diagnostics);
        const planned = makePlan(header, framework, options, file, line, diagnostics);
        if (hasErrors(diagnostics) || planned === null) return { dataset: emptyDataset(), diagnostics };
        plan = planned;
        continue;
      }
      const p = plan!;
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
        const observations: Record<string, Observation> = {};
        for (const [id, src] of p.wide) {
          const obs = observe(cells, src, indicators.get(id)!, header, file, line, diagnostics);
          if (obs) addObservation(observations, id, obs);
        }
        const attributes = p.attributes.size === 0 ? {} : { attributes: attributesOf(cells, p) };
        order.push({ code, name, period, observations, ...attributes, origin: { file, line, column: p.orgCol + 1 } });
        continue;
      }

      const id = cells[p.indicatorCol]!.trim();
      const key = `${code}\u0000${period ?? ""}`;
      // An attribute such as a deficit flag may be given on only some of an organisation's rows, any of
      // them. Most frameworks have no overrides, and then no row pays for looking.
      const attributes = p.attributes.size === 0 ? null : (attributesByKey.get(key) ?? {});
      if (attributes !== null) {
        attributesByKey.set(key, attributes);
        for (const [column, col] of p.attributes) {
          const value = cells[col]!;
          if (value.trim() !== "" && (attributes[column] ?? "").trim() === "") attributes[column] = value;
        }
      }
      const indicator = indicators.get(id);
      if (!indicator) {
        if (!unknownIndicators.has(id)) {
          unknownIndicators.add(id);
          diagnostics.push(
            warning("W_UNKNOWN_INDICATOR", `indicator "${id}" is not in the framework; its rows are ignored`, { file, line, column: p.indicatorCol + 1 }),
          );
        }
        continue;
      }
      seenIndicators.add(id);
      let record = records.get(key);
      if (!record) {
        record = { code, name, period, observations: {}, ...(attributes === null ? {} : { attributes }), origin: { file, line, column: p.orgCol + 1 } };
        records.set(key, record);
        order.push(record);
      } else if (record.name === "" && name !== "") {
        record.name = name;
      }
      if (record.observations[id]) {
        const when = period === null ? "" : ` in period ${period}`;
        diagnostics.push(
          error("E_DUPLICATE_VALUE", `second value for ${code}, indicator ${id}${when}`, { file, line, column: p.indicatorCol + 1 }),
        );
        continue;
      }
      const src: Source =
        p.numCol !== undefined && p.denCol !== undefined && (p.valueCol === undefined || cells[p.numCol]!.trim() !== "" || cells[p.denCol]!.trim() !== "")
          ? { kind: "fraction", numCol: p.numCol, denCol: p.denCol }
          : { kind: "value", col: p.valueCol! };
      const obs = observe(cells, src, indicator, header, file, line, diagnostics);
      if (obs) addObservation(record.observations, id, obs);
    }
  }

  if (header === null) {
    if (!hasErrors(diagnostics)) diagnostics.push(error("E_EMPTY_FILE", "file is empty", { file, line: 1, column: 1 }));
    return { dataset: emptyDataset(), diagnostics };
  }
  const p = plan!;
  dataRows += skipped.records;
  if (dataRows === 0 && !hasErrors(diagnostics)) {
    diagnostics.push(error("E_NO_DATA", "no data rows after the header", { file, line: 1, column: 1 }));
  } else if (keptRows === 0 && p.where.length > 0 && !hasErrors(diagnostics)) {
    const filter = options.where.map((w) => `${w.column}=${w.value}`).join(", ");
    diagnostics.push(error("E_NO_DATA", `no row matches --where ${filter}`, { file, line: 1, column: 1 }));
  } else if (p.layout === "long" && !hasErrors(diagnostics)) {
    for (const ind of framework.indicators) {
      if (!seenIndicators.has(ind.id)) {
        diagnostics.push(
          error("E_MISSING_INDICATOR", `no rows for indicator "${ind.id}" (column ${header.names[p.indicatorCol]})`, { file, line: 1, column: p.indicatorCol + 1 }),
        );
      }
    }
  }
  return { dataset: { records: order, hasPeriods: p.periodCol !== undefined }, diagnostics };
}

/**
 * The same as `observations[id] = obs`, but an object given more than a dozen properties by assignment
 * to computed keys turns into a hash table: 39,000 GP practice-periods x 24 indicators took 64 MB that
 * way against 10 MB for objects that keep their fast layout, as defined properties do.
 */
function addObservation(observations: Record<string, Observation>, id: string, obs: Observation): void {
  Object.defineProperty(observations, id, { value: obs, writable: true, enumerable: true, configurable: true });
}

function attributesOf(cells: readonly string[], plan: Plan): Record<string, string> {
  return Object.fromEntries([...plan.attributes].map(([column, col]) => [column, cells[col]!]));
}

function emptyDataset(): Dataset {
  return { records: [], hasPeriods: false };
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
  const orgCol = columnOf(header, options.orgCol);
  if (orgCol === undefined) {
    diagnostics.push(error("E_MISSING_COLUMN", `no organisation code column "${options.orgCol}" (name another with --org-col)`, at));
  }
  const where: Plan["where"] = [];
  for (const w of options.where) {
    const col = columnOf(header, w.column);
    if (col === undefined) diagnostics.push(error("E_MISSING_COLUMN", `no column "${w.column}" for --where ${w.column}=${w.value}`, at));
    else where.push({ col, value: w.value });
  }
  const attributes = new Map<string, number>();
  for (const column of new Set((framework.overrides ?? []).map((o) => o.column))) {
    const col = columnOf(header, column);
    if (col === undefined) diagnostics.push(error("E_MISSING_COLUMN", `no column "${column}", which the framework's overrides look at`, at));
    else attributes.set(column, col);
  }
  const base = {
    orgCol: orgCol ?? 0,
    nameCol: columnOf(header, options.nameCol),
    periodCol: columnOf(header, options.periodCol),
    where,
    attributes,
  };
  const indicatorCol = columnOf(header, options.indicatorCol);
  if (indicatorCol !== undefined) {
    const valueCol = columnOf(header, options.valueCol);
    const numCol = columnOf(header, options.numeratorCol);
    const denCol = columnOf(header, options.denominatorCol);
    if (valueCol === undefined && (numCol === undefined || denCol === undefined)) {
      diagnostics.push(
        error(
          "E_MISSING_COLUMN",
          `long layout needs a value column "${options.valueCol}" or numerator and denominator columns "${options.numeratorCol}", "${options.denominatorCol}" (name them with --value-col, --numerator-col, --denominator-col)`,
          at,
        ),
      );
    }
    return orgCol === undefined ? null : { ...base, layout: "long", wide: new Map(), indicatorCol, valueCol, numCol, denCol };
  }

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
      wide.set(ind.id, { kind: "value", col });
      used.add(col);
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
  return orgCol === undefined ? null : { ...base, layout: "wide", wide, indicatorCol: -1, valueCol: undefined, numCol: undefined, denCol: undefined };
}

/** One indicator's cells of one row, as an observation; a cell that is not a number adds a diagnostic. */
function observe(
  cells: readonly string[],
  src: Source,
  indicator: Indicator,
  header: Header,
  file: string,
  line: number,
  diagnostics: Diagnostic[],
): Observation | null {
  if (src.kind === "value") {
    const origin = { file, line, column: src.col + 1 };
    if (indicator.scoring.method === "categorical") {
      // A label is text; only the empty cell and the suppression marks mean "no value". The engine
      // checks the label against the framework's, so a library caller gets the same error.
      const cell = parseCell(cells[src.col]!, false);
      return cell.kind === "missing" ? { value: null, missing: cell.reason, origin } : { value: null, text: cells[src.col]!.trim(), origin };
    }
    const cell = parseCell(cells[src.col]!, indicator.unit === "%");
    if (cell.kind === "invalid") {
      diagnostics.push(notANumber(cells[src.col]!, header.names[src.col]!, origin));
      return null;
    }
    return cell.kind === "missing" ? { value: null, missing: cell.reason, origin } : { value: cell.value, origin };
  }
  if (src.kind !== "fraction") return null;
  const num = parseCell(cells[src.numCol]!, false);
  const den = parseCell(cells[src.denCol]!, false);
  const origin = { file, line, column: src.numCol + 1 };
  const denominatorOrigin = { file, line, column: src.denCol + 1 };
  let bad = false;
  if (num.kind === "invalid") {
    diagnostics.push(notANumber(cells[src.numCol]!, header.names[src.numCol]!, origin));
    bad = true;
  }
  if (den.kind === "invalid") {
    diagnostics.push(notANumber(cells[src.denCol]!, header.names[src.denCol]!, denominatorOrigin));
    bad = true;
  }
  if (bad) return null;
  if (num.kind === "missing" || den.kind === "missing") {
    const suppressed = (num.kind === "missing" && num.reason === "suppressed") || (den.kind === "missing" && den.reason === "suppressed");
    return { value: null, missing: suppressed ? "suppressed" : "empty", origin };
  }
  return { value: null, numerator: (num as { value: number }).value, denominator: (den as { value: number }).value, origin, denominatorOrigin };
}

