import type { ChalkInstance } from "chalk";
import Table from "cli-table3";
import type { Comparison } from "../engine/compare/compare.js";
import { countsLine, type ComparisonLabels } from "../io/output/comparison.js";
import { categoryStyle } from "./palette.js";

/** The transition matrix (rows: old category, columns: new category) and the counts, for the terminal. */
export function transitionTable(comparison: Comparison, labels: ComparisonLabels, chalk: ChalkInstance): string {
  const { matrix, categories } = comparison;
  const style = (label: string) => {
    const i = categories.indexOf(label);
    return i === -1 ? chalk.gray : categoryStyle(chalk, i, categories.length);
  };
  const table = new Table({
    head: [chalk.bold("old \\ new"), ...matrix.columns.map((c) => style(c)(c))],
    style: { head: [], border: [] },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    colAligns: ["left", ...matrix.columns.map(() => "right" as const)],
  });
  matrix.rows.forEach((label, i) => table.push([style(label)(label), ...matrix.counts[i]!.map((n) => (n === 0 ? chalk.gray("0") : String(n)))]));
  return `${chalk.bold(`${labels.old} -> ${labels.new}`)}\n${table.toString()}\n${countsLine(comparison.counts)}\n`;
}
