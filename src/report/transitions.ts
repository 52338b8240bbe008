import { error, type Diagnostic } from "../engine/diagnostics.js";
import { NOT_RATED } from "../engine/framework/schema.js";
import type { RatedOrg } from "../engine/rate.js";
import { compareText } from "../engine/text-order.js";
import type { GradedRow } from "../io/graded/read-graded-table.js";

/**
 * How organisations moved between an earlier graded table and this rating, matched by code. The
 * minimum the report draws; the full comparison (successor maps, merged organisations) belongs to
 * the compare engine and can replace this when it exists.
 */
export interface Transitions {
  /** Row and column labels: the framework's categories, then Not rated. */
  labels: string[];
  /** matrix[from][to]: organisations in both tables. */
  matrix: number[][];
  /** Per old label: organisations only in the earlier table. */
  gone: number[];
  /** Per new label: organisations only in this rating. */
  added: number[];
  /** Organisations rated in both whose category changed, biggest moves first, then by code. */
  movers: Mover[];
}

export interface Mover {
  code: string;
  name: string;
  from: string;
  to: string;
  /** Categories moved: positive is up (better). */
  change: number;
}

export type TransitionsOutcome = { ok: true; transitions: Transitions } | { ok: false; diagnostics: Diagnostic[] };

/** When either side has several periods, an organisation's latest period stands for it. */
export function transitions(categories: readonly string[], old: readonly GradedRow[], oldFile: string, current: readonly RatedOrg[]): TransitionsOutcome {
  const labels = [...categories, NOT_RATED];
  const diagnostics: Diagnostic[] = [];
  const before = new Map<string, { name: string; index: number; period: string }>();
  for (const row of old) {
    const index = labels.indexOf(row.category);
    if (index === -1) {
      diagnostics.push(
        error("E_UNKNOWN_CATEGORY", `category "${row.category}" of ${row.code} is not one of the framework's (${labels.join(", ")})`, { file: oldFile, ...(row.line === undefined ? {} : { line: row.line }) }),
      );
      continue;
    }
    const seen = before.get(row.code);
    if (!seen || compareText(seen.period, row.period ?? "") <= 0) before.set(row.code, { name: row.name, index, period: row.period ?? "" });
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  const after = new Map<string, RatedOrg>();
  for (const org of current) {
    const seen = after.get(org.code);
    if (!seen || compareText(seen.period ?? "", org.period ?? "") <= 0) after.set(org.code, org);
  }
  const size = labels.length;
  const matrix = labels.map(() => new Array<number>(size).fill(0));
  const gone = new Array<number>(size).fill(0);
  const added = new Array<number>(size).fill(0);
  const movers: Mover[] = [];
  const notRated = size - 1;
  for (const [code, org] of after) {
    const to = org.categoryIndex ?? notRated;
    const was = before.get(code);
    if (!was) {
      added[to]!++;
      continue;
    }
    matrix[was.index]![to]!++;
    if (was.index !== to && was.index !== notRated && to !== notRated) {
      movers.push({ code, name: org.name || was.name, from: labels[was.index]!, to: labels[to]!, change: was.index - to });
    }
  }
  for (const [code, was] of before) if (!after.has(code)) gone[was.index]!++;
  movers.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || b.change - a.change || compareText(a.code, b.code));
  return { ok: true, transitions: { labels, matrix, gone, added, movers } };
}
