import { describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/built-cli.js";

const NOF = ["--framework", "nof-2025-26", "--values", "fixtures/nof/acute-2025-26-q1-synthetic.csv"];
const SMALL = ["--thresholds", "fixtures/uncertainty/thresholds.csv", "--values", "fixtures/uncertainty/values.csv"];

function table(csv: string): { header: string[]; rows: string[][] } {
  const lines = csv.trimEnd().split("\n");
  const cells = (l: string) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ""));
  return { header: cells(lines[0]!), rows: lines.slice(1).map(cells) };
}

describe("rate --rank-intervals (built binary)", () => {
  const nof = runBuilt(["rate", ...NOF, "--rank-intervals", "--draws", "300"]);

  it("adds rank_lower and rank_upper after rank and rank_of on the NOF league table, every set within 1..134", () => {
    expect(nof.code).toBe(0);
    const { header, rows } = table(nof.stdout);
    const at = header.indexOf("rank");
    expect(header.slice(at, at + 5)).toEqual(["rank", "rank_of", "rank_lower", "rank_upper", "decided_by"]);
    expect(rows).toHaveLength(134);
    for (const row of rows) {
      const [lower, upper] = [Number(row[at + 2]), Number(row[at + 3])];
      expect(1 <= lower && lower <= upper && upper <= 134).toBe(true);
    }
    expect(nof.stderr).toMatch(/95% marginal confidence sets for the ranks of 134 organisations \(300 draws, seed 1\): median \d+ ranks wide; \d+ cover the whole league\n/);
  });

  it("gives the same bytes for the same seed, on one thread or two", () => {
    expect(runBuilt(["rate", ...NOF, "--rank-intervals", "--draws", "300", "--threads", "2", "-q"]).stdout).toBe(nof.stdout);
    expect(runBuilt(["rate", ...NOF, "--rank-intervals", "--draws", "300", "--threads", "1", "-q"]).stdout).toBe(nof.stdout);
  });

  it("puts the columns after category where there is no league table, and JSON has expected ranks and the settings", () => {
    const r = runBuilt(["rate", ...SMALL, "--rank-intervals", "simultaneous", "--format", "json", "-q"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.rank_intervals).toEqual({ method: "csranks (Mogstad, Romano, Shaikh & Wilhelm 2023)", kind: "simultaneous", level: 0.95, draws: 2000, seed: 1 });
    const keys = Object.keys(json.organisations[0]);
    expect(keys.slice(keys.indexOf("category"), keys.indexOf("category") + 3)).toEqual(["category", "rank_lower", "rank_upper"]);
    const expected = json.organisations.map((o: { expected_rank: number }) => o.expected_rank);
    expect(expected.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(10, 1);
    for (const o of json.organisations) expect(o.rank_lower <= o.expected_rank && o.expected_rank <= o.rank_upper).toBe(true);
  });

  it("puts them after the probabilities with --uncertainty, from the same draws as --uncertainty alone", () => {
    const both = table(runBuilt(["rate", ...SMALL, "--rank-intervals", "--uncertainty", "-q"]).stdout);
    const alone = table(runBuilt(["rate", ...SMALL, "--uncertainty", "-q"]).stdout);
    const at = both.header.indexOf("category_confidence");
    expect(both.header.slice(at, at + 3)).toEqual(["category_confidence", "rank_lower", "rank_upper"]);
    expect(both.rows.map((r) => [...r.slice(0, at + 1), ...r.slice(at + 3)])).toEqual(alone.rows);
  });

  it("adds the columns to Markdown", () => {
    expect(runBuilt(["rate", ...SMALL, "--rank-intervals", "--format", "md", "-q"]).stdout).toContain("| category | rank_lower | rank_upper | decided_by |");
  });

  it("refuses a rules framework (--example) with a usage error naming why, writing nothing", () => {
    const r = runBuilt(["rate", "--example", "--rank-intervals"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "error: --rank-intervals: framework ccg-iaf-2016-17-mental-health gives its categories by rules over indicator bands, with no score to rank organisations by\n(see ccg-ratings --help)\n",
    );
  });

  it("leaves the outputs unchanged without the option", () => {
    const plain = table(runBuilt(["rate", ...NOF, "-q"]).stdout);
    const { header, rows } = table(nof.stdout);
    const at = header.indexOf("rank_lower");
    expect(rows.map((r) => [...r.slice(0, at), ...r.slice(at + 2)])).toEqual(plain.rows);
  });
});

describe("explain and report --rank-intervals (built binary)", () => {
  it("explain gives the organisation's set under its league place", () => {
    const r = runBuilt(["explain", "SYN013", ...NOF, "--rank-intervals", "--draws", "200"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nLeague: {4}2 of 134 \(by category, then mean score, lower is better; ties share a place\)\nRank: {6}95% marginal confidence set for the rank by score: \d+-\d+ of 134 \(expected rank [\d.]+; 200 draws, seed 1\)\n/);
  });

  it("explain gives it where there is no league table too", () => {
    const r = runBuilt(["explain", "A02", ...SMALL, "--rank-intervals", "simultaneous"]);
    expect(r.stdout).toMatch(/\nRank: {6}95% simultaneous confidence set for the rank by score: 1-\d of 4 \(expected rank [\d.]+; 2000 draws, seed 1\)\n/);
  });

  it("report adds one column, Rank set", () => {
    const r = runBuilt(["report", ...SMALL, "--rank-intervals", "--out", "-", "-q"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(">Rank set</th>");
    expect(r.stdout.match(/<td class="num" data-sort="\d">\d–\d<\/td>/g)).toHaveLength(4);
  });

  it("report refuses a graded table, as --uncertainty does", () => {
    const r = runBuilt(["report", "no-such-graded.csv", "--rank-intervals", "--out", "-"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--rank-intervals draws the values again");
  });
});
