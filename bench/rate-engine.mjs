#!/usr/bin/env node
// rate() alone at GP level, job (d)'s data read once: CPU time of each call (the first is the one the CLI
// makes, before the code is optimised), heap at the end of the call and heap still held by the rating.
//   node --expose-gc bench/rate-engine.mjs [--runs 5] [DIST...]
// Each DIST is a built dist/ folder (default: this repo's); several alternate, e.g. a copy of main's
// dist/ against this one, and must give the same rating (compared by a hash of its JSON).
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";

if (typeof global.gc !== "function") throw new Error("run with node --expose-gc");
const root = new URL("..", import.meta.url).pathname;
const data = join(root, "bench/data");
const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt === -1 ? 5 : Number(args[runsAt + 1]);
const given = runsAt === -1 ? args : args.filter((_, i) => i !== runsAt && i !== runsAt + 1);
const dists = given.map((d) => resolve(d));
if (dists.length === 0) dists.push(join(root, "dist"));

const { loadInputs } = await import(join(dists[0], "cli/inputs.js"));
const rates = await Promise.all(dists.map(async (d) => (await import(join(d, "engine/rate.js"))).rate));
const quiet = { write() {} };
const proc = { stdout: quiet, stderr: quiet, stdin: process.stdin, env: {}, cwd: process.cwd() };
const { framework, dataset } = await loadInputs(
  {
    framework: join(data, "framework-24.json"),
    values: join(data, "nhs-long.csv"),
    orgCol: "ORG_CODE1",
    nameCol: "ORG_NAME1",
    indicatorCol: "MEASURE_ID",
    valueCol: "MEASURE_VALUE",
    periodCol: "REPORTING_PERIOD_START",
    where: ["GROUP_TYPE=GP"],
    quiet: true,
  },
  proc,
);

const seen = dists.map(() => ({ cpu: [], atEnd: [], held: [], hash: "" }));
for (let run = 0; run < runs; run++) {
  const order = dists.map((_, i) => (run % 2 === 0 ? i : dists.length - 1 - i));
  for (const i of order) {
    global.gc();
    const before = process.memoryUsage().heapUsed;
    const start = process.cpuUsage();
    let outcome = rates[i](framework, dataset);
    const cpu = process.cpuUsage(start);
    seen[i].cpu.push((cpu.user + cpu.system) / 1000);
    seen[i].atEnd.push((process.memoryUsage().heapUsed - before) / 1e6);
    global.gc();
    seen[i].held.push((process.memoryUsage().heapUsed - before) / 1e6);
    if (run === 0) seen[i].hash = createHash("sha256").update(JSON.stringify(outcome)).digest("hex").slice(0, 16);
    outcome = null;
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${dataset.records.length} records x ${framework.indicators.length} indicators, ${runs} runs\n`);
console.log("| dist | first call cpu ms | median cpu ms | heap at end MB | held by the rating MB | rating hash |");
console.log("|---|---|---|---|---|---|");
dists.forEach((d, i) => {
  const s = seen[i];
  console.log(`| ${d} | ${s.cpu[0].toFixed(0)} | ${median(s.cpu).toFixed(0)} | ${median(s.atEnd).toFixed(0)} | ${median(s.held).toFixed(0)} | ${s.hash} |`);
});
