import { workerData } from "node:worker_threads";
import { tuneHeap } from "./heap-tuning.js";

// Setting up this thread's heap put V8's heap flags back (see heap-tuning.ts).
tuneHeap();
await import((workerData as { module: string }).module);
