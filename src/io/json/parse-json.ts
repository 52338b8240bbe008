import type { z } from "zod";
import { error, type Diagnostic, type DiagnosticCode } from "../../engine/diagnostics.js";
import { scanJson, type TextPosition } from "../framework/json-locations.js";

export type JsonRead<T> = { ok: true; data: T; locations: ReadonlyMap<string, TextPosition> } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parse JSON text and check it against a schema; a syntax error names its line and column, and every
 * schema problem is reported at the line and column of the value it is about. On success the
 * positions of the values come back too, so a later check can still point at a value.
 */
export function parseJson<T>(text: string, file: string, schema: z.ZodType<T>, code: DiagnosticCode): JsonRead<T> {
  const body = text.replace(/^\uFEFF/, "");
  const scan = scanJson(body);
  if (!scan.ok) return { ok: false, diagnostics: [error("E_NOT_JSON", `not valid JSON: ${scan.message}`, { file, ...scan.at })] };
  const parsed = schema.safeParse(JSON.parse(body));
  if (parsed.success) return { ok: true, data: parsed.data, locations: scan.locations };
  const diagnostics = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys" && issue.keys[0] !== undefined) path.push(issue.keys[0]);
    const message = issue.code === "invalid_type" && /received undefined/.test(issue.message) ? "is required" : issue.message;
    return error(code, `${shownPath(issue.path.map(String))}: ${message}`, { file, ...locate(scan.locations, path) });
  });
  return { ok: false, diagnostics };
}

/** The line and column of the value at a JSON path, or of its nearest enclosing value. */
export function locate(locations: ReadonlyMap<string, TextPosition>, path: readonly string[]): TextPosition {
  for (let n = path.length; n >= 0; n--) {
    const pos = locations.get(path.slice(0, n).join("."));
    if (pos) return pos;
  }
  return { line: 1, column: 1 };
}

function shownPath(path: readonly string[]): string {
  return path.length === 0 ? "(top level)" : path.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc === "" ? p : `${acc}.${p}`), "");
}
