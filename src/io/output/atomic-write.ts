import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { open, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Temporary files being written now, so that a signal handler can remove them before the process dies. */
const pending = new Set<string>();

/** Slices small enough that a signal is handled between two of them, large enough to cost nothing. */
const SLICE = 1 << 20;

/**
 * Write a whole file or nothing: the text goes to a temporary file in the same folder (so the rename
 * stays on one file system and is atomic), and only a complete file replaces the old one. On any
 * failure the temporary file is removed and the old file is untouched. Two writers of the same path
 * each have their own temporary file, so the path ends up as one complete output, the last renamed.
 * It writes in slices, yielding between them, so that SIGINT or SIGTERM mid-write is handled (see
 * removePendingTempFiles) rather than waited out. The text may come in pieces, made as it is written,
 * or be bytes (a workbook).
 */
export async function writeFileAtomic(path: string, text: string | Iterable<string> | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  // Known to the signal handler before the file exists: the file is made on another thread, and a
  // signal handled before \`open\` returned would otherwise leave it behind.
  pending.add(temp);
  let file: FileHandle | undefined;
  try {
    file = await open(temp, "wx");
    for (const bytes of text instanceof Uint8Array ? [text] : utf8Slices(text)) await writeBytes(file, bytes);
    await file.sync();
    await file.close();
    await rename(temp, path);
  } catch (e) {
    if (file !== undefined) {
      await file.close().catch(() => undefined);
      await rm(temp, { force: true });
    }
    throw e;
  } finally {
    pending.delete(temp);
  }
}

/**
 * The text's pieces as UTF-8, written into slices of about SLICE bytes as they come: joining them into
 * a string first made a string of a megabyte per slice for the collector to clear. A piece ending in
 * the first half of a surrogate pair goes with the next piece, so that a pair split between two
 * pieces is written as the one character it is in the joined text.
 */
function* utf8Slices(text: string | Iterable<string>): Generator<Buffer> {
  let slice = Buffer.allocUnsafe(SLICE);
  let used = 0;
  let carried = "";
  for (const given of typeof text === "string" ? [text] : text) {
    let piece = carried + given;
    carried = "";
    const last = piece.charCodeAt(piece.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      carried = piece.slice(-1);
      piece = piece.slice(0, -1);
    }
    // A UTF-16 unit is at most 3 bytes in UTF-8: only a piece that might not fit is measured.
    if (piece.length * 3 > slice.length - used) {
      const bytes = Buffer.byteLength(piece, "utf8");
      if (bytes > slice.length - used) {
        if (used > 0) yield slice.subarray(0, used);
        slice = Buffer.allocUnsafe(Math.max(SLICE, bytes + 3));
        used = 0;
      }
    }
    used += slice.write(piece, used, "utf8");
  }
  if (carried !== "") {
    if (slice.length - used < 3) {
      yield slice.subarray(0, used);
      slice = Buffer.allocUnsafe(3);
      used = 0;
    }
    used += slice.write(carried, used, "utf8");
  }
  yield slice.subarray(0, used);
}

async function writeBytes(file: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.length; at += SLICE) {
    const slice = bytes.subarray(at, at + SLICE);
    for (let done = 0; done < slice.length; ) done += (await file.write(slice, done)).bytesWritten;
  }
}

/** For a signal handler: remove every temporary file still being written. Synchronous, as the process is about to end. */
export function removePendingTempFiles(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}
