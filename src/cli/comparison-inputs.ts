import { resolve } from "node:path";
import { successorMap, type SuccessorMap } from "../engine/compare/successors.js";
import { error, hasErrors } from "../engine/diagnostics.js";
import type { Rating } from "../engine/rate.js";
import { readSuccessions } from "../io/maps/read-successors.js";
import { openSource } from "../io/source.js";
import { DataFailure, UsageError } from "./failures.js";
import type { InputOptions } from "./inputs.js";
import type { Proc } from "./proc.js";

/** The options of `compare` and `report --compare` that say how two ratings are compared. */
export interface ComparisonOptions {
  periods?: string;
  map?: string;
  allowDifferentFrameworks?: boolean;
}

export function parsePeriods(spec: string | undefined): [string, string] | null {
  if (spec === undefined) return null;
  const parts = spec.split(",").map((p) => p.trim());
  if (parts.length !== 2 || parts.some((p) => p === "")) throw new UsageError(`--periods takes OLD,NEW, got "${spec}"`);
  return [parts[0]!, parts[1]!];
}

/** The successor map of --map (empty without it), and its path so that --out cannot overwrite it. */
export async function readMap(spec: string | undefined, proc: Proc): Promise<{ map: SuccessorMap; path: string | null }> {
  if (spec === undefined) return { map: new Map(), path: null };
  const opened = openSource(spec, proc.stdin, (p) => resolve(proc.cwd, p));
  if (!opened.ok) throw new DataFailure([opened.diagnostic]);
  const read = await readSuccessions(opened.source.open(), opened.source.name);
  const built = successorMap(read.successions);
  const diagnostics = [...read.diagnostics, ...(built.ok ? [] : built.diagnostics)];
  if (!built.ok || hasErrors(diagnostics)) throw new DataFailure(diagnostics);
  return { map: built.map, path: opened.source.path };
}

/** Refuse periods the rating does not have, naming the ones it has. */
export function requirePeriods(rating: Rating, periods: readonly string[], opts: InputOptions): void {
  const known = rating.summary.periods.map((p) => p.period).filter((p): p is string => p !== null);
  const missing = periods.filter((p) => !known.includes(p));
  if (missing.length === 0) return;
  const has = known.length === 0 ? `it has no period column "${opts.periodCol ?? "period"}" (name it with --period-col)` : `its periods are ${known.join(", ")}`;
  throw new DataFailure([error("E_PERIOD_NOT_FOUND", `no period ${missing.map((p) => `"${p}"`).join(" or ")} in the values (${has})`, { file: opts.values })]);
}
