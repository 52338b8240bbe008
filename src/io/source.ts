import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { Readable } from "node:stream";
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
    return { ok: false, diagnostic: fileProblem(e, spec) };
  }
  return { ok: true, source: { name: spec, path, size, open: () => checkedRead(path, size) } };
}

/** Why a file named by the user cannot be opened, as the diagnostic every reader reports. */
export function fileProblem(e: unknown, file: string): Diagnostic {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "ENOENT"
    ? error("E_FILE_NOT_FOUND", "file not found", { file })
    : error("E_FILE_UNREADABLE", `cannot read (${code ?? "unknown error"})`, { file });
}

/**
 * A regular file read to its end must have given as many bytes as it had when checked: fewer (or
 * more) means it was truncated, replaced or written to meanwhile, and a rating of part of a file
 * would look like a rating of all of it. Pipes and devices have no size to hold them to.
 * Bytes [start, end) only, when reading a file in parts: a part that ends before the file does is
 * held to its own length, and the last part to the file's end.
 */
export function checkedRead(path: string, size: number, start = 0, end = size): Readable {
  return Readable.from(chunksOf(path, size, start, end), { objectMode: false });
}

const CHUNK = 1 << 16;
const CHUNKS_BETWEEN_TURNS = 16;

/**
 * The file's chunks, read synchronously. A stream's reads each waited for a turn of the event loop,
 * and the reader stood idle meanwhile: 0.1 s of a 1 s CCG-level run. Every 1 MB it still lets the
 * event loop turn, so that Ctrl-C is handled while a large file is read.
 */
async function* chunksOf(path: string, size: number, start: number, end: number): AsyncGenerator<Buffer> {
  let n = 0;
  for (const chunk of fileChunks(path, size, start, end)) {
    yield chunk;
    if (++n % CHUNKS_BETWEEN_TURNS === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Bytes [start, end) of a file, held to its size as checkedRead is, read synchronously: for a thread that does nothing else. */
export function* fileChunks(path: string, size: number, start = 0, end = size): Generator<Buffer> {
  const fd = openSync(path, "r");
  try {
    const regular = fstatSync(fd).isFile();
    // The last part reads on to the end of the file, wherever that now is, so that one that grew is told.
    const limit = regular && end < size ? end : Infinity;
    let at = start;
    while (at < limit) {
      // A new buffer for each read: the reader may still hold the last chunk, or a slice of it.
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit - at));
      const got = readSync(fd, chunk, 0, chunk.length, regular ? at : null);
      if (got === 0) break;
      at += got;
      yield got < chunk.length ? chunk.subarray(0, got) : chunk;
    }
    if (regular && at !== end) {
      throw Object.assign(new Error(`the file changed while it was read (${size} bytes when opened, ${at} read)`), { code: "ECHANGED" });
    }
  } finally {
    closeSync(fd);
  }
}
