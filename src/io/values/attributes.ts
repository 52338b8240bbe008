import type { Plan } from "./plan.js";

/** Each column's first value that is not blank wins: the rows of one organisation may each give some. */
export function fillAttributes(into: Record<string, string>, valueOf: (column: string) => string, columns: Iterable<string>): void {
  for (const column of columns) {
    const value = valueOf(column);
    if (value.trim() !== "" && (into[column] ?? "").trim() === "") into[column] = value;
  }
}

/** A wide row's override columns, by the framework's name for each. */
export function attributesOf(cells: readonly string[], plan: Plan): Record<string, string> {
  return Object.fromEntries([...plan.attributes].map(([column, col]) => [column, cells[col]!]));
}
