import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-proc.js";

const LONG = ["--thresholds", "fixtures/example/thresholds.csv", "--values", "fixtures/periods/long-two-periods.csv"];

describe("explain", () => {
  it("prints one organisation's rating step by step", async () => {
    const ran = await runCli(["explain", "MMM", ...LONG]);
    expect(ran).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "MMM Delta and Epsilon CCG (period 2017-18)",
        "Thresholds from thresholds.csv",
        "",
        "Indicator                                                          Value  Band  Decided by  Next band up",
        "IAPT recovery rate (iapt_recovery)                          51/100 = 51%     2  >= 50       55% (+4)",
        "Early intervention in psychosis within two weeks (eip_2wk)    5/10 = 50%     2  >= 50       60% (+10)",
        "",
        "Aggregate: weighted mean of 2 bands (weights: iapt_recovery 1, eip_2wk 1) = 2.000",
        "Category:  Performing well (1.5 < mean 2 <= 2.5; cuts 1.5 / 2.5 / 3.5, a mean on a cut takes the better category)",
        "To reach Top performing: the mean must fall by 0.500, to 1.500 or less; one band better lowers it: iapt_recovery by 0.500, eip_2wk by 0.500.",
        "",
      ].join("\n"),
    });
  });

  it("explains every period of the organisation unless --period picks one", async () => {
    const all = await runCli(["explain", "AAA", ...LONG]);
    expect(all.stdout.match(/^AAA Alpha CCG \(period [^)]+\)$/gm)).toEqual(["AAA Alpha CCG (period 2016-17)", "AAA Alpha CCG (period 2017-18)"]);
    expect(all.stdout).toContain("Already in the best category.");
    const one = await runCli(["explain", "AAA", ...LONG, "--period", "2017-18", "--format", "json"]);
    const doc = JSON.parse(one.stdout);
    expect(doc.framework.id).toBe("thresholds:thresholds.csv");
    expect(doc.explanations.map((e: { period: string; category: string; score: number }) => [e.period, e.category, e.score])).toEqual([["2017-18", "Performing well", 2]]);
  });

  it("explains a suppressed indicator as unscored", async () => {
    const ran = await runCli(["explain", "03R", "--example"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^Early intervention in psychosis within two weeks \(eip_2wk\) +- +- +unscored: suppressed$/m);
    expect(ran.stdout).toContain("  held      a standard missed significantly, neither met -> Greatest need for improvement\n");
    expect(ran.stdout).toContain('To reach Needs improvement: none of the rules may hold (held now: "a standard missed significantly, neither met").\n');
  });

  it.each([
    { args: ["explain", "00Z", "--example"], stderr: 'error: no organisation "00Z" in the values; nearest codes: 00C, 00D, 00J\n' },
    { args: ["explain", "AAA", ...LONG, "--period", "2019"], stderr: 'error: AAA has no rating for period "2019" (its periods: 2016-17, 2017-18)\n' },
    { args: ["explain", "00C", "--example", "--format", "yaml"], stderr: "error: option '--format <format>' argument 'yaml' is invalid" },
  ])("refuses $args with exit 2", async ({ args, stderr }) => {
    const ran = await runCli(args);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(stderr);
  });
});
