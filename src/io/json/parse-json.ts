import type { z } from "zod";
import { error, type Diagnostic, type DiagnosticCode } from "../../engine/diagnostics.js";
import { jsonLocations, offsetPosition } from "../framework/json-locations.js";

export type JsonRead<T> = { ok: true; data: T } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parse JSON text and check it against a schema; a syntax error names its line and column, and every
 * schema problem is reported at the line and column of the value it is about.
 */
export function parseJson<T>(text: string, file: string, schema: z.ZodType<T>, code: DiagnosticCode): JsonRead<T> {
  const body = text.replace(/^\uFEFF/, "");
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = /line (\d+) column (\d+)/.exec(message);
    const pos = where ? { line: Number(where[1]), column: Number(where[2]) } : at ? offsetPosition(text, Number(at[1])) : { line: 1, column: 1 };
    return { ok: false, diagnostics: [error("E_NOT_JSON", `not valid JSON: ${message.replace(/\s*\(line \d+ column \d+\)$/, "")}`, { file, ...pos })] };
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data };
  const locations = jsonLocations(body);
  const diagnostics = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String);
    return error(code, `${shownPath(path)}: ${issue.message}`, { file, ...locate(locations, path) });
  });
  return { ok: false, diagnostics };
}

/** The line and column of the value at a JSON path, or of its nearest enclosing value. */
export function locate(locations: ReadonlyMap<string, { line: number; column: number }>, path: readonly string[]): { line: number; column: number } {
  for (let n = path.length; n >= 0; n--) {
    const pos = locations.get(path.slice(0, n).join("."));
    if (pos) return pos;
  }
  return { line: 1, column: 1 };
}

function shownPath(path: readonly string[]): string {
  return path.length === 0 ? "(top level)" : path.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc === "" ? p : `${acc}.${p}`), "");
}
