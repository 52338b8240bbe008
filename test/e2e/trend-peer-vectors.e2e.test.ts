import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_XMR_OPTIONS, xmrChart } from "../../src/engine/stats/spc/xmr-chart.js";
import { pointFlag } from "../../src/io/output/trend-table.js";
import { expectWithinRounding } from "../engine/stats/peer-vectors.js";
import { dataOf, INPUT_ROUNDING, vectors, type LimitCase } from "../engine/stats/spc/nhsrplotthedots-vectors.js";
import { runBuilt } from "../helpers/built-cli.js";

/**
 * The whole path, file to table: NHSRplotthedots' test series written as a values file (one
 * organisation per series, periods numbered 1..n and the rows reversed, so that text order or file
 * order would both be wrong), charted by the built `trend`, must give the engine's limits and flags
 * for the same values, and the package's printed limits.
 */
interface Point {
  org_code: string;
  period: string;
  value: number;
  mean: number | null;
  lpl: number | null;
  upl: number | null;
  flag: string;
}

/** The values rounded as the table writes them (6 decimals): the most the text can differ from the engine. */
const WRITTEN = 5e-7;

const dir = mkdtempSync(join(tmpdir(), "ccg-trend-peer-"));
const thresholds = join(dir, "thresholds.csv");
writeFileSync(thresholds, "indicator,label,polarity,top_performing,performing_well,needs_improvement,unit\ny,y,higher,3,2,1,score\n");
const TARGET = 2;

const cases = [
  ...vectors.limits.map((c) => ({ name: c.name, values: dataOf(c), screenOutliers: c.screenOutliers, limitCase: c as LimitCase | null })),
  ...vectors.series.map((s) => ({ name: s.name, values: s.values, screenOutliers: true, limitCase: null })),
].map((c, i) => ({ ...c, code: `P${String(i + 1).padStart(2, "0")}` }));

/** One run per screening choice, each over a file of all that choice's series. */
function charted(screenOutliers: boolean): Point[] {
  const mine = cases.filter((c) => c.screenOutliers === screenOutliers);
  const rows = mine.flatMap((c) => c.values.map((v, i) => `${c.code},series ${c.code},${i + 1},y,${v}`)).reverse();
  const values = join(dir, `values-${screenOutliers}.csv`);
  writeFileSync(values, `org_code,org_name,period,indicator,value\n${rows.join("\n")}\n`);
  const r = runBuilt(["trend", "--thresholds", thresholds, "--values", values, "--points", "--format", "json", "-q", ...(screenOutliers ? [] : ["--no-screen-outliers"])]);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { points: Point[] }).points;
}

describe("trend on NHSRplotthedots' series, file to table (built binary)", () => {
  const points = [...charted(true), ...charted(false)];

  it.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const own = points.filter((p) => p.org_code === c.code);
    expect(own.map((p) => p.period)).toEqual(c.values.map((_, i) => String(i + 1)));
    own.forEach((p, i) => expect(Math.abs(p.value - c.values[i]!)).toBeLessThanOrEqual(WRITTEN));
    const chart = xmrChart(c.values, "higher", TARGET, { ...DEFAULT_XMR_OPTIONS, screenOutliers: c.screenOutliers });
    const limits = chart.limits!;
    for (const p of own) {
      for (const key of ["mean", "lpl", "upl"] as const) expect(Math.abs(p[key]! - limits[key])).toBeLessThanOrEqual(WRITTEN);
    }
    expect(own.map((p) => p.flag)).toEqual(chart.points.map((p) => pointFlag(p.cause, p.type)));
    const lc = c.limitCase;
    if (lc !== null) {
      const extra = WRITTEN + (lc.data.from === "rnorm20" ? INPUT_ROUNDING : 0);
      for (const key of ["mean", "lpl", "upl"] as const) expectWithinRounding(own[0]![key]!, lc.expected[key], `${c.name} ${key}`, extra);
      if (lc.improvementAt) expect(own.flatMap((p, i) => (p.flag.endsWith("improvement") ? [i + 1] : []))).toEqual(lc.improvementAt);
    }
  });

  it("agrees with the package's last point types", () => {
    for (const s of vectors.series) {
      const c = cases.find((x) => x.name === s.name)!;
      const own = points.filter((p) => p.org_code === c.code);
      expect(own.slice(-s.expectedLastTypes.length).map((p) => (p.flag === "" ? "common_cause" : p.flag))).toEqual(s.expectedLastTypes);
    }
  });
});
