import { execFileSync, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = join(root, "bin/ccg-ratings.js");
const example = (year: string) => join(root, `fixtures/example/ccg-${year}-mental-health-synthetic.csv`);
const rateArgs = (values: string, out: string) => [bin, "rate", "--framework", "ccg-iaf-2016-17-mental-health", "--values", values, "--out", out, "-q"];
const temps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A wide values file of n made-up organisations, for outputs big enough to interrupt. */
function bigValues(path: string, n: number): void {
  const rows = ["org_code,org_name,iapt_recovery_numerator,iapt_recovery_denominator,eip_2wk_numerator,eip_2wk_denominator"];
  for (let i = 0; i < n; i++) rows.push(`X${i},Organisation number ${i} of a large made-up file,${(i * 7) % 90},100,${(i * 13) % 40},40`);
  writeFileSync(path, `${rows.join("\n")}\n`);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ccg-faults-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("a signal while --out is written", () => {
  // The kill races the write: on a busy machine the run may finish first. Such a run must still leave
  // the whole new file and no temporary file; the test tries again until a signal lands mid-write.
  it.each(["SIGTERM", "SIGINT"] as const)("%s leaves the old file intact and no temporary file", async (signal) => {
    const work = mkdtempSync(join(dir, "signal-"));
    const values = join(work, "values.csv");
    const out = join(work, "graded.csv");
    bigValues(values, 120_000);
    const complete = spawnSync(process.execPath, rateArgs(values, "-"), { encoding: "utf8", maxBuffer: 1 << 30 }).stdout;
    let interrupted = false;
    for (let attempt = 0; attempt < 5 && !interrupted; attempt++) {
      writeFileSync(out, "the old output\n");
      const child = spawn(process.execPath, rateArgs(values, out), { stdio: "ignore" });
      const exited = once(child, "exit");
      while (child.exitCode === null && child.signalCode === null) {
        if (temps(work).length > 0) {
          child.kill(signal);
          break;
        }
        await sleep(1);
      }
      const [code, got] = await exited;
      expect(temps(work)).toEqual([]);
      const now = readFileSync(out, "utf8");
      if (now === "the old output\n") {
        interrupted = true;
        expect({ code, got }).toEqual({ code: null, got: signal });
      } else {
        // finished, or killed just after the rename: either way the whole new output
        expect(now).toBe(complete);
      }
    }
    expect(interrupted, "no signal landed while the output was being written").toBe(true);
  });
});

describe("two runs writing the same --out at once", () => {
  it("end with one complete output, never a mix", async () => {
    const work = mkdtempSync(join(dir, "race-"));
    const expected = ["2016-17", "2017-18"].map((y) => {
      const r = spawnSync(process.execPath, rateArgs(example(y), "-"), { encoding: "utf8" });
      expect(r.status).toBe(0);
      return r.stdout;
    });
    const out = join(work, "graded.csv");
    for (let round = 0; round < 5; round++) {
      const runs = ["2016-17", "2017-18"].map((y) => spawn(process.execPath, rateArgs(example(y), out), { stdio: "ignore" }));
      const codes = await Promise.all(runs.map(async (c) => (await once(c, "exit"))[0]));
      expect(codes).toEqual([0, 0]);
      expect(expected).toContain(readFileSync(out, "utf8"));
      expect(temps(work)).toEqual([]);
    }
  });
});

describe("an input that changes while it is read", () => {
  it("is an error naming the file, exit 1, and nothing is written", async () => {
    const work = mkdtempSync(join(dir, "vanish-"));
    const values = join(work, "values.csv");
    const out = join(work, "graded.csv");
    bigValues(values, 600_000);
    const child = spawn(process.execPath, rateArgs(values, out), { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = once(child, "exit");
    // Once the child has the file open (Linux shows it in /proc), it is mid-read.
    while (child.exitCode === null && !isOpenIn(child.pid!, values)) await sleep(2);
    truncateSync(values, 1_000_000);
    const [code] = await exited;
    expect(code).toBe(1);
    expect(stderr).toMatch(/values\.csv:\d+:1: cannot read: the file changed while it was read .* \(E_FILE_UNREADABLE\)/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(work).sort()).toEqual(["values.csv"]);
  });
});

function isOpenIn(pid: number, path: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === path;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/** A tmpfs of our own: the honest way to get a full disk or a read-only folder, where we may mount (root on Linux). */
function mountTmpfs(at: string, options: string): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", at], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
const canMount = (() => {
  const probe = mkdtempSync(join(tmpdir(), "ccg-mount-"));
  const ok = mountTmpfs(probe, "size=16k");
  if (ok) execFileSync("umount", [probe]);
  rmSync(probe, { recursive: true, force: true });
  return ok;
})();

describe.runIf(canMount)("a full disk or a read-only folder (tmpfs)", () => {
  it.each([
    { what: "a full disk", options: "size=8k", code: "ENOSPC" },
    { what: "a read-only folder", options: "ro,size=64k", code: "EROFS" },
  ])("$what: a clear error, exit 1, nothing half-written", ({ options, code }) => {
    const at = mkdtempSync(join(dir, "mount-"));
    expect(mountTmpfs(at, options)).toBe(true);
    try {
      const out = join(at, "graded.csv");
      const r = spawnSync(process.execPath, rateArgs(example("2016-17"), out), { encoding: "utf8" });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`${out}: cannot write the output (${code}); nothing was written (E_WRITE_FAILED)\n`);
      expect(readdirSync(at)).toEqual([]);
    } finally {
      execFileSync("umount", [at]);
    }
  });
});

describe("a framework that cannot be read, with a values file read on threads", () => {
  // The reading threads start before the framework is loaded (startValuesRead); they must not keep the
  // program running once it fails.
  it.each([
    { what: "a missing file", framework: "missing.json", code: "E_FILE_NOT_FOUND" },
    { what: "a file that is not JSON", framework: "broken.json", code: "E_NOT_JSON" },
  ])("$what: one line, exit 1, no output, and the program ends", ({ framework, code }) => {
    const work = mkdtempSync(join(dir, "framework-"));
    const values = join(work, "values.csv");
    bigValues(values, 120_000);
    writeFileSync(join(work, "broken.json"), '{"id":');
    const ran = spawnSync(process.execPath, [bin, "rate", "--framework", join(work, framework), "--values", values, "--out", join(work, "graded.csv"), "-q"], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(ran.signal).toBeNull();
    expect(ran.status).toBe(1);
    expect(ran.stderr.trim().split("\n")).toHaveLength(1);
    expect(ran.stderr).toContain(code);
    expect(readdirSync(work).sort()).toEqual(["broken.json", "values.csv"]);
  }, 90_000);
});
