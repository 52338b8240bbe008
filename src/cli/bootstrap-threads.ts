import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Framework } from "../engine/framework/schema.js";
import type { PeriodColumns } from "../engine/rate.js";
import { drawRange, periodDraws, planPeriod, type BootstrapOptions, type DrawRange, type PeriodDraws, type PeriodPlan } from "../engine/uncertainty/bootstrap.js";

/** What a worker thread is asked to draw (see bootstrap-worker.ts). */
export interface DrawJob {
  framework: Framework;
  plan: PeriodPlan;
  periodIndex: number;
  options: BootstrapOptions;
  from: number;
  to: number;
}

/** Fewer observation draws than this are made on this thread: a worker takes longer to start. */
const THREADED_FROM = 20_000_000;
const MOST_THREADS = 4;

/**
 * A period's draws shared out between this thread and workers, each drawing a range of them. Every
 * draw has streams of its own, so the counts are the same however many threads drew them.
 */
export async function bootstrapPeriodThreaded(framework: Framework, input: PeriodColumns, periodIndex: number, options: BootstrapOptions, threads: number | undefined): Promise<PeriodDraws> {
  const plan = planPeriod(framework, input);
  const work = plan.codes.length * framework.indicators.length * options.draws;
  const wanted = Math.min(threads ?? (work < THREADED_FROM ? 1 : Math.min(availableParallelism(), MOST_THREADS)), options.draws);
  const cuts = Array.from({ length: wanted + 1 }, (_, t) => Math.round((t * options.draws) / wanted));
  const workers = cuts.slice(1, -1).map((from, t) => drawInWorker({ framework, plan, periodIndex, options, from, to: cuts[t + 2]! }));
  const own = drawRange(framework, plan, periodIndex, options, 0, cuts[1]!);
  return periodDraws(framework, plan, options, [own, ...(await Promise.all(workers))]);
}

function drawInWorker(job: DrawJob): Promise<DrawRange> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./bootstrap-worker.js", import.meta.url), { workerData: job });
    worker.once("message", (range: DrawRange) => {
      resolve(range);
      void worker.terminate();
    });
    worker.on("error", reject);
    worker.on("exit", (code) => reject(new Error(`a bootstrap thread stopped (exit code ${code})`)));
  });
}
