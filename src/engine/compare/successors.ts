import { z } from "zod";
import { Origin } from "../dataset/schema.js";
import { error, type Diagnostic } from "../diagnostics.js";
import { compareText } from "../text-order.js";

/** One line of a successor file: `old_code` became (or merged into) `new_code`. */
export const Succession = z.object({
  oldCode: z.string().min(1),
  newCode: z.string().min(1),
  effectiveDate: z.string().nullable(),
  origin: Origin.optional(),
});
export type Succession = z.infer<typeof Succession>;

/** Old code -> its direct successor; chains (A -> B -> C) are followed when a code is looked up. */
export type SuccessorMap = ReadonlyMap<string, string>;

export type SuccessorMapOutcome = { ok: true; map: SuccessorMap } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Build the map, refusing what cannot be followed: a code with two different successors (a split,
 * which has no single successor to compare with) and a cycle (A -> B -> A).
 */
export function successorMap(successions: readonly Succession[]): SuccessorMapOutcome {
  const diagnostics: Diagnostic[] = [];
  const map = new Map<string, string>();
  const firstAt = new Map<string, Succession>();
  for (const s of successions) {
    if (s.oldCode === s.newCode) continue;
    const seen = firstAt.get(s.oldCode);
    if (seen === undefined) {
      map.set(s.oldCode, s.newCode);
      firstAt.set(s.oldCode, s);
    } else if (seen.newCode !== s.newCode) {
      const where = seen.origin?.line === undefined ? "" : ` (line ${seen.origin.line})`;
      diagnostics.push(
        error("E_MAP_SPLIT", `${s.oldCode} has two successors, ${seen.newCode}${where} and ${s.newCode}; a split cannot be compared`, s.origin),
      );
    }
  }
  const reported = new Set<string>();
  for (const start of [...map.keys()].sort(compareText)) {
    const path = [start];
    for (let code = map.get(start); code !== undefined; code = map.get(code)) {
      if (code === start) {
        const key = [...path].sort(compareText).join(" ");
        if (!reported.has(key)) {
          reported.add(key);
          diagnostics.push(error("E_MAP_CYCLE", `successor codes go round in a circle: ${[...path, start].join(" -> ")}`, firstAt.get(start)!.origin));
        }
        break;
      }
      if (path.includes(code)) break;
      path.push(code);
    }
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, map };
}

/**
 * The code an organisation goes by in the newer table: follow the map only while the code is not in
 * that table, so a later merger in the same file (00C -> 16C in 2020) does not hide 00C from a 2018 table.
 */
export function successorOf(map: SuccessorMap, code: string, isInNewTable: (code: string) => boolean): string {
  let current = code;
  while (!isInNewTable(current)) {
    const next = map.get(current);
    if (next === undefined) return current;
    current = next;
  }
  return current;
}
