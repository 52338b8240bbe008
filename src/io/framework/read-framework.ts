import { error, type Diagnostic } from "../../engine/diagnostics.js";
import { Framework } from "../../engine/framework/schema.js";
import { readTextFile } from "../read-text-file.js";
import { scanJson } from "./json-locations.js";

export type FrameworkRead = { ok: true; framework: Framework } | { ok: false; diagnostics: Diagnostic[] };

/** Validate a framework's JSON text; every schema problem is reported at its JSON path's line and column. */
export function parseFrameworkText(text: string, file: string): FrameworkRead {
  const body = text.replace(/^\uFEFF/, "");
  const scan = scanJson(body);
  if (!scan.ok) return { ok: false, diagnostics: [error("E_NOT_JSON", `not valid JSON: ${scan.message}`, { file, ...scan.at })] };
  const parsed = Framework.safeParse(JSON.parse(body));
  if (parsed.success) return { ok: true, framework: parsed.data };
  const diagnostics = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys" && issue.keys[0] !== undefined) path.push(issue.keys[0]);
    let pos = scan.locations.get(path.join("."));
    for (let n = path.length - 1; !pos && n >= 0; n--) pos = scan.locations.get(path.slice(0, n).join("."));
    const shown = issue.path.length === 0 ? "(top level)" : issue.path.map(String).reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc === "" ? p : `${acc}.${p}`), "");
    const message = issue.code === "invalid_type" && /received undefined/.test(issue.message) ? "is required" : issue.message;
    return error("E_FRAMEWORK_INVALID", `${shown}: ${message}`, { file, ...(pos ?? { line: 1, column: 1 }) });
  });
  return { ok: false, diagnostics };
}

export function readFrameworkFile(path: string, file: string): FrameworkRead {
  const read = readTextFile(path, file);
  if (!read.ok) return read;
  const { text } = read;
  if (text.trim() === "") return { ok: false, diagnostics: [error("E_EMPTY_FILE", "file is empty", { file, line: 1, column: 1 })] };
  return parseFrameworkText(text, file);
}
