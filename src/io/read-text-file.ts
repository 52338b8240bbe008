import { readFileSync } from "node:fs";
import type { Diagnostic } from "../engine/diagnostics.js";
import { fileProblem } from "./source.js";

/** A whole (small) file as text, or the one diagnostic that says why it cannot be read. */
export function readTextFile(path: string, file: string): { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] } {
  try {
    return { ok: true, text: readFileSync(path, "utf8") };
  } catch (e) {
    return { ok: false, diagnostics: [fileProblem(e, file)] };
  }
}
