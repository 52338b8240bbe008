import { error, type Diagnostic, type Origin } from "../diagnostics.js";
import { compareText } from "../text-order.js";

/**
 * The kinds of period label analysts write, each read as a position in time. Financial years are the
 * NHS's, April to March: "2024/25 Q1" is April to June 2024. A calendar quarter is written with a
 * plain year ("2024 Q1", "Q1 2024"): January to March.
 */
const PERIOD_KINDS = ["financial-quarter", "calendar-quarter", "financial-year", "month", "date", "year", "number"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** One way of reading a label: its kind and its position among labels of that kind. */
export interface PeriodReading {
  kind: PeriodKind;
  position: number;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
/** "2024/25", "2024-25", "2024/2025", "2024 25": a financial year, checked to be two consecutive years. */
const FY = "(\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})";
const QUARTER = "q(?:uarter)?\\s*([1-4])";
const SEP = "[\\s,_-]*";

const PATTERNS: { re: RegExp; read: (m: RegExpMatchArray) => PeriodReading | null }[] = [
  { re: new RegExp(`^(?:fy\\s*)?${FY}${SEP}${QUARTER}$`), read: (m) => financialQuarter(m[1]!, m[2]!, m[3]!) },
  { re: new RegExp(`^${QUARTER}${SEP}(?:fy\\s*)?${FY}$`), read: (m) => financialQuarter(m[2]!, m[3]!, m[1]!) },
  { re: new RegExp(`^(\\d{4})${SEP}${QUARTER}$`), read: (m) => calendarQuarter(m[1]!, m[2]!) },
  { re: new RegExp(`^${QUARTER}${SEP}(\\d{4})$`), read: (m) => calendarQuarter(m[2]!, m[1]!) },
  { re: new RegExp(`^${MONTH}${SEP}(\\d{4}|\\d{2})$`), read: (m) => month(m[2]!, MONTHS.indexOf(m[1]!) + 1) },
  { re: /^(\d{4})-(\d{1,2})$/, read: (m) => month(m[1]!, Number(m[2])) },
  { re: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, read: (m) => date(Number(m[1]), Number(m[2]), Number(m[3])) },
  { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, read: (m) => date(Number(m[3]), Number(m[2]), Number(m[1])) },
  { re: new RegExp(`^(?:fy\\s*)?${FY}$`), read: (m) => financialYear(m[1]!, m[2]!) },
  { re: /^(\d{4})$/, read: (m) => year(Number(m[1])) },
  { re: /^(\d{1,9})$/, read: (m) => ({ kind: "number", position: Number(m[1]) }) },
];

/**
 * Every way the label can be read. Some labels read two ways ("2011-12" is the financial year 2011/12
 * or December 2011; "2024" a year or a number): the other labels of the file decide (orderPeriods).
 */
export function periodReadings(label: string): PeriodReading[] {
  const text = label.trim().toLowerCase();
  const readings: PeriodReading[] = [];
  for (const { re, read } of PATTERNS) {
    const m = text.match(re);
    const reading = m === null ? null : read(m);
    if (reading !== null && !readings.some((r) => r.kind === reading.kind)) readings.push(reading);
  }
  return readings.sort((a, b) => PERIOD_KINDS.indexOf(a.kind) - PERIOD_KINDS.indexOf(b.kind));
}

export interface PeriodLabel {
  label: string;
  /** Where the label was first seen, for a message about it. */
  origin?: Origin;
}

export type PeriodOrder = { ok: true; kind: PeriodKind; periods: string[] } | { ok: false; diagnostics: Diagnostic[] };

const EXAMPLES = '"2024/25 Q1", "Q1 2024-25", "2024 Q1", "Jun 2024", "2024-06", "2024-06-30", "30/06/2024", "2024/25", "2024"';

/**
 * The labels in time order. All of them must be read as one kind, the first in PERIOD_KINDS that
 * reads every label, so that a file never mixes, say, quarters with years; two labels at the same
 * position ("2024/25 Q1" and "Q1 2024-25") are one period written two ways, which is an error too.
 */
export function orderPeriods(labels: readonly PeriodLabel[]): PeriodOrder {
  const readings = labels.map((l) => periodReadings(l.label));
  const unreadable = labels.filter((_, i) => readings[i]!.length === 0);
  if (unreadable.length > 0) {
    return {
      ok: false,
      diagnostics: unreadable.map((l) => error("E_PERIOD_ORDER", `cannot place period "${l.label}" in time; write periods as one of ${EXAMPLES}`, l.origin)),
    };
  }
  const kind = PERIOD_KINDS.find((k) => readings.every((rs) => rs.some((r) => r.kind === k)));
  if (kind === undefined) {
    const kinds = (i: number) => readings[i]!.map((r) => r.kind).join(" or ");
    // The first label that no kind shared by all the labels before it can read.
    let shared = new Set(readings[0]!.map((r) => r.kind));
    const other = readings.findIndex((rs) => (shared = new Set(rs.map((r) => r.kind).filter((k) => shared.has(k)))).size === 0);
    return {
      ok: false,
      diagnostics: [
        error(
          "E_PERIOD_ORDER",
          `periods of different kinds cannot be put in one order: "${labels[0]!.label}" (${kinds(0)}) and "${labels[other]!.label}" (${kinds(other)})`,
          labels[other]!.origin,
        ),
      ],
    };
  }
  const placed = labels.map((l, i) => ({ l, position: readings[i]!.find((r) => r.kind === kind)!.position }));
  placed.sort((a, b) => a.position - b.position || compareText(a.l.label, b.l.label));
  const diagnostics: Diagnostic[] = [];
  for (let i = 1; i < placed.length; i++) {
    const [a, b] = [placed[i - 1]!, placed[i]!];
    if (a.position === b.position) {
      diagnostics.push(error("E_PERIOD_ORDER", `periods "${a.l.label}" and "${b.l.label}" are the same ${kind}, written two ways; write it one way`, b.l.origin));
    }
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, kind, periods: placed.map((p) => p.l.label) };
}

function financialYearStart(start: string, end: string): number | null {
  const first = Number(start);
  const second = Number(end);
  const next = end.length === 2 ? (first + 1) % 100 : first + 1;
  return second === next ? first : null;
}

function financialQuarter(start: string, end: string, quarter: string): PeriodReading | null {
  const y = financialYearStart(start, end);
  return y === null ? null : { kind: "financial-quarter", position: y * 4 + Number(quarter) - 1 };
}

function financialYear(start: string, end: string): PeriodReading | null {
  const y = financialYearStart(start, end);
  return y === null ? null : { kind: "financial-year", position: y };
}

function calendarQuarter(y: string, quarter: string): PeriodReading {
  return { kind: "calendar-quarter", position: Number(y) * 4 + Number(quarter) - 1 };
}

/** A two-digit year, as in "Jun-24", is in this century. */
function month(y: string, m: number): PeriodReading | null {
  if (m < 1 || m > 12) return null;
  const full = y.length === 2 ? 2000 + Number(y) : Number(y);
  return { kind: "month", position: full * 12 + m - 1 };
}

function date(y: number, m: number, d: number): PeriodReading | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return { kind: "date", position: t / 86_400_000 };
}

function year(y: number): PeriodReading {
  return { kind: "year", position: y };
}
