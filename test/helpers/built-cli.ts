import { spawnSync } from "node:child_process";
import { ROOT } from "./in-process.js";

export const BIN = `${ROOT}bin/ccg-ratings.js`;

/** Run the built binary as a user would (npm test builds it first). */
export function runBuilt(argv: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? "",
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
