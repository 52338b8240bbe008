#!/usr/bin/env node
// `npm run bench`: times (a)-(e) on an NHS Digital-layout long file and (p) on a practice-heavy one,
// alternating, median of several runs, and prints wall time, MB/s, rows/s, peak RSS and ratios to each
// file's own floor, pandas and DuckDB jobs. See bench/README.md.
//   node bench/run.mjs [--runs 3] [--options] [--only a,b,c] [--against DIR]
//   --options also times csv-parse option variants; --only runs just the jobs named (and the 2x ones of those).
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const data = join(root, "bench/data");
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1] || 3) || 3;
const file = join(data, "nhs-long.csv");
const file2x = join(data, "nhs-long-2x.csv");
const only = args.includes("--only") ? new Set(args[args.indexOf("--only") + 1].split(",")) : null;
// The bootstrap's (u-*) and rank intervals' (rank-*) jobs alone need only their own files.
const needsNhs = only === null || [...only].some((id) => !id.startsWith("u-") && !id.startsWith("rank-"));
if (needsNhs && !existsSync(file)) execFileSync("node", [join(root, "bench/generate.mjs"), "6", file], { stdio: "inherit" });
if (needsNhs && !existsSync(file2x)) execFileSync("node", [join(root, "bench/generate.mjs"), "6", file2x, "20161", "48"], { stdio: "inherit" });
// Practice-heavy (issue 15): every row matters at GP level, 93% of them; the 2x file has twice the periods.
const practice = join(data, "nhs-practice.csv");
const practice2x = join(data, "nhs-practice-2x.csv");
if (needsNhs && !existsSync(practice)) execFileSync("node", [join(root, "bench/generate.mjs"), "4", practice, "20262", "24", "600000"], { stdio: "inherit" });
if (needsNhs && !existsSync(practice2x)) execFileSync("node", [join(root, "bench/generate.mjs"), "8", practice2x, "20262", "24", "1200000"], { stdio: "inherit" });
// The first 100,000 rows of nhs-long.csv, as a workbook and as CSV (see generate.mjs).
const book = join(data, "nhs-100k.xlsx");
const bookCsv = join(data, "nhs-100k.csv");
if (needsNhs && (!existsSync(book) || !existsSync(bookCsv))) execFileSync("node", [join(root, "bench/generate.mjs"), "6", book, "20161", "24", "100000"], { stdio: "inherit" });
const gpProportions = join(data, "gp-proportions.csv");
if (!existsSync(gpProportions)) execFileSync("node", [join(root, "bench/generate-proportions.mjs"), "7000", "24", gpProportions], { stdio: "inherit" });
if (!existsSync(join(root, "dist/cli/main.js"))) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
const rowsOf = (f) => Number(execFileSync("wc", ["-l", f]).toString().trim().split(/\s/)[0]) - 1;
const facts = new Map([file, file2x, practice, practice2x, bookCsv, gpProportions].filter(existsSync).map((f) => [f, { bytes: statSync(f).size, rows: rowsOf(f) }]));
if (existsSync(book)) facts.set(book, { bytes: statSync(book).size, rows: facts.get(bookCsv).rows });

const out = mkdtempSync(join(tmpdir(), "ccg-bench-"));
const cli = join(root, "bin/ccg-ratings.js");
const nhs = (f, level, fw) => [cli, "rate", "--framework", join(data, `framework-${fw}.json`), "--values", f, "--org-col", "ORG_CODE1", "--name-col", "ORG_NAME1",
  "--indicator-col", "MEASURE_ID", "--value-col", "MEASURE_VALUE", "--period-col", "REPORTING_PERIOD_START", "--where", `GROUP_TYPE=${level}`, "-q", "--out", join(out, `${level}-${fw}.csv`)];

const hasPandas = spawnSync("/usr/bin/python3", ["-c", "import pandas"]).status === 0;
const duckDir = join(data, "duckdb");
if (!existsSync(join(duckDir, "node_modules/@duckdb/node-api"))) {
  mkdirSync(duckDir, { recursive: true });
  spawnSync("npm", ["install", "--prefix", duckDir, "--no-save", "--no-audit", "--no-fund", "@duckdb/node-api"], { stdio: "ignore" });
}
const hasDuck = existsSync(join(duckDir, "node_modules/@duckdb/node-api"));
if (hasDuck) copyFileSync(join(root, "bench/duck_rate.mjs"), join(duckDir, "duck_rate.mjs"));

const jobs = [
  { id: "a", what: "floor: csv-parse stream, count rows", file, cmd: ["node", join(root, "bench/floor.mjs"), file] },
  { id: "b", what: "rate, CCG level, 2 indicators", file, cmd: ["node", ...nhs(file, "CCG", 2)] },
  { id: "c", what: "rate, CCG level, 24 indicators", file, cmd: ["node", ...nhs(file, "CCG", 24)] },
  { id: "c-1t", what: "(c) on one thread (--threads 1)", file, cmd: ["node", ...nhs(file, "CCG", 24), "--threads", "1"] },
  { id: "d", what: "rate, GP level, 24 indicators", file, cmd: ["node", ...nhs(file, "GP", 24)] },
  { id: "d-1t", what: "(d) on one thread (--threads 1)", file, cmd: ["node", ...nhs(file, "GP", 24), "--threads", "1"] },
  ...(hasPandas ? [{ id: "e-pandas", what: "pandas, CCG level", file, cmd: ["/usr/bin/python3", join(root, "bench/pandas_rate.py"), file, join(out, "pandas.csv")] }] : []),
  ...(hasDuck ? [{ id: "e-duckdb", what: "DuckDB, CCG level", file, cmd: ["node", join(duckDir, "duck_rate.mjs"), file, join(out, "duck.csv")] }] : []),
  { id: "p-a", what: "practice-heavy file: floor", file: practice, cmd: ["node", join(root, "bench/floor.mjs"), practice] },
  { id: "p", what: "practice-heavy, GP level, 24 indicators", file: practice, cmd: ["node", ...nhs(practice, "GP", 24)] },
  { id: "p-ccg", what: "practice-heavy, CCG level, 24 indicators", file: practice, cmd: ["node", ...nhs(practice, "CCG", 24)] },
  ...(hasPandas ? [{ id: "p-pandas", what: "pandas, GP level", file: practice, cmd: ["/usr/bin/python3", join(root, "bench/pandas_rate.py"), practice, join(out, "p-pandas.csv"), "GP"] }] : []),
  ...(hasDuck ? [{ id: "p-duckdb", what: "DuckDB, GP level", file: practice, cmd: ["node", join(duckDir, "duck_rate.mjs"), practice, join(out, "p-duck.csv"), "GP"] }] : []),
  { id: "p-2x", what: "(p) on the 2x practice file", file: practice2x, cmd: ["node", ...nhs(practice2x, "GP", 24)] },
  { id: "b-2x", what: "(b) on the 2x file", file: file2x, cmd: ["node", ...nhs(file2x, "CCG", 2)] },
  { id: "c-2x", what: "(c) on the 2x file", file: file2x, cmd: ["node", ...nhs(file2x, "CCG", 24)] },
  { id: "d-2x", what: "(d) on the 2x file", file: file2x, cmd: ["node", ...nhs(file2x, "GP", 24)] },
  { id: "x-csv", what: "rate, CCG level, 24 indicators: 100,000 rows as CSV", file: bookCsv, cmd: ["node", ...nhs(bookCsv, "CCG", 24)] },
  { id: "x-xlsx", what: "the same rows as an .xlsx workbook, rated the same way", file: book, cmd: ["node", ...nhs(book, "CCG", 24)] },
  { id: "node", what: "node -e 0", cmd: ["node", "-e", "0"] },
  { id: "version", what: "ccg-ratings --version", cmd: ["node", cli, "--version"] },
  { id: "example", what: "ccg-ratings rate --example", cmd: ["node", cli, "rate", "--example"] },
  { id: "rank-m", what: "rankIntervals, 10,000 estimates with standard errors, marginal, 1,000 draws", cmd: ["node", join(root, "bench/rank-intervals.mjs"), "10000", "marginal"] },
  { id: "rank-s", what: "rankIntervals, 10,000 estimates with standard errors, simultaneous", cmd: ["node", join(root, "bench/rank-intervals.mjs"), "10000", "simultaneous"] },
  { id: "rank-m-full", what: "rankIntervals, 2,000 estimates with a full covariance, marginal", cmd: ["node", join(root, "bench/rank-intervals.mjs"), "2000", "marginal", "full"] },
  { id: "rank-s-full", what: "rankIntervals, 2,000 estimates with a full covariance, simultaneous", cmd: ["node", join(root, "bench/rank-intervals.mjs"), "2000", "simultaneous", "full"] },
  { id: "u-example", what: "rate --example --uncertainty: 2,000 draws of 209 CCGs x 2 proportions", cmd: ["node", cli, "rate", "--example", "--uncertainty", "-q", "--out", join(out, "u-example.csv")] },
  { id: "u-gp", what: "rate --uncertainty: 2,000 draws of 7,000 practices x 24 proportions", file: gpProportions, cmd: ["node", cli, "rate", "--framework", join(data, "framework-gp-24.json"), "--values", gpProportions, "--uncertainty", "-q", "--out", join(out, "u-gp.csv")] },
  { id: "u-gp-1t", what: "(u-gp) on one thread (--threads 1)", file: gpProportions, cmd: ["node", cli, "rate", "--framework", join(data, "framework-gp-24.json"), "--values", gpProportions, "--uncertainty", "--threads", "1", "-q", "--out", join(out, "u-gp-1t.csv")] },
  { id: "u-nof", what: "rate --uncertainty on the NOF fixture (134 trusts, 21 indicators)", cmd: ["node", cli, "rate", "--framework", "nof-2025-26", "--values", join(root, "fixtures/nof/acute-2025-26-q1-synthetic.csv"), "--uncertainty", "-q", "--out", join(out, "u-nof.csv")] },
  { id: "u-nof-rank", what: "rate --rank-intervals on the NOF fixture: (u-nof) plus 134 marginal rank sets", cmd: ["node", cli, "rate", "--framework", "nof-2025-26", "--values", join(root, "fixtures/nof/acute-2025-26-q1-synthetic.csv"), "--rank-intervals", "-q", "--out", join(out, "r-nof.csv")] },
  { id: "u-nof-rank-s", what: "(u-nof-rank), simultaneous", cmd: ["node", cli, "rate", "--framework", "nof-2025-26", "--values", join(root, "fixtures/nof/acute-2025-26-q1-synthetic.csv"), "--rank-intervals", "simultaneous", "-q", "--out", join(out, "r-nof-s.csv")] },
];
if (args.includes("--options")) {
  for (const [name, options] of Object.entries({
    none: {},
    info: { info: true },
    relax_column_count: { relax_column_count: true },
    skip_empty_lines: { skip_empty_lines: true },
    bom: { bom: true },
    "ours (all four)": { bom: true, relax_column_count: true, skip_empty_lines: true, info: true },
  })) jobs.push({ id: `opt ${name}`, what: `csv-parse ${JSON.stringify(options)}`, file, cmd: ["node", join(root, "bench/floor.mjs"), file, JSON.stringify(options)] });
}

if (only) jobs.splice(0, jobs.length, ...jobs.filter((j) => only.has(j.id) || only.has(j.id.replace(/-(2x|1t)$/, ""))));
// --against DIR: each job of ours also run with DIR's build (another checkout, built), alternating, to
// set a change's figures beside those before it in one run on one machine.
const against = args.includes("--against") ? args[args.indexOf("--against") + 1] : null;
if (against !== null) {
  const theirs = join(against, "bin/ccg-ratings.js");
  if (!existsSync(join(against, "dist/cli/main.js"))) throw new Error(`--against ${against}: no build there (npm run build in it first)`);
  for (const job of [...jobs]) {
    if (!job.cmd.includes(cli)) continue;
    jobs.splice(jobs.indexOf(job) + 1, 0, { ...job, id: `${job.id}@against`, what: `(${job.id}) with ${against}`, cmd: job.cmd.map((c) => (c === cli ? theirs : c)) });
  }
}
const hasTime = existsSync("/usr/bin/time");
function once(cmd) {
  const argv = hasTime ? ["/usr/bin/time", "-f", "\n%e %U %S %M", ...cmd] : cmd;
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { encoding: "utf8", maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd.join(" ")} failed (${r.status}):\n${r.stderr}`);
  if (!hasTime) return { wall, cpu: NaN, rssMB: NaN };
  const [e, u, s, kb] = r.stderr.trim().split("\n").at(-1).split(" ").map(Number);
  return { wall: e, cpu: u + s, rssMB: kb / 1024 };
}
const results = new Map(jobs.map((j) => [j.id, []]));
for (let i = 0; i < runs; i++) {
  for (const job of jobs) results.get(job.id).push(once(job.cmd));
  process.stderr.write(`run ${i + 1}/${runs} done\n`);
}
rmSync(out, { recursive: true, force: true });

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const summary = new Map(jobs.map((j) => {
  const r = results.get(j.id);
  return [j.id, { wall: median(r.map((x) => x.wall)), cpu: median(r.map((x) => x.cpu)), rssMB: Math.max(...r.map((x) => x.rssMB)) }];
}));
const ratio = (id, base) => (summary.has(base) ? (summary.get(id).wall / summary.get(base).wall).toFixed(2) : "-");
const fmt = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : "-");
console.log(`\nmachine: ${cpus().length} CPUs, ${cpus()[0]?.model ?? "?"}, node ${process.version}; ${runs} runs, medians (peak RSS: max)`);
for (const [f, { bytes, rows }] of facts) console.log(`${f.replace(root, "")}: ${(bytes / 1e6).toFixed(1)} MB, ${rows} rows`);
console.log("\n| job | what | wall s | cpu s | MB/s | rows/s | peak RSS MB | x floor (a) | x pandas | x DuckDB |");
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const job of jobs) {
  const s = summary.get(job.id);
  const f = job.file ? facts.get(job.file) : null;
  const mbs = f ? fmt(f.bytes / 1e6 / s.wall, 1) : "-";
  const rps = f ? Math.round(f.rows / s.wall).toLocaleString("en-GB") : "-";
  // Each job against the floor, pandas and DuckDB of its own file.
  const base = job.file === practice ? { a: "p-a", pandas: "p-pandas", duck: "p-duckdb" } : job.file === file || job.id.startsWith("opt") ? { a: "a", pandas: "e-pandas", duck: "e-duckdb" } : null;
  console.log(`| ${job.id} | ${job.what} | ${fmt(s.wall)} | ${fmt(s.cpu)} | ${mbs} | ${rps} | ${fmt(s.rssMB, 0)} | ${base ? ratio(job.id, base.a) : "-"} | ${base ? ratio(job.id, base.pandas) : "-"} | ${base ? ratio(job.id, base.duck) : "-"} |`);
}
const growth = (id) => !summary.has(`${id}-2x`) ? `${id}: -` : `${id}: ${fmt(summary.get(id).rssMB, 0)} -> ${fmt(summary.get(`${id}-2x`).rssMB, 0)} MB (${fmt((summary.get(`${id}-2x`).rssMB / summary.get(id).rssMB - 1) * 100, 0)}%)`;
console.log(`\npeak RSS when the file doubles: ${["b", "c", "d", "p"].map(growth).join("; ")}`);
if (summary.has("x-xlsx") && summary.has("x-csv")) {
  console.log(`100,000 rows: the workbook takes ${ratio("x-xlsx", "x-csv")}x the CSV's time and ${fmt(summary.get("x-xlsx").rssMB, 0)} MB against ${fmt(summary.get("x-csv").rssMB, 0)} MB`);
}
if (against !== null) {
  console.log(`\nagainst ${against}: this build's median / that build's (wall, CPU, peak RSS)`);
  for (const job of jobs.filter((j) => summary.has(`${j.id}@against`))) {
    const [mine, theirs] = [summary.get(job.id), summary.get(`${job.id}@against`)];
    console.log(`- ${job.id}: ${fmt(mine.wall / theirs.wall)}, ${fmt(mine.cpu / theirs.cpu)}, ${fmt(mine.rssMB / theirs.rssMB)}`);
  }
}
if (summary.has("node")) console.log(`start-up: --version ${ratio("version", "node")}x and rate --example ${ratio("example", "node")}x the time of node -e 0`);
