import { parentPort } from "node:worker_threads";
import { workerJob } from "../../worker-thread.js";
import { fileChunks } from "../../source.js";
import { CsvTextFilter } from "./csv-text.js";
import type { ScanError, ScanJob, ScanMessage } from "./scan-thread.js";

/**
 * One part of a CSV file read, checked and filtered on a worker thread (see scan-thread.ts): what is
 * left of it goes back to the parsing thread in batches, with where lines were left out. Synchronous:
 * the thread has nothing else to do, and a turn through a stream for each chunk cost more than
 * filtering it. A part after the first starts with the file's header, which it reads but does not send.
 */
const job = workerJob<ScanJob>();
const inFlight = new Int32Array(job.inFlight);
const post = (message: ScanMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);
const filter = new CsvTextFilter(job.file, job.options);
const last = job.end === job.size;
let opened = false;
let unsent = job.header?.length ?? 0;
let batch: (Buffer | string)[] = [];
let size = 0;
let read = 0;

try {
  if (job.header !== null) add(filter.push(Buffer.from(job.header)));
  const empty = !readPart(job.start, job.end);
  // The line ends of the part itself, not of the header line it was given.
  const newlines = filter.lineEnds - (job.header === null ? 0 : 1);
  let whole = empty || last;
  // The part ended inside a record (a quoted field with a line break, say), or where that cannot be
  // known: the next part was read from a wrong start, so this one reads on in its place.
  if (!whole && filter.lines?.atRecordStart !== true) {
    readPart(job.end, job.size);
    whole = true;
  }
  if (whole && !filter.empty) add(filter.end());
  if (!opened) open();
  send();
  const passed = (filter.lines?.passedLines ?? 0) - (job.header === null ? 0 : 1);
  post({ kind: "end", dropped: filter.lines?.dropped ?? 0, passed, newlines, whole });
} catch (e) {
  send();
  const { diagnostic, code, message } = e as Partial<ScanError>;
  post({ kind: "error", error: { diagnostic, code, message: message ?? String(e) } });
}

/** Bytes [start, end) through the filter; false when it stopped early, at an empty file. */
function readPart(start: number, end: number): boolean {
  for (const chunk of fileChunks(job.path, job.size, start, end)) {
    read += chunk.length;
    add(filter.push(chunk));
    if (!opened && (filter.head !== null || filter.empty)) open();
    if (filter.empty) return false;
    if (size >= job.batchBytes || read >= job.batchBytes * 16) send();
  }
  return true;
}

function open(): void {
  opened = true;
  post({ kind: "opened", head: filter.head, filtered: filter.lines !== null });
}

function add(piece: Buffer | string): void {
  if (unsent > 0) {
    // The header of a part after the first: the first part sends it.
    const skip = Math.min(unsent, piece.length);
    unsent -= skip;
    piece = piece.slice(skip);
  }
  if (piece.length === 0) return;
  batch.push(piece);
  size += piece.length;
}

/** What was gathered, to the parsing thread; then wait while that is behind. */
function send(): void {
  if (!opened) return;
  const gaps = filter.lines === null ? [] : filter.lines.gaps.take();
  if (batch.length === 0 && gaps.length === 0 && read === 0) return;
  // Text decoded from another encoding is copied; bytes are moved, once joined into a buffer of their own.
  const piece = typeof batch[0] === "string" ? batch.join("") : joinedBytes(batch as Buffer[], size);
  post({ kind: "piece", piece, gaps, read }, typeof piece === "string" ? [] : [piece.buffer as ArrayBuffer]);
  Atomics.add(inFlight, 0, size);
  batch = [];
  size = 0;
  read = 0;
  // So that what is read does not pile up in memory while the parsing thread is behind.
  for (let waiting = Atomics.load(inFlight, 0); waiting > job.mostInFlight; waiting = Atomics.load(inFlight, 0)) Atomics.wait(inFlight, 0, waiting, 100);
}

function joinedBytes(pieces: Buffer[], size: number): Uint8Array {
  const joined = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) {
    joined.set(piece, at);
    at += piece.length;
  }
  return joined;
}
