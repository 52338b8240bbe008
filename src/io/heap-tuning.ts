import { setFlagsFromString } from "node:v8";

/**
 * V8's collector is tuned for servers that live for days, not for a run over a large file. Both flags
 * are read while the heap works, so they hold when set at run time (bench/README.md has the
 * measurements).
 * - By default V8 lets the old generation grow to 2-4 times what is alive before it collects, so
 *   the periods of a GP-level rating already dropped piled up to 500 MB; collecting once it has
 *   grown by half keeps it near what is alive, at the same speed.
 * - The young generation doubles, from 1 MB up to 16 MB, whenever enough of it has survived since
 *   it last grew, counted over the run, so a longer run ends with a larger one: the same CCG-level
 *   run peaked at 88 MB or at 107, and on a file twice the size always near 110. Kept at 1 MB, it
 *   peaks at 74-79 MB on both.
 * V8 puts the growth factor back to 2 whenever it sets up a heap, a worker thread's too, and for the
 * whole process: so the program sets these first thing (bin/ccg-ratings.js), and each reading thread
 * again as it starts (worker-entry.ts).
 */
export function tuneHeap(): void {
  setFlagsFromString("--heap-growing-percent=50");
  setFlagsFromString("--semi-space-growth-factor=1");
}

/**
 * A workbook's reader (exceljs) makes short-lived objects for every cell, and with the young
 * generation kept at 1 MB the run spent most of its time collecting them: 100,000 rows took 10.9 s of
 * CPU, 8.8 of them in the collector. Letting it grow as V8 does by default: 4.4 s, peak RSS 141 MB
 * against 113 (bench/README.md). Set when a workbook is read, for the rest of the run.
 */
export function tuneHeapForWorkbooks(): void {
  setFlagsFromString("--semi-space-growth-factor=2");
}
