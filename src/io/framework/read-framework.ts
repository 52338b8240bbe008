import { error, type Diagnostic } from "../../engine/diagnostics.js";
import { Framework } from "../../engine/framework/schema.js";
import { parseJson } from "../json/parse-json.js";
import { readTextFile } from "../read-text-file.js";

export type FrameworkRead = { ok: true; framework: Framework } | { ok: false; diagnostics: Diagnostic[] };

/** Validate a framework's JSON text; every schema problem is reported at its JSON path's line and column. */
export function parseFrameworkText(text: string, file: string): FrameworkRead {
  const read = parseJson(text, file, Framework, "E_FRAMEWORK_INVALID");
  return read.ok ? { ok: true, framework: read.data } : read;
}

export function readFrameworkFile(path: string, file: string): FrameworkRead {
  const read = readTextFile(path, file);
  if (!read.ok) return read;
  const { text } = read;
  if (text.trim() === "") return { ok: false, diagnostics: [error("E_EMPTY_FILE", "file is empty", { file, line: 1, column: 1 })] };
  return parseFrameworkText(text, file);
}
