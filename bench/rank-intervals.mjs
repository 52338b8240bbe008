#!/usr/bin/env node
// Times rankIntervals (built dist/) on N synthetic estimates, 1,000 draws (csranks' default R):
//   node bench/rank-intervals.mjs N marginal|simultaneous [full]
// Estimates 3·N(0, 1), standard errors uniform on [0.5, 2] (so most sets are wide, the slow case);
// `full` gives them a one-factor covariance, correlation 0.3, as a full N × N matrix. Prints the wall
// and CPU seconds of the call and the mean set width.
import { rankIntervals, Random } from "../dist/index.js";

const [n, kind, full] = [Number(process.argv[2]), process.argv[3], process.argv[4] === "full"];
const g = new Random(99);
const standardErrors = Array.from({ length: n }, () => 0.5 + 1.5 * g.uniform());
const estimates = standardErrors.map(() => 3 * g.normal());
const input = { estimates, better: "higher", kind, draws: 1000, random: new Random(1) };
if (full) input.covariance = standardErrors.map((a, i) => standardErrors.map((b, j) => (i === j ? a * a : 0.3 * Math.min(a, b) * Math.max(a, b))));
else input.standardErrors = standardErrors;
const cpu = process.cpuUsage();
const start = performance.now();
const result = rankIntervals(input);
const wall = (performance.now() - start) / 1000;
const used = process.cpuUsage(cpu);
const width = result.reduce((sum, r) => sum + r.rankUpper - r.rankLower, 0) / n;
console.log(`N=${n} ${kind} ${full ? "full covariance" : "standard errors"}: ${wall.toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s cpu, mean width ${width.toFixed(1)}, ${result[0].criticalValues.length} steps`);
