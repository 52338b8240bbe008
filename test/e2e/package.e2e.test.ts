import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/in-process.js";

const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/**
 * What a user gets from the registry: the packed tarball installed into a project outside the repo,
 * and globally into a prefix of its own. npm test has built dist/ already, so packing skips the
 * prepare script.
 */
describe("installed from the packed tarball", () => {
  let dir: string;
  let project: string;
  let globalBin: string;
  const run = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) => spawnSync(cmd, args, { cwd, encoding: "utf8", env });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "ccg-pack-"));
    const packed = execFileSync(npm, ["pack", "--ignore-scripts", "--silent", "--pack-destination", dir], { cwd: ROOT, encoding: "utf8" }).trim().split("\n").at(-1)!;
    const tarball = join(dir, packed);
    project = join(dir, "project");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "an-analysts-scripts", version: "1.0.0", private: true, type: "module" }));
    const quiet = ["--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"];
    execFileSync(npm, ["install", ...quiet, tarball], { cwd: project, encoding: "utf8" });
    execFileSync(npm, ["install", "-g", "--prefix", join(dir, "global"), ...quiet, tarball], { cwd: dir, encoding: "utf8" });
    globalBin = join(dir, "global", process.platform === "win32" ? "" : "bin");
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("npm install -g: ccg-ratings --version and rate --example, from any folder", () => {
    const env = { ...process.env, PATH: `${globalBin}:${process.env.PATH ?? ""}` };
    const version = run("ccg-ratings", ["--version"], tmpdir(), env);
    expect(version.stdout).toBe(`${VERSION}\n`);
    const rated = run("ccg-ratings", ["rate", "--example", "-q"], tmpdir(), env);
    expect(rated.status).toBe(0);
    expect(rated.stdout.trimEnd().split("\n")).toHaveLength(210);
  });

  it("npx ccg-ratings --version prints the tool's version, not npm's", () => {
    const ran = run("npx", ["ccg-ratings", "--version"], project);
    expect(ran.stdout).toBe(`${VERSION}\n`);
  });

  it("the built-in frameworks ship in the package", () => {
    const ran = run("npx", ["ccg-ratings", "frameworks", "list"], project);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain("nof-2026-27-icb");
    expect(ran.stdout).toContain("ccg-iaf-2016-17-mental-health");
  });

  it("import { rate } from \"ccg-ratings\" works in a script outside the repo (the README's library example)", () => {
    const script = `import { rate, Framework } from "ccg-ratings";
const framework = Framework.parse({
  id: "mine",
  title: "Mine",
  indicators: [{ id: "iapt", label: "IAPT recovery", polarity: "higher", scoring: { method: "thresholds", cuts: [55, 50, 45] } }],
});
const outcome = rate(framework, {
  hasPeriods: false,
  records: [{ code: "00C", name: "NHS Darlington CCG", period: null, observations: { iapt: { value: null, numerator: 57, denominator: 100 } } }],
});
if (outcome.ok) console.log(outcome.rating.organisations[0].category);
`;
    writeFileSync(join(project, "script.mjs"), script);
    const ran = run(process.execPath, ["script.mjs"], project);
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toBe("Top performing\n");
  });
});
