import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/built-cli.js";

const INPUTS = ["--thresholds", "fixtures/trend/thresholds.csv", "--values", "fixtures/trend/quarters-synthetic.csv", "--period-col", "quarter"];
const VALUES = "fixtures/trend/quarters-synthetic.csv";
type Row = Record<string, string>;
const rowsOf = (csv: string) => parse(csv, { columns: true }) as Row[];

describe("ccg-ratings trend on the synthetic quarters (built binary)", () => {
  const r = runBuilt(["trend", ...INPUTS]);
  const series = rowsOf(r.stdout);

  it("writes one row per organisation x indicator to stdout, by code then the framework's indicator order", () => {
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("org_code,indicator,points,mean,lpl,upl,last_value,variation,assurance,flags");
    expect(series).toHaveLength(30);
    expect(series.slice(0, 3).map((s) => [s.org_code, s.indicator, s.points])).toEqual([
      ["T01", "iapt_recovery", "16"],
      ["T01", "eip_2wk", "16"],
      ["T01", "oap_days", "16"],
    ]);
    // T02's suppressed quarter is no point; T08 and T09 start late.
    expect(series.find((s) => s.org_code === "T02" && s.indicator === "eip_2wk")!.points).toBe("15");
    expect(series.filter((s) => s.org_code === "T09").map((s) => s.points)).toEqual(["6", "6", "6"]);
  });

  it("fires every rule somewhere, as improvement and as concern", () => {
    const flags = series.map((s) => s.flags).join("; ");
    for (const rule of ["outside-limits", "trend", "two-in-three", "shift"]) {
      for (const effect of ["improvement", "concern"]) expect(flags).toMatch(new RegExp(`${rule} \\d+ ${effect}`));
    }
    expect(series.find((s) => s.org_code === "T05" && s.indicator === "oap_days")).toMatchObject({ last_value: "193", variation: "special_cause_concern", flags: "outside-limits 1 concern" });
  });

  it("warns once per series under 13 points on stderr, then prints the counts by icon, which match the table", () => {
    const warnings = r.stderr.split("\n").filter((l) => l.includes("W_SHORT_SERIES"));
    expect(warnings).toHaveLength(6);
    expect(warnings[0]).toBe(`${VALUES}:338:1: warning: T08 iapt_recovery: 10 of 13 points needed for firm limits; charted with trial limits (W_SHORT_SERIES)`);
    expect(r.stderr).toContain("30 series over 16 periods (2021/22 Q1 to 2024/25 Q4); 6 with fewer than 13 points (trial limits)");
    const count = (column: "variation" | "assurance", value: string) => String(series.filter((s) => s[column] === value).length);
    for (const [label, column, value] of [
      ["Special cause improvement", "variation", "special_cause_improvement"],
      ["Special cause concern", "variation", "special_cause_concern"],
      ["Common cause", "variation", "common_cause"],
      ["Consistently passes the target", "assurance", "consistent_pass"],
      ["Consistently fails the target", "assurance", "consistent_fail"],
      ["Hits and misses the target", "assurance", "inconsistent"],
    ] as const) {
      expect(r.stderr).toMatch(new RegExp(`\\n${label} +${count(column, value)}\\n`));
    }
    expect(r.stderr).not.toMatch(/\u001b\[/);
  });

  it("gives the same bytes on every run", () => {
    expect(runBuilt(["trend", ...INPUTS]).stdout).toBe(r.stdout);
  });

  it("--points writes one row per point whose flags add up to the series' flags", () => {
    const p = runBuilt(["trend", ...INPUTS, "--points", "-q"]);
    expect(p).toMatchObject({ code: 0, stderr: expect.stringContaining("W_SHORT_SERIES") });
    const points = rowsOf(p.stdout);
    expect(Object.keys(points[0]!)).toEqual(["org_code", "indicator", "period", "value", "mean", "lpl", "upl", "flag"]);
    expect(points).toHaveLength(series.reduce((n, s) => n + Number(s.points), 0));
    for (const s of series) {
      const own = points.filter((q) => q.org_code === s.org_code && q.indicator === s.indicator);
      expect(own.at(-1)!.value).toBe(s.last_value);
      expect(own.every((q) => q.mean === s.mean && q.lpl === s.lpl && q.upl === s.upl)).toBe(true);
      const tally = new Map<string, number>();
      for (const q of own) if (q.flag !== "") tally.set(q.flag!, (tally.get(q.flag!) ?? 0) + 1);
      const expected = s.flags === "" ? [] : s.flags!.split("; ").map((f) => f.replace(/ (\d+) /, " "));
      expect([...tally.keys()].sort()).toEqual([...expected].sort());
    }
    const t07 = points.filter((q) => q.org_code === "T07" && q.indicator === "oap_days");
    expect(t07.map((q) => q.period).slice(0, 5)).toEqual(["2021/22 Q1", "2021/22 Q2", "2021/22 Q3", "2021/22 Q4", "2022/23 Q1"]);
  });

  it("--org and --indicator pick one series; the options change the rules", () => {
    const one = runBuilt(["trend", ...INPUTS, "--org", "T04", "--indicator", "iapt_recovery", "-q"]);
    expect(rowsOf(one.stdout)).toEqual([series.find((s) => s.org_code === "T04" && s.indicator === "iapt_recovery")]);
    const six = rowsOf(runBuilt(["trend", ...INPUTS, "--org", "T10", "--indicator", "eip_2wk", "--run-length", "6", "-q"]).stdout)[0]!;
    // Six falling quarters, 2022/23 Q2 to 2023/24 Q4: a trend for --run-length 6 only; the last is also below the limit.
    expect(series.find((s) => s.org_code === "T10" && s.indicator === "eip_2wk")!.flags).toBe("outside-limits 1 concern");
    expect(six.flags).toBe("outside-limits 1 concern; trend 5 concern");
    const base = rowsOf(runBuilt(["trend", ...INPUTS, "--org", "T03", "--indicator", "iapt_recovery", "--baseline", "8", "-q"]).stdout)[0]!;
    expect(Number(base.mean)).toBeLessThan(Number(series.find((s) => s.org_code === "T03" && s.indicator === "iapt_recovery")!.mean));
    expect(base.flags).toMatch(/improvement/);
    expect(base.flags).not.toMatch(/concern/);
  });

  it("writes a file (format from the extension), prints the summary on stdout, and --check compares with it", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-trend-e2e-"));
    const out = join(dir, "trend.json");
    const w = runBuilt(["trend", ...INPUTS, "--out", out]);
    expect(w.code).toBe(0);
    expect(w.stdout).toContain("Variation (last point)");
    expect(w.stderr).toContain("W_SHORT_SERIES");
    const doc = JSON.parse(readFileSync(out, "utf8")) as { series: Row[]; periods: string[] };
    expect(doc.series).toHaveLength(30);
    expect(doc.periods).toHaveLength(16);
    expect(runBuilt(["trend", ...INPUTS, "--out", out, "--check"])).toMatchObject({ code: 0, stdout: `${out}: up to date\n` });
    writeFileSync(out, readFileSync(out, "utf8").replace('"last_value": 193', '"last_value": 93'));
    const stale = runBuilt(["trend", ...INPUTS, "--out", out, "--check"]);
    expect(stale).toMatchObject({ code: 3, stdout: `${out}: would change\n  ~ T05 oap_days: last_value 93 -> 193\n` });
    expect(runBuilt(["trend", ...INPUTS, "--out", join(dir, "none.md"), "--check"])).toMatchObject({ code: 3, stdout: `${join(dir, "none.md")}: does not exist; it would be written\n` });
    expect(existsSync(join(dir, "none.md"))).toBe(false);
    const md = runBuilt(["trend", ...INPUTS, "--out", join(dir, "t.md"), "-q"]);
    expect(md).toMatchObject({ code: 0, stdout: "" });
    expect(readFileSync(join(dir, "t.md"), "utf8")).toMatch(/^# Thresholds from thresholds\.csv: trend over 16 periods \(2021\/22 Q1 to 2024\/25 Q4\)\n\n## Series\n/);
  });

  it("caps the warnings like every other diagnostic", () => {
    const capped = runBuilt(["trend", ...INPUTS, "-q", "--max-errors", "2"]);
    expect(capped.stderr).toBe(
      [
        `${VALUES}:338:1: warning: T08 iapt_recovery: 10 of 13 points needed for firm limits; charted with trial limits (W_SHORT_SERIES)`,
        `${VALUES}:338:1: warning: T08 eip_2wk: 10 of 13 points needed for firm limits; charted with trial limits (W_SHORT_SERIES)`,
        "... and 4 more W_SHORT_SERIES",
        "0 errors and 6 warnings in all (--max-errors 0 prints every one)",
        "",
      ].join("\n"),
    );
  });
});

describe("ccg-ratings trend with bad inputs (built binary)", () => {
  const dir = mkdtempSync(join(tmpdir(), "ccg-trend-bad-"));
  const thresholds = ["--thresholds", "fixtures/trend/thresholds.csv"];
  const oneIndicator = join(dir, "one.csv");
  writeFileSync(oneIndicator, "indicator,label,polarity,top_performing,performing_well,needs_improvement\niapt_recovery,IAPT,higher,55,50,45\n");

  it("refuses period labels it cannot order, naming file and line, and writes nothing", () => {
    const values = join(dir, "bad-periods.csv");
    writeFileSync(values, "org_code,org_name,period,indicator,value\nA,Alpha,2024/25 Q1,iapt_recovery,50\nA,Alpha,Spring 2025,iapt_recovery,51\nB,Beta,Spring 2025,iapt_recovery,52\n");
    const out = join(dir, "never.csv");
    const r = runBuilt(["trend", "--thresholds", oneIndicator, "--values", values, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `${values}:3:3: cannot place period "Spring 2025" in time; write periods as one of "2024/25 Q1", "Q1 2024-25", "2024 Q1", "Jun 2024", "2024-06", "2024-06-30", "30/06/2024", "2024/25", "2024" (E_PERIOD_ORDER)\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("refuses periods of two kinds", () => {
    const values = join(dir, "mixed.csv");
    writeFileSync(values, "org_code,org_name,period,indicator,value\nA,Alpha,2024/25 Q1,iapt_recovery,50\nA,Alpha,2024-09-30,iapt_recovery,51\n");
    const r = runBuilt(["trend", "--thresholds", oneIndicator, "--values", values]);
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.stderr).toBe(`${values}:3:3: periods of different kinds cannot be put in one order: "2024/25 Q1" (financial-quarter) and "2024-09-30" (date) (E_PERIOD_ORDER)\n`);
  });

  it("says a values file without periods cannot make a trend", () => {
    const r = runBuilt(["trend", "--thresholds", "fixtures/formats/thresholds.csv", "--values", "fixtures/formats/wide.csv"]);
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.stderr).toBe("fixtures/formats/wide.csv: the values have no period column: a trend needs one row per organisation and period (name the column with --period-col) (E_NO_PERIODS)\n");
  });

  it("reads a wide file with a period column", () => {
    const values = join(dir, "wide.csv");
    writeFileSync(values, "org_code,org_name,period,iapt_recovery,eip_2wk,oap_days\nA,Alpha,Jan 2025,50,60,90\nA,Alpha,Dec 2024,52,61,80\nA,Alpha,Feb 2025,51,59,\n");
    const r = runBuilt(["trend", ...thresholds, "--values", values, "--points", "-q"]);
    expect(r.code).toBe(0);
    expect(rowsOf(r.stdout).map((p) => [p.indicator, p.period, p.value])).toEqual([
      ["iapt_recovery", "Dec 2024", "52"],
      ["iapt_recovery", "Jan 2025", "50"],
      ["iapt_recovery", "Feb 2025", "51"],
      ["eip_2wk", "Dec 2024", "61"],
      ["eip_2wk", "Jan 2025", "60"],
      ["eip_2wk", "Feb 2025", "59"],
      ["oap_days", "Dec 2024", "80"],
      ["oap_days", "Jan 2025", "90"],
    ]);
  });

  it.each([
    [["--indicator", "nope"], "error: --indicator nope is not one of the framework's indicators: iapt_recovery, eip_2wk, oap_days\n"],
    [["--org", "ZZZ"], 'error: no organisation "ZZZ" in the values\n'],
    [["--baseline", "1"], "error: --baseline needs at least 2 points (one moving range)\n"],
    [["--check"], "error: --check compares with an existing file: give --out FILE\n"],
  ])("usage error for %j", (args, message) => {
    const r = runBuilt(["trend", ...INPUTS, ...args]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toBe(`${message}(see ccg-ratings --help)\n`);
  });

  it.each([["--run-length", "5"], ["--two-in-three", "3sigma"]])("refuses %s %s", (flag, value) => {
    const r = runBuilt(["trend", ...INPUTS, flag, value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: option '${flag} <`);
  });
});

describe("ccg-ratings report --trend (built binary)", () => {
  const dir = mkdtempSync(join(tmpdir(), "ccg-trend-report-"));

  it("charts the organisation's series and puts the icons in the table, with the trend's warnings", () => {
    const out = join(dir, "report.html");
    const r = runBuilt(["report", ...INPUTS, "--trend", "T07", "--out", out, "-q"]);
    expect(r.code).toBe(0);
    expect(r.stderr.split("\n").filter((l) => l.includes("W_SHORT_SERIES"))).toHaveLength(6);
    const html = readFileSync(out, "utf8");
    expect(html.match(/<figure id="trend-/g)).toHaveLength(3);
    const series = rowsOf(runBuilt(["trend", ...INPUTS, "-q"]).stdout);
    // Every series' icons, once each, on its last row.
    expect(html.match(/<td class="spc" data-sort="\d+">/g)).toHaveLength(series.length);
    const t07 = series.find((s) => s.org_code === "T07" && s.indicator === "oap_days")!;
    expect(html).toContain(`Rules that fired: ${t07.flags}.`);
    expect(runBuilt(["report", ...INPUTS, "--trend", "T07", "--out", "-", "-q"]).stdout).toBe(html);
  });

  it("--trend alone adds the icons but no charts", () => {
    const r = runBuilt(["report", ...INPUTS, "--trend", "--out", "-", "-q"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(">SPC</th>");
    expect(r.stdout).not.toContain('id="trend"');
  });

  it.each([
    [["--trend", "ZZZ"], 'error: no organisation "ZZZ" in the values\n'],
    [["--trend", "T01", "--baseline", "1"], "error: --baseline needs at least 2 points (one moving range)\n"],
  ])("usage error for %j", (args, message) => {
    const r = runBuilt(["report", ...INPUTS, ...args, "--out", join(dir, "never.html")]);
    expect(r).toMatchObject({ code: 2, stdout: "", stderr: `${message}(see ccg-ratings --help)\n` });
    expect(existsSync(join(dir, "never.html"))).toBe(false);
  });

  it("refuses a graded table, which has no values to chart, and values without periods", () => {
    const graded = join(dir, "graded.csv");
    expect(runBuilt(["rate", "--example", "--out", graded, "-q"]).code).toBe(0);
    expect(runBuilt(["report", graded, "--framework", "ccg-iaf-2016-17-mental-health", "--trend", "--out", join(dir, "g.html")])).toMatchObject({
      code: 2,
      stderr: "error: --trend charts the values over their periods: give --values, not a graded table\n(see ccg-ratings --help)\n",
    });
    const none = runBuilt(["report", "--example", "--trend", "--out", join(dir, "e.html")]);
    expect(none).toMatchObject({ code: 1, stdout: "" });
    expect(none.stderr).toMatch(/^example values: the values have no period column: .* \(E_NO_PERIODS\)\n$/);
  });
});
