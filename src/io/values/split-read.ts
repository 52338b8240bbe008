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

/** What a worker thread is asked to read (see segment-worker.ts). */
export interface SegmentJob {
  path: string;
  size: number;
  file: string;
  /** The file's header line, with its line end. */
  header: Uint8Array;
  start: number;
  end: number;
  framework: Framework;
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
 * instead. When few of its lines will be parsed, it is read and filtered on a thread of its own, which
 * starts now: it needs no framework, and loading one (and the rest of the program) takes a tenth of a
 * second that the reading thread can use.
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
  const nothing = () => {};
  if (plan === null) return { read: (framework) => readInOneGo(source, framework, options, progress), cancel: nothing };
  return { read: (framework) => readInParts(source, plan, framework, options, progress), cancel: nothing };
}

async function readInParts(
  source: FileToRead,
  plan: { header: Uint8Array; starts: number[] },
  framework: Framework,
  options: ValuesOptions,
  progress: ((bytes: number) => void) | undefined,
): Promise<ValuesRead> {
  const { path, size, file } = source;
  const { header, starts } = plan;
  const ends = [...starts.slice(1), size];
  const workers = starts.slice(1).map((start, k) =>
    readInWorker({ path, size, file, header, start, end: ends[k + 1]!, framework, options, progress: progress !== undefined }, progress),
  );
  const newlines = { count: 0 };
  const input = tap(checkedRead(path, size, 0, ends[0]!), (chunk) => {
    newlines.count += countNewlines(chunk);
    progress?.(chunk.length);
  });
  const first = readSegment(csvRows(input, file, recordOptionsOf(options)), framework, options, true).then((read) => ({ read, newlines: newlines.count }));
  const parts = await Promise.all([first, ...workers]);
  if (parts.slice(0, -1).some((part) => part.read.stopped)) return readInOneGo(source, framework, options, progress);
  const read = finishRead(
    parts.map((part) => part.read),
    file,
    framework,
    partShifts(parts.map((part) => part.newlines)),
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

function readInWorker(job: SegmentJob, progress: ((bytes: number) => void) | undefined): Promise<PartRead> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(new URL("./segment-worker.js", import.meta.url), job);
    worker.on("message", (message: { progress?: number; part?: PartRead }) => {
      if (message.progress !== undefined) progress?.(message.progress);
      if (message.part !== undefined) resolve(message.part);
    });
    worker.on("error", reject);
    worker.on("exit", (code) => reject(new Error(`a reading thread stopped (exit code ${code})`)));
  });
}
