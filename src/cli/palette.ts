import type { ChalkInstance } from "chalk";

/**
 * One colour per category position (best first), the same as the HTML report uses; frameworks with
 * more or fewer than four categories spread over the same scale.
 */
export function categoryStyle(chalk: ChalkInstance, index: number | null, categories: number): (s: string) => string {
  if (index === null) return chalk.gray;
  const styles = [chalk.green, chalk.cyan, chalk.yellow, chalk.red];
  return styles[Math.round((index * (styles.length - 1)) / Math.max(1, categories - 1))]!;
}
