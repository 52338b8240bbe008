import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/in-process.js";

// The README's "Rank intervals" example, run as written against the built package (npm test builds
// it first), must print what the README says it prints.
describe("the README's rank intervals example (built package)", () => {
  const readme = readFileSync(`${ROOT}README.md`, "utf8");
  const section = readme.slice(readme.indexOf("### Rank intervals"));
  const [, code, printed] = /```js\n([\s\S]*?)```[\s\S]*?```\n([\s\S]*?)```/.exec(section) ?? [];

  it("prints the README's output", () => {
    expect(code).toContain("rankIntervals");
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", code!], { cwd: ROOT, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(printed);
  });
});
