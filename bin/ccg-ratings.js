#!/usr/bin/env node
import { setFlagsFromString } from "node:v8";

// V8's collector is tuned for servers that live for days, not for a run over a large file; both
// flags are read while the heap works, so setting them here, before anything is loaded, holds
// (bench/README.md has the measurements).
// - By default V8 lets the old generation grow to 2-4 times what is alive before it collects, so
//   the periods of a GP-level rating already dropped piled up to 500 MB; collecting once it has
//   grown by half keeps it near what is alive, at the same speed.
// - The young generation grows from 1 MB to 16 MB as more of it survives its collections, counted
//   over the run, so a longer run ends with a larger one: the same CCG-level run peaked at 88 MB or
//   at 107, and on a file twice the size always near 110. Kept at 1 MB, it peaks at 74-79 MB on both.
setFlagsFromString("--heap-growing-percent=50");
setFlagsFromString("--semi-space-growth-factor=1");

const { run } = await import("../dist/cli/main.js");
const { nodeProc } = await import("../dist/cli/node-proc.js");
process.exitCode = await run(process.argv.slice(2), nodeProc());
