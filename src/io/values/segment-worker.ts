import { Readable } from "node:stream";
import { DiagnosticCollector } from "../../engine/diagnostic-collector.js";
import { parentPort } from "node:worker_threads";
import { workerJob } from "../worker-thread.js";
import { checkedRead } from "../source.js";
import { recordOptionsOf } from "./read-values.js";
import { readSegment } from "./segment-read.js";
import { csvRows } from "../rows/csv-rows.js";
import { columnBuffers, ValuesStore } from "./values-store.js";
import { tap } from "../tap.js";
import { countNewlines } from "../rows/csv/newlines.js";
import type { Framework } from "../../engine/framework/schema.js";
import type { PartRead, SegmentJob } from "./split-read.js";

/**
 * One part of a values file, read on a worker thread: the file's header line, then bytes
 * [start, end). The store's arrays go back to the reading thread without being copied.
 */
const job = workerJob<SegmentJob>();
// Started before the framework was loaded (see startValuesRead): it comes in a message.
const framework = await new Promise<Framework>((resolve) => parentPort!.once("message", resolve));
// Only the parts before the last need their line ends counted: they number the lines after them.
const last = job.end === job.size;
let newlines = 0;
const range = tap(checkedRead(job.path, job.size, job.start, job.end), (chunk) => {
  if (!last) newlines += countNewlines(chunk);
  if (job.progress) parentPort!.postMessage({ progress: chunk.length });
});
const input = Readable.from(
  (async function* () {
    yield Buffer.from(job.header);
    yield* range;
  })(),
  { objectMode: false },
);
const read = await readSegment(csvRows(input, job.file, recordOptionsOf(job.options)), framework, job.options, false);
const store = read.store instanceof ValuesStore ? read.store.toParts() : read.store;
const diagnostics = read.diagnostics instanceof DiagnosticCollector ? read.diagnostics.toParts() : read.diagnostics;
const part: PartRead = { read: { ...read, store, diagnostics }, newlines };
parentPort!.postMessage({ part }, store === null ? [] : columnBuffers(store.blocks));
