import { createReadStream, statSync } from "node:fs";
import type { Readable } from "node:stream";
import { error, type Diagnostic } from "../engine/diagnostics.js";

export interface Source {
  /** The name used in messages: the path as the user typed it, or "<stdin>". */
  name: string;
  /** The resolved path, or null for stdin. */
  path: string | null;
  /** Size in bytes, or null for stdin. */
  size: number | null;
  open(): Readable;
}

export type Opened = { ok: true; source: Source } | { ok: false; diagnostic: Diagnostic };

/** A file (or "-" for stdin) checked to exist before any reading starts, so a typo fails fast and clearly. */
export function openSource(spec: string, stdin: Readable, resolvePath: (p: string) => string): Opened {
  if (spec === "-") return { ok: true, source: { name: "<stdin>", path: null, size: null, open: () => stdin } };
  const path = resolvePath(spec);
  let size: number;
  try {
    const stat = statSync(path);
    size = stat.size;
    if (stat.isDirectory()) {
      return { ok: false, diagnostic: error("E_FILE_UNREADABLE", "is a directory, not a file", { file: spec }) };
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      diagnostic:
        code === "ENOENT"
          ? error("E_FILE_NOT_FOUND", "file not found", { file: spec })
          : error("E_FILE_UNREADABLE", `cannot read (${code ?? "unknown error"})`, { file: spec }),
    };
  }
  return { ok: true, source: { name: spec, path, size, open: () => createReadStream(path) } };
}
