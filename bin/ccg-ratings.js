#!/usr/bin/env node
import { run } from "../dist/cli/main.js";
import { nodeProc } from "../dist/cli/node-proc.js";

process.exitCode = await run(process.argv.slice(2), nodeProc());
