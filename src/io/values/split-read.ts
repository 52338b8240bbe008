import { availableParallelism } from "node:os";
import type { Readable } from "node:stream";
import { startWorker } from "../worker-thread.js";
import type { Framework } from "../../engine/framework/schema.js";
import { countNewlines } from "../rows/csv/newlines.js";
import { parsedBytes, splitPlan } from "../rows/csv/split-plan.js";
import { partShifts } from "../rows/csv/part-lines.js";
import { scanOnThreads } from "../rows/csv/scan-thread.js";
import { checkedRead } from "../source.js";
import { tap } from "../tap.js";
import { csvRows } from "../rows/csv-rows.js";
import type { ValuesOptions } from "./options.js";
import { finishRead, type ValuesRead } from "./finish-read.js";
import { readValues, recordOptionsOf } from "./read-values.js";
import { readSegment, type SegmentRead } from "./segment-read.js";

/** What a worker thread is asked to read (see segment-worker.ts); the framework follows in a message. */
export interface SegmentJob {
  path: string;
  size: number;
  file: string;
  /** The file's header line, with its line end. */
  header: Uint8Array;
  start: number;
  end: number;
  options: ValuesOptions;
  progress: boolean;
}

/** Less than this to parse is read on one thread: starting a worker costs more than it saves. */
const PARALLEL_MIN_BYTES = 8 << 20;
/**
 * How much more than its share the reading thread reads itself: a worker starts about a tenth of a
 * second later and reads a little slower (measured on job d of bench/), and the reading thread would wait.
 */
const FIRST_PART_EXTRA = 0.08;
/**
 * Smaller files are read and filtered on the thread that parses them: a thread takes about 40 ms to
 * start, the time it takes to read and filter 16 MB.
 */
const SCAN_THREAD_MIN_BYTES = 16 << 20;
/** Threads used when not told: more rarely pays, as the reading thread also has the rest to do. */
const MOST_THREADS = 4;

export interface FileToRead {
  path: string;
  size: number;
  file: string;
  open(): Readable;
}

/** A read of a values file begun before its framework is known; `cancel` if it will never be asked for. */
export interface ValuesReading {
  read(framework: Framework): Promise<ValuesRead>;
  cancel(): void;
}

/**
 * Begin reading a values file on up to `threads` threads (undefined: as many as pay for what there is
 * to parse), each reading one part and the parts put together by `finishRead`: the same dataset and
 * diagnostics as one read in one go. The parts are split just after a line end that starts a record.
 * Where that cannot be known cheaply (another encoding, CR line ends, a header with quotes), or a part
 * before the last stops at an error in the file (maybe a quoted field cut in two), it reads in one go
 * instead. The worker threads start now, while the framework (and the rest of the program) loads: a
 * worker takes a quarter of a second to start, and the reading thread would wait for its part. When few
 * of its lines will be parsed, a file is read and filtered on a thread of its own, which starts now
 * too: it needs no framework, and loading one takes a tenth of a second that the reading thread can use.
 */
export function startValuesRead(source: FileToRead, options: ValuesOptions, threads: number | undefined, progress?: (bytes: number) => void): ValuesReading {
  const { path, size, file } = source;
  const recordOptions = recordOptionsOf(options);
  const parsed = threads === undefined ? parsedBytes(path, size, recordOptions.onlyLinesWith) : size;
  const scan =
    threads === undefined &&
    recordOptions.onlyLinesWith !== undefined &&
    options.encoding === undefined &&
    parsed < PARALLEL_MIN_BYTES &&
    size >= SCAN_THREAD_MIN_BYTES &&
    availableParallelism() > 1;
  if (scan) {
    // One thread fewer than there are processors: this one parses what they keep, all the while. On
    // two processors a second reading thread made the run slower (0.76 s against 0.70 s for job c).
    const readers = Math.min(availableParallelism() - 1, MOST_THREADS);
    const plan = readers > 1 ? splitPlan(path, size, readers, 0) : null;
    const here = { ...source, open: () => tracked(source.open(), progress) };
    const { opened, cancel } = scanOnThreads(here, recordOptions, plan?.starts ?? [0], plan?.header ?? null, progress);
    return { read: (framework) => readValues(opened, file, framework, options), cancel };
  }
  const wanted = threads ?? (parsed < PARALLEL_MIN_BYTES ? 1 : Math.min(availableParallelism(), MOST_THREADS));
  const plan = wanted > 1 && options.encoding === undefined ? splitPlan(path, size, wanted, FIRST_PART_EXTRA) : null;
  if (plan === null) return { read: (framework) => readInOneGo(source, framework, options, progress), cancel: () => {} };
  const ends = [...plan.starts.slice(1), size];
  const workers = plan.starts
    .slice(1)
    .map((start, k) => startPartWorker({ path, size, file, header: plan.header, start, end: ends[k + 1]!, options, progress: progress !== undefined }, progress));
  return {
    read: (framework) => readInParts(source, plan, workers, framework, options, progress),
    cancel: () => workers.forEach((worker) => worker.cancel()),
  };
}

async function readInParts(
  source: FileToRead,
  plan: { header: Uint8Array; starts: number[] },
  workers: readonly PartWorker[],
  framework: Framework,
  options: ValuesOptions,
  progress: ((bytes: number) => void) | undefined,
): Promise<ValuesRead> {
  const { path, size, file } = source;
  const parts = workers.map((worker) => worker.read(framework));
  const newlines = { count: 0 };
  // This thread's part ends where the first worker's starts.
  const input = tap(checkedRead(path, size, 0, plan.starts[1]!), (chunk) => {
    newlines.count += countNewlines(chunk);
    progress?.(chunk.length);
  });
  const first = readSegment(csvRows(input, file, recordOptionsOf(options)), framework, options, true).then((read) => ({ read, newlines: newlines.count }));
  const all = await Promise.all([first, ...parts]);
  if (all.slice(0, -1).some((part) => part.read.stopped)) return readInOneGo(source, framework, options, progress);
  const read = finishRead(
    all.map((part) => part.read),
    file,
    framework,
    partShifts(all.map((part) => part.newlines)),
  );
  // A later part's problem kept under the cap turned out to be a second value's, and those it left out
  // to keep it are gone: rare (bad cells repeating rows of an earlier part), and one read is exact.
  if (!read.collected.exact) return readInOneGo(source, framework, options, progress);
  return read;
}

/** The file read on this thread alone, as when it cannot be split or its parts could not be put together exactly. */
function readInOneGo(source: FileToRead, framework: Framework, options: ValuesOptions, progress: ((bytes: number) => void) | undefined): Promise<ValuesRead> {
  return readValues(tracked(source.open(), progress), source.file, framework, options);
}

function tracked(input: Readable, progress: ((bytes: number) => void) | undefined): Readable {
  return progress === undefined ? input : tap(input, (chunk) => progress(chunk.length));
}

/** A part read on a worker thread, and the line ends in it. */
export interface PartRead {
  read: SegmentRead;
  newlines: number;
}

/** A worker thread started on its part before the framework is known: `read` sends it, `cancel` stops it unasked. */
interface PartWorker {
  read(framework: Framework): Promise<PartRead>;
  cancel(): void;
}

function startPartWorker(job: SegmentJob, progress: ((bytes: number) => void) | undefined): PartWorker {
  const worker = startWorker(new URL("./segment-worker.js", import.meta.url), job);
  // Until it is asked for its part, it does not keep the program alive: one never asked for would wait on.
  worker.unref();
  const part = new Promise<PartRead>((resolve, reject) => {
    worker.on("message", (message: { progress?: number; part?: PartRead }) => {
      if (message.progress !== undefined) progress?.(message.progress);
      if (message.part !== undefined) resolve(message.part);
    });
    worker.on("error", reject);
    worker.on("exit", (code) => reject(new Error(`a reading thread stopped (exit code ${code})`)));
  });
  return {
    read: (framework) => {
      worker.ref();
      worker.postMessage(framework);
      return part;
    },
    cancel: () => {
      // Its promise is never asked for: its rejection on exit is nobody's to handle.
      part.catch(() => {});
      void worker.terminate();
    },
  };
}
