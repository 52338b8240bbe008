import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/built-cli.js";
import { ROOT } from "../helpers/in-process.js";

/**
 * The report of the bundled example in a real browser (Debian's chromium, as .ci/run installs it).
 * Skipped only where no chromium exists, and then loudly; in CI (CI set) a missing browser fails.
 * UPDATE_SCREENSHOT=1 also writes docs/report-example.png, the picture the README shows.
 */
const CHROMIUM = "/usr/bin/chromium";
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser) {
  const banner = "!".repeat(78);
  process.stderr.write(`\n${banner}\n!!! ${CHROMIUM} not found: the HTML report's browser tests are SKIPPED.\n!!! Install it with: apt-get update && apt-get install -y chromium\n${banner}\n\n`);
}

interface Summary {
  summary: { period: string | null; counts: Record<string, number>; not_rated: number; total: number }[];
  organisations: { org_code: string; org_name: string; score: number | null }[];
}

/** A report opened in its own Chromium profile, every request and every console problem recorded. */
async function openReport(dir: string, reportPath: string, requests: string[], problems: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
    viewport: { width: 1200, height: 900 },
  });
  const page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.goto(pathToFileURL(reportPath).href, { waitUntil: "load" });
  return { context, page };
}

describe("the browser", () => {
  it("is installed wherever CI runs the tests", () => {
    expect(haveBrowser || process.env.CI === undefined, `${CHROMIUM} is missing in CI: .ci/run should have installed it`).toBe(true);
  });
});

describe.runIf(haveBrowser)("the example report in headless Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "ccg-browser-"));
  const reportPath = join(dir, "report.html");
  let graded: Summary;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const report = runBuilt(["report", "--example", "--out", reportPath, "--quiet"]);
    expect(report).toMatchObject({ code: 0, stderr: "" });
    const rate = runBuilt(["rate", "--example", "--format", "json", "--quiet"]);
    expect(rate.code).toBe(0);
    graded = JSON.parse(rate.stdout) as Summary;

    ({ context, page } = await openReport(dir, reportPath, requests, problems));
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const visibleCodes = () => page.$$eval("#orgs tbody tr:not([hidden]) td.code", (cells) => cells.map((c) => c.textContent ?? ""));

  it("loads nothing but the file itself, and logs no error", () => {
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url).toMatch(/^(file|data):/);
    expect(problems).toEqual([]);
  });

  it("shows the same counts as the graded table", async () => {
    const shown = await page.$$eval(".count", (els) => els.map((e) => [e.getAttribute("data-category"), Number(e.textContent)] as const));
    const [period] = graded.summary;
    const expected = [...Object.entries(period!.counts), ...(period!.not_rated > 0 ? [["Not rated", period!.not_rated] as const] : [])];
    expect(shown).toEqual(expected);
    expect(Number(await page.textContent(".total"))).toBe(period!.total);
    expect(await page.locator("#orgs tbody tr").count()).toBe(graded.organisations.length);
    for (const [category, count] of expected) {
      expect(await page.locator("#orgs tbody td.category", { hasText: new RegExp(`^${category}$`) }).count()).toBe(count);
    }
  });

  it("sorts by code, descending then ascending", async () => {
    const codes = graded.organisations.map((o) => o.org_code);
    const header = page.locator("#orgs thead th", { hasText: /^Code$/ }).locator("button");
    await header.click();
    expect(await visibleCodes()).toEqual(codes);
    expect(await page.getAttribute("#orgs thead th:nth-child(2)", "aria-sort")).toBe("ascending");
    await header.click();
    expect(await visibleCodes()).toEqual([...codes].reverse());
    expect(await page.getAttribute("#orgs thead th:nth-child(2)", "aria-sort")).toBe("descending");
  });

  it("sorts by score as numbers, the unscored last", async () => {
    await page.locator("#orgs thead th", { hasText: /^Score$/ }).locator("button").click();
    const scores = await page.$$eval("#orgs tbody tr", (rows) => rows.map((r) => r.cells[r.cells.length - 2]!.getAttribute("data-sort") ?? ""));
    const numbers = scores.filter((s) => s !== "").map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(scores.slice(numbers.length).every((s) => s === "")).toBe(true);
  });

  it("filters by name or code as one types", async () => {
    await page.fill("#filter", "leeds");
    const leeds = graded.organisations.filter((o) => o.org_name.toLowerCase().includes("leeds")).map((o) => o.org_code).sort();
    expect(leeds.length).toBeGreaterThan(0);
    expect((await visibleCodes()).sort()).toEqual(leeds);
    expect(await page.textContent("#shown")).toBe(`${leeds.length} of ${graded.organisations.length} shown`);
    await page.fill("#filter", "00c");
    expect(await visibleCodes()).toEqual(["00C"]);
    await page.fill("#filter", "");
    expect(await visibleCodes()).toHaveLength(graded.organisations.length);
  });

  it("names the organisation of each dot on hover", async () => {
    const titles = await page.$$eval("#indicators svg .dot > title", (ts) => ts.map((t) => t.textContent ?? ""));
    expect(titles.length).toBeGreaterThan(graded.organisations.length);
    expect(titles.some((t) => t.startsWith("00C NHS Darlington CCG: "))).toBe(true);
  });

  it("prints without the filter box", async () => {
    await page.emulateMedia({ media: "print" });
    expect(await page.isVisible("#tools")).toBe(false);
    expect(await page.isVisible("#orgs")).toBe(true);
    await page.emulateMedia({ media: "screen" });
  });

  it("shows the comparison of --compare with --map as compare counts it", async () => {
    const g16 = join(dir, "graded-2016-17.csv");
    const comparedPath = join(dir, "compared.html");
    const next = ["--framework", "ccg-iaf-2016-17-mental-health", "--values", "fixtures/example/ccg-2017-18-mental-health-synthetic.csv"];
    const map = ["--map", "fixtures/maps/ccg-2016-2018-successors.csv"];
    expect(runBuilt(["rate", "--example", "--out", g16, "-q"]).code).toBe(0);
    expect(runBuilt(["rate", ...next, "--out", join(dir, "graded-2017-18.json"), "-q"]).code).toBe(0);
    const json = runBuilt(["compare", g16, join(dir, "graded-2017-18.json"), ...map, "--format", "json", "-q"]);
    expect(json.code).toBe(0);
    const { counts, matrix } = JSON.parse(json.stdout) as { counts: Record<string, number>; matrix: { counts: number[][] } };
    expect(runBuilt(["report", ...next, "--compare", g16, ...map, "--out", comparedPath, "-q"]).code).toBe(0);
    const other = await context.newPage();
    other.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await other.goto(pathToFileURL(comparedPath).href, { waitUntil: "load" });
    expect(await other.isVisible("#compare table.matrix")).toBe(true);
    const shown = await other.$$eval("#compare table.matrix tbody tr", (rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => Number(td.textContent))));
    expect(shown).toEqual(matrix.counts);
    const countsShown = await other.$$eval("#compare [data-count]", (els) => els.map((e) => [e.getAttribute("data-count"), Number(e.textContent)] as const));
    expect(Object.fromEntries(countsShown)).toEqual(counts);
    expect(await other.locator("#compare table.movers tbody tr").count()).toBe(counts.up! + counts.down!);
    expect(problems).toEqual([]);
    await other.close();
  });

  it("takes a screenshot", async () => {
    const firstPlotEnd = await page.$eval("#indicators figure", (el) => el.getBoundingClientRect().bottom + el.ownerDocument.documentElement.scrollTop);
    const png = await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: 1200, height: Math.ceil(firstPlotEnd + 16) } });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(20_000);
    writeFileSync(join(dir, "report.png"), png);
    if (process.env.UPDATE_SCREENSHOT === "1") writeFileSync(join(ROOT, "docs/report-example.png"), png);
    expect(readFileSync(join(dir, "report.png")).equals(png)).toBe(true);
  });
});

describe.runIf(haveBrowser)("a report with --trend in headless Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "ccg-browser-trend-"));
  const reportPath = join(dir, "trend.html");
  const inputs = ["--thresholds", "fixtures/trend/thresholds.csv", "--values", "fixtures/trend/quarters-synthetic.csv", "--period-col", "quarter"];
  type Point = { org_code: string; indicator: string; period: string; flag: string };
  type Series = { org_code: string; indicator: string; variation: string; assurance: string };
  let points: Point[];
  let series: Series[];
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    expect(runBuilt(["report", ...inputs, "--trend", "T07", "--out", reportPath, "-q"]).code).toBe(0);
    points = (JSON.parse(runBuilt(["trend", ...inputs, "--points", "--format", "json", "-q"]).stdout) as { points: Point[] }).points;
    series = (JSON.parse(runBuilt(["trend", ...inputs, "--format", "json", "-q"]).stdout) as { series: Series[] }).series;
    ({ context, page } = await openReport(dir, reportPath, requests, problems));
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("loads nothing but the file itself, and logs no error", () => {
    for (const url of requests) expect(url).toMatch(/^(file|data):/);
    expect(problems).toEqual([]);
  });

  it("shows a visible chart per indicator of the organisation, each point where trend puts it, flagged as trend flags it", async () => {
    const figures = page.locator("#trend figure");
    expect(await figures.count()).toBe(3);
    for (const indicator of ["iapt_recovery", "eip_2wk", "oap_days"]) {
      const own = points.filter((p) => p.org_code === "T07" && p.indicator === indicator);
      const svg = page.locator(`#trend-${indicator} svg.plot`);
      expect(await svg.isVisible()).toBe(true);
      const box = await svg.boundingBox();
      expect(box!.width).toBeGreaterThan(600);
      const tips = await svg.locator(".dot > title").allTextContents();
      expect(tips).toEqual(own.map((p) => expect.stringMatching(new RegExp(`^${p.period.replace("/", "\\/")}: [0-9.]+, ${p.flag === "" ? "common cause" : p.flag}$`))));
      expect(await svg.locator(".dot.special").count()).toBe(own.filter((p) => p.flag !== "").length);
    }
  });

  it("gives each icon in the table an accessible name, as many as trend counts", async () => {
    for (const [column, key, name] of [
      ["variation", "special_cause_improvement", "Variation: special cause improvement"],
      ["variation", "special_cause_concern", "Variation: special cause concern"],
      ["variation", "common_cause", "Variation: common cause"],
      ["assurance", "consistent_pass", "Assurance: consistently passes the target"],
      ["assurance", "consistent_fail", "Assurance: consistently fails the target"],
      ["assurance", "inconsistent", "Assurance: hits and misses the target"],
    ] as const) {
      expect(await page.locator("#orgs").getByRole("img", { name, exact: true }).count()).toBe(series.filter((s) => s[column] === key).length);
    }
  });

  it("takes a screenshot of one chart", async () => {
    const png = await page.locator("#trend-oap_days").screenshot();
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(10_000);
    if (process.env.UPDATE_SCREENSHOT === "1") writeFileSync(join(ROOT, "docs/report-trend.png"), png);
  });

  it("sorts by an SPC column, improvement first, the rows without icons last", async () => {
    await page.locator("#orgs thead th", { hasText: /^SPC$/ }).first().locator("button").click();
    const keys = await page.$$eval("#orgs tbody tr", (rows) => rows.map((r) => r.querySelector("td.spc")!.getAttribute("data-sort") ?? ""));
    const filled = keys.filter((k) => k !== "").map(Number);
    expect(filled).toHaveLength(10);
    expect(filled).toEqual([...filled].sort((a, b) => a - b));
    expect(keys.slice(0, filled.length).every((k) => k !== "")).toBe(true);
  });
});
