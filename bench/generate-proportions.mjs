#!/usr/bin/env node
// A practice-level proportions file for the bootstrap's bench, from a seed: wide layout, one row per
// practice, each indicator as <id>_numerator,<id>_denominator (list sizes 300-20,000, denominators a
// share of them, some small), and a thresholds framework over them with mean-score aggregation.
//   node bench/generate-proportions.mjs [practices=7000] [indicators=24] [out=bench/data/gp-proportions.csv] [seed=20161]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { mulberry32 } from "../fixtures/synthetic.mjs";

const practices = Number(process.argv[2] ?? 7000);
const indicators = Number(process.argv[3] ?? 24);
const out = process.argv[4] ?? "bench/data/gp-proportions.csv";
const random = mulberry32(Number(process.argv[5] ?? 20161));
const ids = Array.from({ length: indicators }, (_, j) => `gp${String(j + 1).padStart(2, "0")}`);
const lines = [["org_code", "org_name", ...ids.flatMap((id) => [`${id}_numerator`, `${id}_denominator`])].join(",")];
for (let i = 0; i < practices; i++) {
  const list = Math.round(300 + random() * random() * 19700);
  const cells = ids.flatMap((_, j) => {
    const den = Math.max(1, Math.round(list * (0.005 + 0.2 * random()) * (j % 3 === 0 ? 0.1 : 1)));
    const p = Math.min(1, Math.max(0, 0.35 + 0.3 * random() + 0.1 * (random() - 0.5)));
    let num = 0;
    for (let k = 0; k < den; k++) if (random() < p) num++;
    return [num, den];
  });
  lines.push([`P${String(i).padStart(5, "0")}`, `Practice ${i}`, ...cells].join(","));
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${lines.join("\n")}\n`);
const framework = {
  id: `bench-gp-${indicators}`,
  title: `Bench: ${practices} practices x ${indicators} proportions`,
  indicators: ids.map((id) => ({ id, label: id, polarity: "higher", unit: "%", scoring: { method: "thresholds", cuts: [60, 50, 40] } })),
  aggregation: { method: "mean-score", cuts: [1.5, 2.5, 3.5] },
};
writeFileSync(join(dirname(out), `framework-gp-${indicators}.json`), JSON.stringify(framework, null, 2));
