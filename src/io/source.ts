import { createReadStream, fstatSync, statSync } from "node:fs";
import { Transform, type Readable } from "node:stream";
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

const READ_AHEAD = 1 << 18;

/**
 * A regular file read to its end must have given as many bytes as it had when checked: fewer (or
 * more) means it was truncated, replaced or written to meanwhile, and a rating of part of a file
 * would look like a rating of all of it. Pipes and devices have no size to hold them to.
 * Bytes [start, end) only, when reading a file in parts: a part that ends before the file does is
 * held to its own length, and the last part to the file's end.
 */
export function checkedRead(path: string, size: number, start = 0, end = size): Readable {
  const stream = createReadStream(path, { start, ...(end < size ? { end: end - 1 } : {}) });
  let regular = false;
  stream.once("open", (fd: number) => {
    regular = fstatSync(fd).isFile();
  });
  const check = new Transform({
    // Room for a few of the file stream's 64 KB chunks, so that it reads ahead while the last ones are
    // parsed: with the default room it waits for each read in turn, 0.13 s of a 1 s CCG-level run.
    highWaterMark: READ_AHEAD,
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk);
    },
    flush(done) {
      if (regular && stream.bytesRead !== end - start) {
        done(Object.assign(new Error(`the file changed while it was read (${size} bytes when opened, ${start + stream.bytesRead} read)`), { code: "ECHANGED" }));
      } else done();
    },
  });
  stream.on("error", (e) => check.destroy(e));
  return stream.pipe(check);
}
