import { resolve } from "node:path";
import type { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import type { Diagnostic } from "../engine/diagnostics.js";
import { openSource } from "./source.js";

export type TextRead = { ok: true; text: string; name: string; path: string | null } | { ok: false; diagnostic: Diagnostic };

/** A whole (small) file, or stdin for "-", as text. */
export async function readText(spec: string, stdin: Readable, cwd: string): Promise<TextRead> {
  const opened = openSource(spec, stdin, (p) => resolve(cwd, p));
  if (!opened.ok) return opened;
  return { ok: true, text: await text(opened.source.open()), name: opened.source.name, path: opened.source.path };
}
