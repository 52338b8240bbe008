import { readFileSync } from "node:fs";
import { error, type Diagnostic } from "../engine/diagnostics.js";

/** A whole (small) file as text, or the one diagnostic that says why it cannot be read. */
export function readTextFile(path: string, file: string): { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] } {
  try {
    return { ok: true, text: readFileSync(path, "utf8") };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const d = code === "ENOENT" ? error("E_FILE_NOT_FOUND", "file not found", { file }) : error("E_FILE_UNREADABLE", `cannot read (${code})`, { file });
    return { ok: false, diagnostics: [d] };
  }
}
