import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/built-cli.js";

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
    header: "org_code,org_name,a_and_e_4hr,a_and_e_4hr_score,rtt_52wk,rtt_52wk_score,cancer_62day,cancer_62day_score,shmi,shmi_score,staff_survey,staff_survey_score,score,category,rank,decided_by,notes",
    row: "Q04,Synthetic Integrated Care Board 04,70.5,2.683,12.3,1.293,86.2,1.293,0.876,1.150,81.4,1.073,1.498,Segment 3,15,mean 1.498 <= 2.079; capped at Segment 3 (financial_deficit = yes),",
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
    ["a missing override column", "fixtures/frameworks/bad/cqc-no-breach-column.csv", `fixtures/frameworks/bad/cqc-no-breach-column.csv:1:1: no column "breach", which the framework's overrides look at (E_MISSING_COLUMN)\n`],
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
