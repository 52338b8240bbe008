import { readdirSync, readFileSync } from "node:fs";
import type { Framework } from "../../engine/framework/schema.js";

/** Built-in frameworks are data files beside the code: src/frameworks, copied to dist/frameworks by the build. */
const FOLDER = new URL("../../frameworks/", import.meta.url);

/**
 * Short names for the framework analysts mean when they name only the year: the NOF league table
 * everyone quotes is the acute trusts' one.
 */
export const BUILTIN_ALIASES: Readonly<Record<string, string>> = {
  "nof-2025-26": "nof-2025-26-acute",
  "nof-2026-27": "nof-2026-27-acute",
};

export function builtinFrameworkIds(): string[] {
  return readdirSync(FOLDER)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

export function isBuiltinFramework(id: string): boolean {
  return builtinFrameworkIds().includes(BUILTIN_ALIASES[id] ?? id);
}

/**
 * A built-in framework, read without the schema, so that `rate --example` does not load zod (a quarter
 * of its start-up). The files are written in full, every default given, as the schema reads them: a
 * test holds each to that.
 */
export function readBuiltinFramework(id: string): Framework {
  return JSON.parse(readFileSync(new URL(`${BUILTIN_ALIASES[id] ?? id}.json`, FOLDER), "utf8")) as Framework;
}
