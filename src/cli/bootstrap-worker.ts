import { parentPort, workerData } from "node:worker_threads";
import { drawRange } from "../engine/uncertainty/bootstrap.js";
import type { DrawJob } from "./bootstrap-threads.js";

/** A range of a period's draws, made on a worker thread; the counts go back without being copied. */
const job = workerData as DrawJob;
const range = drawRange(job.framework, job.plan, job.periodIndex, job.options, job.from, job.to);
parentPort!.postMessage(range, [range.orgCounts.buffer, range.drawCounts.buffer, ...(range.scores === null ? [] : [range.scores.buffer])] as ArrayBuffer[]);
