import type { ChalkInstance } from "chalk";
import Table from "cli-table3";
import type { Comparison } from "../engine/compare/compare.js";
import { compareText } from "../engine/text-order.js";
import { countsLine, rankChangeText, type ComparisonLabels } from "../io/output/comparison.js";
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
  const league = comparison.ranked ? `${leagueLine(comparison)}\n` : "";
  return `${chalk.bold(`${labels.old} -> ${labels.new}`)}\n${table.toString()}\n${countsLine(comparison.counts)}\n${league}`;
}

/** `league: 60 climbed, 58 fell, 16 held; furthest climb RX1 (+34), furthest fall RY2 (-29)` */
function leagueLine(comparison: Comparison): string {
  const moved = comparison.rows.filter((r) => r.rankChange !== null);
  const going = (sign: number) => moved.filter((r) => Math.sign(r.rankChange!) === sign);
  // The furthest mover each way; equal moves go to the first code.
  const furthest = (what: string, sign: number) => {
    const top = going(sign).sort((a, b) => sign * (b.rankChange! - a.rankChange!) || compareText(a.code, b.code))[0];
    return top === undefined ? [] : [`furthest ${what} ${top.code} (${rankChangeText(top.rankChange!)})`];
  };
  const extremes = [...furthest("climb", 1), ...furthest("fall", -1)];
  return `league: ${going(1).length} climbed, ${going(-1).length} fell, ${going(0).length} held${extremes.length > 0 ? `; ${extremes.join(", ")}` : ""}`;
}
