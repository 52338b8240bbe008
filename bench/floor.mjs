#!/usr/bin/env node
// (a) the floor: csv-parse's stream API reading the whole file and counting rows, nothing else.
//   node bench/floor.mjs FILE ['{"info":true,...}']   (csv-parse options as JSON, default none)
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

const options = JSON.parse(process.argv[3] ?? "{}");
let rows = 0;
for await (const _ of createReadStream(process.argv[2]).pipe(parse(options))) rows++;
console.log(rows);
