import type { ChalkInstance } from "chalk";
import { categoryColour } from "../report/palette.js";

/** The category's colour (shared with the HTML report) as a chalk style. */
export function categoryStyle(chalk: ChalkInstance, index: number | null, categories: number): (s: string) => string {
  return chalk[categoryColour(index, categories).ansi];
}
