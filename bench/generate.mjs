#!/usr/bin/env node
// A long file in NHS Digital's layout, from a seed, so every bench run reads the same bytes:
//   node bench/generate.mjs [periods=6] [out=bench/data/nhs-long.csv] [seed=20161] [measures=24] [rows]
// Given [rows], only the first that many rows are written, and if `out` ends in .xlsx they are written
// as a workbook (one sheet, numbers as numbers, the period start as a date) beside the same rows as
// CSV (`out` with .csv): the same data for the CSV and xlsx readers.
// ~6,500 GP practices, 209 CCGs, 240 providers and England; one row per organisation x measure x
// period: 6 periods of 24 measures give 1,000,800 rows. The bench's 2x file has 48 measures, of which
// the frameworks use the first 24: twice the rows for the same organisations, periods and results, so
// any growth in memory is buffering. Also writes the two bench frameworks (2 and 24 indicators).
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { mulberry32 } from "../fixtures/synthetic.mjs";

const periods = Number(process.argv[2] ?? 6);
const out = process.argv[3] ?? "bench/data/nhs-long.csv";
const seed = Number(process.argv[4] ?? 20161);
// Counted, so that the rows can be drawn again from where they started (a workbook's CSV twin).
let draw = mulberry32(seed);
let drawn = 0;
const random = () => {
  drawn++;
  return draw();
};
const measureCount = Number(process.argv[5] ?? 24);
const rowLimit = process.argv[6] === undefined ? Infinity : Number(process.argv[6]);
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const csv = (s) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

const PLACES = ["Ashford", "Barnsley", "Bolton", "Bury", "Calderdale", "Corby", "Crawley", "Darlington", "Dudley", "Ealing", "Halton", "Knowsley", "Leeds", "Luton", "Medway", "Newham", "Oldham", "Rugby", "Salford", "Slough", "Stockport", "Sutton", "Thurrock", "Wigan", "Wirral", "York"];
const SURNAMES = ["Smith", "Jones", "Patel", "Khan", "Brown", "O'Neill", "Taylor", "Wilson", "Evans", "Ahmed"];
const orgs = [{ type: "England", code: "Eng", name: "England" }];
for (let i = 0; i < 209; i++) orgs.push({ type: "CCG", code: `${String(i).padStart(2, "0")}${"ABCDEFGHJKLMNPQRTVWXY"[i % 21]}`, name: `NHS ${pick(PLACES)} ${i % 3 === 0 ? "and District " : ""}CCG` });
for (let i = 0; i < 240; i++) orgs.push({ type: "Provider", code: `R${(100 + i).toString(36).toUpperCase()}`, name: `${pick(PLACES)} ${i % 2 ? "Hospitals" : "Community"} NHS Foundation Trust` });
for (let i = 0; i < 6500; i++) {
  const r = random();
  const name =
    r < 0.3 ? `Dr ${pick(SURNAMES)}, ${pick(SURNAMES)} & Partners` : r < 0.35 ? `The "${pick(PLACES)}" Surgery` : `${pick(PLACES)} ${pick(["Medical Centre", "Surgery", "Health Centre", "Practice"])}`;
  orgs.push({ type: "GP", code: `${"ABCDEFGHJKLMNPY"[i % 15]}${String(81000 + i)}`, name });
}
const MEASURES = Array.from({ length: measureCount }, (_, i) => ({ id: `MH${String(i + 1).padStart(2, "0")}`, name: `Mental health measure ${i + 1}: proportion of people seen, ${["adults", "children and young people", "older people"][i % 3]}` }));

const HEADER = ["REPORTING_PERIOD_START", "REPORTING_PERIOD_END", "STATUS", "GROUP_TYPE", "ORG_CODE1", "ORG_NAME1", "MEASURE_ID", "MEASURE_NAME", "MEASURE_VALUE"];

/** Each row as its cells, in file order: period, organisation, measure. */
function* rowsOfFile() {
  let rows = 0;
  for (let p = 0; p < periods; p++) {
    const y = 2019 + Math.floor(p / 12), m = (p % 12) + 1;
    const start = `${y}-${String(m).padStart(2, "0")}-01`;
    const end = `${y}-${String(m).padStart(2, "0")}-${[31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]}`;
    for (const org of orgs) {
      for (const measure of MEASURES) {
        if (rows++ >= rowLimit) return;
        const value = random() < 0.05 ? "*" : (random() * 100).toFixed(1);
        yield [start, end, "Final", org.type, org.code, org.name, measure.id, measure.name, value];
      }
    }
  }
}

async function writeCsv(path) {
  const stream = createWriteStream(path);
  const write = (s) => (stream.write(s) ? null : new Promise((r) => stream.once("drain", r)));
  await write(`${HEADER.join(",")}\n`);
  let rows = 0;
  let block = "";
  for (const [start, end, status, type, code, name, id, measureName, value] of rowsOfFile()) {
    block += `${start},${end},${status},${type},${code},${csv(name)},${id},${csv(measureName)},${value}\n`;
    rows++;
    if (block.length > 1 << 20) {
      await write(block);
      block = "";
    }
  }
  await write(block);
  await new Promise((r) => stream.end(r));
  return rows;
}

/** The same rows as a workbook, streamed: the period start as a date cell, values as numbers ("*" stays text). */
async function writeXlsx(path) {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet("Data");
  sheet.addRow(HEADER).commit();
  let rows = 0;
  for (const [start, end, ...rest] of rowsOfFile()) {
    const value = rest.at(-1);
    sheet.addRow([new Date(`${start}T00:00:00Z`), end, ...rest.slice(0, -1), value === "*" ? value : Number(value)]).commit();
    rows++;
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}

mkdirSync(dirname(out), { recursive: true });
const drawnAtStart = drawn;
const rows = await (out.endsWith(".xlsx") ? writeXlsx(out) : writeCsv(out));
if (out.endsWith(".xlsx")) {
  // The same rows again, from the same draws.
  draw = mulberry32(seed);
  for (let i = 0; i < drawnAtStart; i++) draw();
  await writeCsv(out.replace(/\.xlsx$/, ".csv"));
}
const framework = (measures) => ({
  id: `bench-${measures.length}`,
  title: `Bench: ${measures.length} measures`,
  categories: ["Top performing", "Performing well", "Needs improvement", "Greatest need for improvement"],
  minIndicators: 1,
  source: "synthetic",
  caveats: "synthetic",
  indicators: measures.map((m) => ({ id: m.id, label: m.name, polarity: "higher", unit: "%", weight: 1, scoring: { method: "thresholds", cuts: [75, 50, 25] } })),
  aggregation: { method: "mean-score", cuts: [1.5, 2.5, 3.5] },
});
writeFileSync(join(dirname(out), "framework-2.json"), JSON.stringify(framework(MEASURES.slice(0, 2)), null, 2));
writeFileSync(join(dirname(out), "framework-24.json"), JSON.stringify(framework(MEASURES.slice(0, 24)), null, 2));
console.log(`${out}: ${rows} rows`);
