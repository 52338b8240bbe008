// Peak RSS and wall time of `rate` and `validate` on values files with 5,000, 50,000 and 500,000 bad
// rows (every row's iapt_recovery is "n/k"), on one thread and on the default threads. Given several
// checkouts' roots (say a copy of main's and this one), runs each in turn and prints one Markdown table.
// `node bench/many-errors.mjs [ROOT...]`; a script, never a timed test.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const roots = process.argv.length > 2 ? process.argv.slice(2).map((r) => resolve(r)) : [resolve(here, "..")];
const data = join(here, "data");
mkdirSync(data, { recursive: true });

function file(rows) {
  const path = join(data, `bad-${rows}.csv`);
  if (!existsSync(path)) {
    const lines = ["org_code,org_name,iapt_recovery,eip_2wk\n"];
    for (let i = 0; i < rows; i++) lines.push(`X${i},Name ${i},n/k,50\n`);
    writeFileSync(path, lines.join(""));
  }
  return path;
}

/** Peak RSS in MB and wall seconds, from GNU time. */
function measure(root, args) {
  const ran = spawnSync("/usr/bin/time", ["-f", "%M %e", process.execPath, join(root, "bin/ccg-ratings.js"), ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  const [kb, seconds] = ran.stderr.trim().split("\n").at(-1).split(" ").map(Number);
  return { mb: Math.round(kb / 1024), seconds, code: ran.status };
}

console.log(`| rows | command | threads | ${roots.map((r) => `${r}: peak RSS MB, s`).join(" | ")} |`);
console.log(`|---|---|---|${roots.map(() => "---").join("|")}|`);
for (const rows of [5_000, 50_000, 500_000]) {
  const values = file(rows);
  for (const command of ["rate", "validate"]) {
    for (const threads of ["1", "default"]) {
      const args = [command, "--framework", "ccg-iaf-2016-17-mental-health", "--values", values, ...(command === "rate" ? ["--out", join(data, "bad-out.csv")] : []), ...(threads === "1" ? ["--threads", "1"] : [])];
      const cells = roots.map((root) => {
        const m = measure(root, args);
        return `${m.mb} MB, ${m.seconds} s (exit ${m.code})`;
      });
      console.log(`| ${rows.toLocaleString("en-GB")} | ${command} | ${threads} | ${cells.join(" | ")} |`);
    }
  }
}
