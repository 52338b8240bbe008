import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-proc.js";

describe("rate a long values file with a period column", () => {
  it("writes one row per organisation and period and prints a column of counts per period", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "periods-")), "graded.csv");
    const ran = await runCli(["rate", "--thresholds", "fixtures/example/thresholds.csv", "--values", "fixtures/periods/long-two-periods.csv", "--out", out]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toBe(
      [
        "Thresholds from thresholds.csv",
        "┌───────────────────────────────┬───────────┬───────────┐",
        "│ Category                      │   2016-17 │   2017-18 │",
        "│ Top performing                │ 2 (28.6%) │ 2 (33.3%) │",
        "│ Performing well               │ 2 (28.6%) │ 2 (33.3%) │",
        "│ Needs improvement             │ 1 (14.3%) │ 2 (33.3%) │",
        "│ Greatest need for improvement │ 2 (28.6%) │  0 (0.0%) │",
        "│ Total                         │         7 │         6 │",
        "└───────────────────────────────┴───────────┴───────────┘",
        "",
      ].join("\n"),
    );
    const rows = readFileSync(out, "utf8").trimEnd().split("\n");
    expect(rows[0]).toBe("org_code,org_name,period,iapt_recovery,iapt_recovery_band,eip_2wk,eip_2wk_band,score,category,decided_by,notes");
    expect(rows.slice(1).map((r) => r.split(",").slice(0, 3).join(","))).toEqual([
      "AAA,Alpha CCG,2016-17",
      "AAA,Alpha CCG,2017-18",
      "BBB,Beta CCG,2016-17",
      "BBB,Beta CCG,2017-18",
      "CCC,Gamma CCG,2016-17",
      "CCC,Gamma CCG,2017-18",
      "DDD,Delta CCG,2016-17",
      "EEE,Epsilon CCG,2016-17",
      "FFF,Phi CCG,2016-17",
      "GGG,Gimel CCG,2017-18",
      "MMM,Delta and Epsilon CCG,2017-18",
      "PPP,Pi CCG,2016-17",
      "RRR,Rho CCG,2017-18",
    ]);
  });

  it("reads a period column under another name with --period-col", async () => {
    const ran = await runCli(
      ["rate", "--thresholds", "fixtures/example/thresholds.csv", "--values", "-", "--period-col", "YEAR", "-q"],
      undefined,
      "org_code,YEAR,indicator,value\nA,2017,iapt_recovery,50\nA,2016,iapt_recovery,56\nA,2016,eip_2wk,61\nA,2017,eip_2wk,40\n",
    );
    expect(ran.code).toBe(0);
    expect(ran.stdout.split("\n").map((r) => r.split(",").slice(0, 3).concat(r.split(",").slice(-3, -2)).join(","))).toEqual([
      "org_code,org_name,period,category",
      "A,,2016,Top performing",
      "A,,2017,Performing well",
      "",
    ]);
  });
});
