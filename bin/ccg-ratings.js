#!/usr/bin/env node
// Before anything else is loaded (see heap-tuning.ts).
const { tuneHeap } = await import("../dist/io/heap-tuning.js");
tuneHeap();

const { run } = await import("../dist/cli/main.js");
const { nodeProc } = await import("../dist/cli/node-proc.js");
process.exitCode = await run(process.argv.slice(2), nodeProc());
