#!/usr/bin/env node
import { setFlagsFromString } from "node:v8";

// A GP-level rating makes each period's results, turns them into text and drops them. By default V8
// lets the heap grow to 2-4 times what is alive before it collects, so the dropped periods piled up
// to 500 MB; collecting once the heap has grown by half keeps it near 320 MB at the same speed
// (bench/README.md). The flag is read at each collection, so setting it here, before the work, holds.
setFlagsFromString("--heap-growing-percent=50");

const { run } = await import("../dist/cli/main.js");
const { nodeProc } = await import("../dist/cli/node-proc.js");
process.exitCode = await run(process.argv.slice(2), nodeProc());
