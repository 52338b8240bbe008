import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/built-cli.js";

const NOF_HEADER =
  "org_code,org_name,period,ae_4hr,ae_4hr_score,ae_12hr,ae_12hr_score,rtt_18wk,rtt_18wk_score,rtt_52wk,rtt_52wk_score,cancer_fds,cancer_fds_score,cancer_62d,cancer_62d_score,diagnostics_6wk,diagnostics_6wk_score,shmi,shmi_score,discharge_delay,discharge_delay_score,cdiff_rate,cdiff_rate_score,ecoli_rate,ecoli_rate_score,safety_alerts,safety_alerts_band,staff_raise_concerns,staff_raise_concerns_score,cqc_safe,cqc_safe_band,sickness_absence,sickness_absence_score,staff_engagement,staff_engagement_score,staff_leavers,staff_leavers_score,implied_productivity,implied_productivity_score,relative_cost,relative_cost_score,plan_variance,plan_variance_score,underlying_position,underlying_position_score,agency_spend,agency_spend_score,score,category,rank,rank_of,decided_by,notes";

const CASES = [
  {
    framework: "ccg-iaf-2016-17-mental-health",
    values: "fixtures/example/ccg-2016-17-mental-health-synthetic.csv",
    counts: [13, 57, 83, 56],
    notRated: 0,
    header: "org_code,org_name,iapt_recovery,iapt_recovery_ci_lower,iapt_recovery_ci_upper,iapt_recovery_band,eip_2wk,eip_2wk_ci_lower,eip_2wk_ci_upper,eip_2wk_band,score,category,decided_by,notes",
    // 778/1824 = 42.7%, Wilson 40.4-44.9: significantly below 50; 10/17 = 58.8%, 36.0-78.4: meets it. One met, one missed significantly.
    row: "00C,NHS Darlington CCG,42.653509,40.401592,44.936304,4,58.823529,36.005443,78.388943,2,3.000,Needs improvement,otherwise (no rule held),",
  },
  {
    framework: "ccg-iaf-2017-18-mental-health",
    values: "fixtures/frameworks/ccg-2017-18-mental-health-values.csv",
    counts: [6, 93, 104, 4],
    notRated: 0,
    header: "org_code,org_name,iapt_recovery,iapt_recovery_ci_lower,iapt_recovery_ci_upper,iapt_recovery_band,eip_2wk,eip_2wk_ci_lower,eip_2wk_ci_upper,eip_2wk_band,cyp_mh,cyp_mh_band,crisis_care,crisis_care_band,oap_bed_days,oap_bed_days_band,score,category,decided_by,notes",
    row: null,
  },
  {
    framework: "ccg-iaf-2016-17-maternity",
    values: "fixtures/frameworks/ccg-2016-17-maternity-values.csv",
    counts: [13, 118, 74, 4],
    notRated: 0,
    header: "org_code,org_name,stillbirth_neonatal,stillbirth_neonatal_z,stillbirth_neonatal_band,smoking_delivery,smoking_delivery_ci_lower,smoking_delivery_ci_upper,smoking_delivery_band,experience,experience_band,choice,choice_band,score,category,decided_by,notes",
    row: null,
  },
  {
    framework: "cqc-aggregation",
    values: "fixtures/frameworks/cqc-providers.csv",
    counts: [2, 3, 4, 2],
    notRated: 1,
    header: "org_code,org_name,safe,safe_band,effective,effective_band,caring,caring_band,responsive,responsive_band,well_led,well_led_band,score,category,decided_by,notes",
    row: 'P08,Outstanding In Breach Trust,Outstanding,1,Outstanding,1,Good,2,Good,2,Good,2,1.600,Requires improvement,"two or more Outstanding, none below Good; capped at Requires improvement (breach = yes)",',
  },
  {
    framework: "fixtures/frameworks/nof-style.json",
    values: "fixtures/frameworks/nof-style-values.csv",
    counts: [6, 8, 17, 11],
    notRated: 0,
    header: "org_code,org_name,a_and_e_4hr,a_and_e_4hr_score,rtt_52wk,rtt_52wk_score,cancer_62day,cancer_62day_score,shmi,shmi_score,staff_survey,staff_survey_score,score,category,rank,rank_of,decided_by,notes",
    row: "Q04,Synthetic Integrated Care Board 04,70.5,2.683,12.3,1.293,86.2,1.293,0.876,1.150,81.4,1.073,1.498,Segment 3,15,42,mean 1.498 <= 2.079; capped at Segment 3 (financial_deficit = yes),",
  },
  {
    framework: "nof-2025-26",
    values: "fixtures/nof/acute-2025-26-q1-synthetic.csv",
    counts: [20, 20, 56, 32, 6],
    notRated: 0,
    header: NOF_HEADER,
    row: "SYN035,Synthetic Acute Trust 035,2025/26 Q1,78.5,1.864,9.1,2.568,61.3,2.341,0.8,1.372,74.7,3.267,57.4,3.921,19.7,2.981,1.043,3.143,2.26,3.955,34.6,3.210,55.2,3.797,0,1,6.35,2.793,Requires improvement,3,6.2,3.797,6.81,2.737,9.6,2.252,-2,3.786,108,3.650,0.6,1.643,-1.3,2.545,4.2,3.398,2.864,Segment 5,133,134,mean 2.864 > 2.837; set to Segment 5 (intensive_support = yes),",
  },
  {
    framework: "nof-2026-27-acute",
    values: "fixtures/nof/acute-2025-26-q1-synthetic.csv",
    counts: [8, 37, 72, 11, 6],
    notRated: 0,
    header: NOF_HEADER,
    row: "SYN035,Synthetic Acute Trust 035,2025/26 Q1,78.5,1.864,9.1,2.568,61.3,2.341,0.8,1.372,74.7,3.267,57.4,3.921,19.7,2.981,1.043,3.143,2.26,3.955,34.6,3.210,55.2,3.797,0,1,6.35,2.793,Requires improvement,3,6.2,3.797,6.81,2.737,9.6,2.252,-2,3.786,108,3.650,0.6,1.643,-1.3,2.545,4.2,3.398,2.864,Segment 5,133,134,2.5 < mean 2.864 <= 3.25; set to Segment 5 (intensive_support = yes),",
  },
];

describe.each(CASES)("rate --framework $framework (built binary)", ({ framework, values, counts, notRated, header, row }) => {
  const csv = runBuilt(["rate", "--framework", framework, "--values", values]);
  const lines = csv.stdout.trimEnd().split("\n");

  it("exits 0 with one row per organisation and the method's columns", () => {
    expect(csv.code).toBe(0);
    expect(lines[0]).toBe(header);
    if (row !== null) expect(lines).toContain(row);
    expect(lines).toHaveLength(counts.reduce((a, b) => a + b, 0) + notRated + 1);
  });

  it("prints counts that are plausible and match the table", () => {
    const json = JSON.parse(runBuilt(["rate", "--framework", framework, "--values", values, "--format", "json", "-q"]).stdout);
    expect(Object.values(json.summary[0].counts)).toEqual(counts);
    expect(json.summary[0].not_rated).toBe(notRated);
    const tally: Record<string, number> = {};
    for (const o of json.organisations) tally[o.category] = (tally[o.category] ?? 0) + 1;
    for (const [category, n] of Object.entries(json.summary[0].counts)) expect(tally[category] ?? 0).toBe(n);
    const ids = JSON.parse(runBuilt(["frameworks", "show", framework]).stdout).indicators.map((i: { id: string }) => i.id);
    expect(json.statistics.map((s: { indicator: string }) => s.indicator)).toEqual(ids);
  });

  it("report draws every indicator without a NaN, leaving out those with no banded value", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-report-"));
    const out = join(dir, "report.html");
    const r = runBuilt(["report", "--framework", framework, "--values", values, "--out", out, "-q"]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).not.toMatch(/NaN|Infinity/);
    expect(html).toContain("<svg");
  });

  it("frameworks show --as json round-trips: rating with the shown file gives the same bytes", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-show-"));
    const shown = runBuilt(["frameworks", "show", framework, "--as", "json"]);
    expect(shown.code).toBe(0);
    const file = join(dir, "shown.json");
    writeFileSync(file, shown.stdout);
    for (const format of ["csv", "json"]) {
      const byId = runBuilt(["rate", "--framework", framework, "--values", values, "--format", format, "-q"]);
      const byFile = runBuilt(["rate", "--framework", file, "--values", values, "--format", format, "-q"]);
      expect(byFile.code).toBe(0);
      expect(byFile.stdout).toBe(byId.stdout);
    }
  });
});

describe("z-score statistics in JSON", () => {
  it("gives phi and tau2 for the maternity z-score indicator and null for the others", () => {
    const json = JSON.parse(runBuilt(["rate", "--framework", "ccg-iaf-2016-17-maternity", "--values", "fixtures/frameworks/ccg-2016-17-maternity-values.csv", "--format", "json", "-q"]).stdout);
    const [z, ci, experience] = json.statistics;
    expect(z.indicator).toBe("stillbirth_neonatal");
    expect(z.phi).toBeGreaterThan(1);
    expect(z.tau2).toBeGreaterThan(0);
    expect(z.national).toBeGreaterThan(5);
    expect(ci).toMatchObject({ indicator: "smoking_delivery", phi: null, tau2: null });
    expect(experience).toEqual({ indicator: "experience", national: null, phi: null, tau2: null });
  });
});

describe("bad inputs for the methods (built binary)", () => {
  it.each([
    ["an unknown label", "fixtures/frameworks/bad/cqc-unknown-label.csv", `fixtures/frameworks/bad/cqc-unknown-label.csv:3:5: "Very good" is not a label of indicator caring (expected one of "Outstanding", "Good", "Requires improvement", "Inadequate") (E_UNKNOWN_LABEL)\n`],
    ["a missing override column", "fixtures/frameworks/bad/cqc-no-breach-column.csv", `fixtures/frameworks/bad/cqc-no-breach-column.csv:1:1: no column "breach", which the framework's overrides look at (name another with --flag-col breach=COLUMN) (E_MISSING_COLUMN)\n`],
  ])("%s: exit 1, one line naming file, line and column, nothing written", (_name, values, stderr) => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-bad-"));
    const r = runBuilt(["rate", "--framework", "cqc-aggregation", "--values", values, "--out", join(dir, "out.csv")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(stderr);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("explain with the new methods (built binary)", () => {
  it("shows a label, a rule and an override, and does not pretend a value cut moves the band", () => {
    const r = runBuilt(["explain", "P08", "--framework", "cqc-aggregation", "--values", "fixtures/frameworks/cqc-providers.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Caring \(caring\) +Good +2 +"Good" +-\n/);
    expect(r.stdout).toContain("Category:  Requires improvement (two or more Outstanding, none below Good; capped at Requires improvement (breach = yes))\n");
    expect(r.stdout).toContain("To reach Good: the override must not apply (capped at Requires improvement (breach = yes)); without it the category is better.\n");
  });

  it("shows rank scores", () => {
    const r = runBuilt(["explain", "Q04", "--framework", "fixtures/frameworks/nof-style.json", "--values", "fixtures/frameworks/nof-style-values.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\(shmi\) +0\.876 +score 1\.150 +rank 3 of 41 +-\n/);
  });
});

describe("the NHS Oversight Framework built-ins, as the README runs them (built binary)", () => {
  const Q1 = "fixtures/nof/acute-2025-26-q1-synthetic.csv";
  const Q2 = "fixtures/nof/acute-2025-26-q2-synthetic.csv";

  it("compares two quarters: who moved between segments", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-nof-"));
    for (const [q, file] of [[Q1, "q1.csv"], [Q2, "q2.csv"]] as const) {
      expect(runBuilt(["rate", "--framework", "nof-2025-26", "--values", q, "--out", join(dir, file), "-q"]).code).toBe(0);
    }
    const r = runBuilt(["compare", join(dir, "q1.csv"), join(dir, "q2.csv"), "--framework", "nof-2025-26", "--out", join(dir, "moves.csv")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("│ Segment 5 │         0 │         0 │         0 │         0 │         6 │");
    expect(r.stdout).toContain("up 17, down 19 (net -2); same 98; merged 0; new 0; gone 0\n");
    expect(r.stdout).toContain("league: 61 climbed, 63 fell, 10 held; furthest climb SYN109 (+57), furthest fall SYN123 (-75)\n");
    const moves = readFileSync(join(dir, "moves.csv"), "utf8");
    expect(moves).toMatch(/^org_code,org_name,successor_code,old_category,new_category,change,old_score,new_score,score_change,old_rank,new_rank,rank_change\n/);
    expect(moves).toContain("SYN001,Synthetic Acute Trust 001,,Segment 2,Segment 3,down 1,2.353,2.400,0.047,32,64,-32\n");
    // Two quarters of one values file give the same comparison as the two graded tables, but for the
    // score change, which the tables' 3-decimal scores round differently.
    const both = join(dir, "both.csv");
    writeFileSync(both, readFileSync(Q1, "utf8") + readFileSync(Q2, "utf8").split("\n").slice(1).join("\n"));
    const periods = runBuilt(["compare", "--framework", "nof-2025-26", "--values", both, "--periods", "2025/26 Q1,2025/26 Q2", "-q"]);
    expect(periods.code).toBe(0);
    const withoutScoreChange = (csv: string) => csv.split("\n").map((line) => line.split(",").filter((_, i) => i !== 8).join(","));
    expect(withoutScoreChange(periods.stdout)).toEqual(withoutScoreChange(moves));
  });

  it("explains a capped trust: its scores, the cut its mean fell between, the override and its league place", () => {
    const r = runBuilt(["explain", "SYN002", "--framework", "nof-2025-26", "--values", Q1]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\(plan_variance\) +0\.2% +score 2\.455 +rank 65\.5 of 134 +-\n/);
    expect(r.stdout).toContain("Category:  Segment 3 (2.054 < mean 2.169 <= 2.445; capped at Segment 3 (financial_deficit = yes))\n");
    expect(r.stdout).toContain("League:    58 of 134 (by category, then mean score, lower is better; ties share a place)\n");
  });

  it("reads the override columns under the names a file gives them (--flag-col)", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccg-nof-"));
    const renamed = join(dir, "q1.csv");
    writeFileSync(renamed, readFileSync(Q1, "utf8").replace("financial_deficit,intensive_support", "deficit_flag,pip"));
    const plain = runBuilt(["rate", "--framework", "nof-2025-26", "--values", Q1, "-q"]);
    const flagged = runBuilt(["rate", "--framework", "nof-2025-26", "--values", renamed, "--flag-col", "financial_deficit=deficit_flag", "--flag-col", "intensive_support=pip", "-q"]);
    expect(flagged.code).toBe(0);
    // The override is named as the framework names it, so the table is the same byte for byte.
    expect(flagged.stdout).toBe(plain.stdout);
    const missing = runBuilt(["rate", "--framework", "nof-2025-26", "--values", renamed, "--flag-col", "financial_deficit=deficit", "--flag-col", "intensive_support=pip", "-q"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`${renamed}:1:1: no column "deficit", which --flag-col financial_deficit=deficit names (name another with --flag-col financial_deficit=COLUMN) (E_MISSING_COLUMN)\n`);
  });
});
