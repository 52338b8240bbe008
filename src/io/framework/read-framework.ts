import { readFileSync } from "node:fs";
import { error, type Diagnostic } from "../../engine/diagnostics.js";
import { Framework } from "../../engine/framework/schema.js";
import { parseJson } from "../json/parse-json.js";

export type FrameworkRead = { ok: true; framework: Framework } | { ok: false; diagnostics: Diagnostic[] };

/** Validate a framework's JSON text; every schema problem is reported at its JSON path's line and column. */
export function parseFrameworkText(text: string, file: string): FrameworkRead {
  const read = parseJson(text, file, Framework, "E_FRAMEWORK_INVALID");
  return read.ok ? { ok: true, framework: read.data } : read;
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
