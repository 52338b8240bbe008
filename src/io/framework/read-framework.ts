import { readFileSync } from "node:fs";
import { error, type Diagnostic } from "../../engine/diagnostics.js";
import { Framework } from "../../engine/framework/schema.js";
import { jsonLocations, offsetPosition } from "./json-locations.js";

export type FrameworkRead = { ok: true; framework: Framework } | { ok: false; diagnostics: Diagnostic[] };

/** Validate a framework's JSON text; every schema problem is reported at its JSON path's line and column. */
export function parseFrameworkText(text: string, file: string): FrameworkRead {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = /line (\d+) column (\d+)/.exec(message);
    const pos = where ? { line: Number(where[1]), column: Number(where[2]) } : at ? offsetPosition(text, Number(at[1])) : { line: 1, column: 1 };
    return { ok: false, diagnostics: [error("E_NOT_JSON", `not valid JSON: ${message.replace(/\s*\(line \d+ column \d+\)$/, "")}`, { file, ...pos })] };
  }
  const parsed = Framework.safeParse(data);
  if (parsed.success) return { ok: true, framework: parsed.data };
  const locations = jsonLocations(text.replace(/^\uFEFF/, ""));
  const diagnostics = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String);
    let pos = locations.get(path.join("."));
    for (let n = path.length - 1; !pos && n >= 0; n--) pos = locations.get(path.slice(0, n).join("."));
    const shown = path.length === 0 ? "(top level)" : path.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc === "" ? p : `${acc}.${p}`), "");
    return error("E_FRAMEWORK_INVALID", `${shown}: ${issue.message}`, { file, ...(pos ?? { line: 1, column: 1 }) });
  });
  return { ok: false, diagnostics };
}

export function readFrameworkFile(path: string, file: string): FrameworkRead {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const d = code === "ENOENT" ? error("E_FILE_NOT_FOUND", "file not found", { file }) : error("E_FILE_UNREADABLE", `cannot read (${code})`, { file });
    return { ok: false, diagnostics: [d] };
  }
  if (text.trim() === "") return { ok: false, diagnostics: [error("E_EMPTY_FILE", "file is empty", { file, line: 1, column: 1 })] };
  return parseFrameworkText(text, file);
}
