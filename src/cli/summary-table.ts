import type { ChalkInstance } from "chalk";
import Table from "cli-table3";
import { NOT_RATED } from "../engine/framework/categories.js";
import type { Rating } from "../engine/rate.js";
import { categoryStyle } from "./palette.js";

/** The headline counts per category (and per period), as a terminal table. */
export function summaryTable(rating: Pick<Rating, "framework" | "summary">, chalk: ChalkInstance): string {
  const { categories, periods } = rating.summary;
  const multi = periods.length > 1 || periods[0]?.period !== null;
  const head = ["Category", ...(multi ? periods.map((p) => p.period ?? "") : ["Count"]), ...(multi ? [] : ["Share"])];
  const table = new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [] },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    colAligns: ["left", ...head.slice(1).map(() => "right" as const)],
  });
  const share = (n: number, total: number) => (total === 0 ? "0.0%" : `${((100 * n) / total).toFixed(1)}%`);
  const line = (label: string, style: (s: string) => string, pick: (p: (typeof periods)[number]) => number) => {
    const cells = multi
      ? periods.map((p) => `${pick(p)} (${share(pick(p), p.total)})`)
      : [String(pick(periods[0]!)), share(pick(periods[0]!), periods[0]!.total)];
    table.push([style(label), ...cells]);
  };
  categories.forEach((name, i) => line(name, categoryStyle(chalk, i, categories.length), (p) => p.counts[i]!));
  if (periods.some((p) => p.notRated > 0)) line(NOT_RATED, categoryStyle(chalk, null, categories.length), (p) => p.notRated);
  table.push([chalk.bold("Total"), ...(multi ? periods.map((p) => String(p.total)) : [String(periods[0]?.total ?? 0), ""])]);
  return `${chalk.bold(rating.framework.title)}\n${table.toString()}\n`;
}
