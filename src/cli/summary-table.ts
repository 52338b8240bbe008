import type { ChalkInstance } from "chalk";
import Table from "cli-table3";
import { NOT_RATED } from "../engine/framework/categories.js";
import type { Rating } from "../engine/rate.js";
import type { CountInterval, Uncertainty } from "../engine/uncertainty/category-probabilities.js";
import { categoryStyle } from "./palette.js";

/**
 * The headline counts per category (and per period), as a terminal table. With a bootstrap, each
 * category's count across the draws too: its mean and the central 95% of draws.
 */
export function summaryTable(rating: Pick<Rating, "framework" | "summary">, chalk: ChalkInstance, uncertainty?: Uncertainty): string {
  const { categories, periods } = rating.summary;
  const multi = periods.length > 1 || periods[0]?.period !== null;
  const drawn = (c: CountInterval) => `${c.expected.toFixed(1)} (95% ${c.lower}-${c.upper})`;
  const expected = (p: number, k: number) => (uncertainty === undefined ? [] : [drawn(uncertainty.periods[p]!.counts[k]!)]);
  const head = [
    "Category",
    ...(multi ? periods.flatMap((p) => [p.period ?? "", ...(uncertainty === undefined ? [] : [`${p.period ?? ""} drawn`])]) : ["Count"]),
    ...(multi ? [] : ["Share", ...(uncertainty === undefined ? [] : ["Drawn"])]),
  ];
  const table = new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [] },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    colAligns: ["left", ...head.slice(1).map(() => "right" as const)],
  });
  const share = (n: number, total: number) => (total === 0 ? "0.0%" : `${((100 * n) / total).toFixed(1)}%`);
  const blank = uncertainty === undefined ? [] : [""];
  const line = (label: string, style: (s: string) => string, pick: (p: (typeof periods)[number]) => number, k: number | null) => {
    const more = (p: number) => (k === null ? blank : expected(p, k));
    const cells = multi
      ? periods.flatMap((p, i) => [`${pick(p)} (${share(pick(p), p.total)})`, ...more(i)])
      : [String(pick(periods[0]!)), share(pick(periods[0]!), periods[0]!.total), ...more(0)];
    table.push([style(label), ...cells]);
  };
  categories.forEach((name, i) => line(name, categoryStyle(chalk, i, categories.length), (p) => p.counts[i]!, i));
  if (periods.some((p) => p.notRated > 0)) line(NOT_RATED, categoryStyle(chalk, null, categories.length), (p) => p.notRated, null);
  table.push([chalk.bold("Total"), ...(multi ? periods.flatMap((p) => [String(p.total), ...blank]) : [String(periods[0]?.total ?? 0), "", ...blank])]);
  return `${chalk.bold(rating.framework.title)}\n${table.toString()}\n`;
}
