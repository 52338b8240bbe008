import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/in-process.js";

// The README's library examples, run as written against the built package (npm test builds it
// first), must print what the README says they print.
describe("the README's library examples (built package)", () => {
  const readme = readFileSync(`${ROOT}README.md`, "utf8");
  it.each([
    { section: "### Rank intervals", uses: "rankIntervals" },
    { section: "### Funnel plots", uses: "ratioFunnelRow" },
  ])("$section prints the README's output", ({ section, uses }) => {
    const text = readme.slice(readme.indexOf(section));
    const [, code, printed] = /```js\n([\s\S]*?)```[\s\S]*?```\n([\s\S]*?)```/.exec(text) ?? [];
    expect(code).toContain(uses);
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", code!], { cwd: ROOT, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(printed);
  });
});
