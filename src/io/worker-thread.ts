import { Worker, workerData } from "node:worker_threads";

/**
 * A worker thread running `module` on `job`. Every reading thread starts through worker-entry.ts,
 * which tunes its heap first (see heap-tuning.ts), so no worker module has to remember to.
 */
export function startWorker(module: URL, job: unknown): Worker {
  return new Worker(new URL("./worker-entry.js", import.meta.url), { workerData: { module: module.href, job } });
}

/** The job a worker module was started with (see startWorker). */
export function workerJob<T>(): T {
  return (workerData as { job: T }).job;
}
