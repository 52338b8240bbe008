import type { Readable } from "node:stream";
import { startWorker } from "../../worker-thread.js";
import type { Diagnostic } from "../../../engine/diagnostics.js";
import type { CsvHead } from "./csv-text.js";
import { DEFAULT_CSV_LIMITS } from "./limits.js";
import { LineGaps } from "./line-gaps.js";
import { PartLines } from "./part-lines.js";
import { emptyFile, failureDiagnostic, openCsvText, type CsvTextOpened, type ReadRecordsOptions } from "./read-records.js";

/** What a reading thread is asked to do (see scan-worker.ts). */
export interface ScanJob {
  path: string;
  size: number;
  file: string;
  options: Omit<ReadRecordsOptions, "skipped">;
  /** The part [start, end) of the file; a part after the first also gets the header line, with its line end. */
  start: number;
  end: number;
  header: Uint8Array | null;
  /** Bytes sent and not yet parsed, shared: the reading thread waits while there are more than `mostInFlight`. */
  inFlight: SharedArrayBuffer;
  mostInFlight: number;
  /** How much it gathers before sending: each message costs a turn of both threads. */
  batchBytes: number;
}

/** An error thrown on a reading thread, as much of it as the reader's diagnostics look at. */
export interface ScanError {
  diagnostic?: Diagnostic | undefined;
  code?: string | undefined;
  message: string;
}

/**
 * What a reading thread says, in this order: opened (head null: an empty file), pieces, then end or
 * error; or error alone. At the end, `passed` (lines passed on to the parser) and `newlines` count the
 * lines of its part, a copy of the header given to it not counted, to number those of the parts after (see
 * PartLines); `whole` says it read on to the end of the
 * file, as the parts after it started in the wrong place.
 */
export type ScanMessage =
  | { kind: "opened"; head: CsvHead | null; filtered: boolean }
  | { kind: "piece"; piece: Uint8Array | string; gaps: number[]; read: number }
  | { kind: "end"; dropped: number; passed: number; newlines: number; whole: boolean }
  | { kind: "error"; error: ScanError };

const MOST_IN_FLIGHT = 16 << 20;
const BATCH_BYTES = 256 << 10;

export interface ScanSource {
  path: string;
  size: number;
  file: string;
  /** The file read on this thread instead, should a reading thread not start; it tells the progress itself. */
  open(): Readable;
}

/**
 * A CSV file read, checked and filtered (CsvTextFilter) on worker threads, a part each, while this
 * thread parses what is left of it, part after part. At CCG level nearly every line is left out, so
 * looking at each line once is most of the work of a run: here it is shared out, and starts while the
 * program loads. `starts` are where the parts begin (just after a line end); `header` is the file's
 * first line, for the parts after the first.
 */
export function scanOnThreads(
  source: ScanSource,
  options: ReadRecordsOptions,
  starts: readonly number[],
  header: Uint8Array | null,
  progress?: (bytes: number) => void,
): { opened: Promise<CsvTextOpened>; cancel(): void } {
  const { path, size, file } = source;
  const parts = starts.map((start, k) =>
    partOnThread({
      path,
      size,
      file,
      options: { encoding: options.encoding, limits: options.limits, onlyLinesWith: options.onlyLinesWith },
      start,
      end: starts[k + 1] ?? size,
      header: k === 0 ? null : header,
      inFlight: new SharedArrayBuffer(4),
      mostInFlight: MOST_IN_FLIGHT,
      batchBytes: BATCH_BYTES,
    }),
  );
  const cancel = () => parts.forEach((part) => part.stop());
  const limits = options.limits ?? DEFAULT_CSV_LIMITS;

  const opened = (async (): Promise<CsvTextOpened> => {
    let first: ScanMessage;
    try {
      first = await parts[0]!.next();
    } catch {
      cancel();
      return openCsvText(source.open(), file, options);
    }
    if (first.kind === "error") {
      cancel();
      return { ok: false, diagnostic: failureDiagnostic(rebuilt(first.error, 0), file, limits) };
    }
    if (first.kind !== "opened") throw new Error(`a reading thread said ${first.kind} first`);
    if (first.head === null) {
      cancel();
      return { ok: false, diagnostic: emptyFile(file) };
    }
    const lines = { gaps: new LineGaps(), dropped: 0 };
    const pieces = (async function* () {
      // The file's lines, and the lines passed on to the parser (which the gaps count), of the parts before.
      const fileLines = new PartLines();
      const passedLines = new PartLines();
      for (const [k, part] of parts.entries()) {
        if (k > 0) {
          const opening = await part.next();
          if (opening.kind === "error") throw rebuilt(opening.error, fileLines.shift);
        }
        for (let message = await part.next(); ; message = await part.next()) {
          if (message.kind === "piece") {
            const shift = passedLines.shift;
            lines.gaps.add(shift === 0 ? message.gaps : message.gaps.map((n, i) => (i % 2 === 0 ? n + shift : n)));
            progress?.(message.read);
            if (message.piece.length === 0) continue;
            const { piece } = message;
            yield typeof piece === "string" ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.length);
            part.parsed(piece.length);
          } else if (message.kind === "end") {
            lines.dropped += message.dropped;
            if (message.whole) {
              cancel();
              return;
            }
            passedLines.add(message.passed);
            fileLines.add(message.newlines);
            break;
          } else if (message.kind === "error") {
            throw rebuilt(message.error, fileLines.shift);
          } else {
            throw new Error(`a reading thread said ${message.kind} while reading`);
          }
        }
      }
    })();
    return { ok: true, text: { ...first.head, pieces, lines: first.filtered ? lines : null, stop: cancel } };
  })();
  // Cancelled before anyone asked, it must not fail the process.
  opened.catch(() => {});
  return { opened, cancel };
}

/** The error thrown on a reading thread, its line moved by `lineShift` to be the file's. */
function rebuilt(error: ScanError, lineShift: number): Error {
  const line = error.diagnostic?.line;
  const diagnostic = line === undefined ? error.diagnostic : { ...error.diagnostic!, line: line + lineShift };
  return Object.assign(new Error(error.message), error, { diagnostic });
}

/** One part read on a worker thread: its messages in order, and a way to say how much of it was parsed. */
function partOnThread(job: ScanJob): { next(): Promise<ScanMessage>; parsed(length: number): void; stop(): void } {
  const worker = startWorker(new URL("./scan-worker.js", import.meta.url), job);
  worker.unref();
  const credit = new Int32Array(job.inFlight);
  const queue: ScanMessage[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const arrived = () => {
    wake?.();
    wake = null;
  };
  worker.on("message", (message: ScanMessage) => {
    queue.push(message);
    arrived();
  });
  worker.on("error", (e) => {
    failure = e;
    arrived();
  });
  worker.on("exit", (code) => {
    failure ??= new Error(`a reading thread stopped (exit code ${code})`);
    arrived();
  });
  return {
    async next() {
      while (queue.length === 0) {
        if (failure !== null) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      return queue.shift()!;
    },
    parsed(length) {
      Atomics.sub(credit, 0, length);
      Atomics.notify(credit, 0);
    },
    stop() {
      void worker.terminate();
    },
  };
}
