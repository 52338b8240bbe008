import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readFrameworkFile, type FrameworkRead } from "./read-framework.js";

/** Built-in frameworks are data files beside the code: src/frameworks, copied to dist/frameworks by the build. */
const FOLDER = new URL("../../frameworks/", import.meta.url);

export function builtinFrameworkIds(): string[] {
  return readdirSync(FOLDER)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

export function isBuiltinFramework(id: string): boolean {
  return builtinFrameworkIds().includes(id);
}

export function readBuiltinFramework(id: string): FrameworkRead {
  return readFrameworkFile(fileURLToPath(new URL(`${id}.json`, FOLDER)), `${id} (built-in)`);
}
