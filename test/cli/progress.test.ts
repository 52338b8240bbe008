import { describe, expect, it } from "vitest";
import { ProgressLine } from "../../src/cli/progress.js";

function meter(times: number[]) {
  let out = "";
  let i = 0;
  const line = new ProgressLine({ write: (s: string) => (out += s), isTTY: true }, "reading big.csv", 10_000_000, () => times[Math.min(i++, times.length - 1)]!);
  return { line, out: () => out };
}

describe("ProgressLine", () => {
  it.each([
    { name: "draws nothing for a quick read", times: [0, 10, 20, 30], steps: [1_000_000, 1_000_000, 1_000_000], expected: "" },
    {
      name: "draws bytes of total after a while, then wipes the line",
      times: [0, 300],
      steps: [2_500_000],
      expected: "\r\x1b[Kreading big.csv: 2.5 of 10.0 MB (25%)\r\x1b[K",
    },
    {
      name: "redraws at most every 100 ms",
      times: [0, 300, 350, 420],
      steps: [1_000_000, 1_000_000, 1_000_000],
      expected: "\r\x1b[Kreading big.csv: 1.0 of 10.0 MB (10%)\r\x1b[Kreading big.csv: 3.0 of 10.0 MB (30%)\r\x1b[K",
    },
  ])("$name", ({ times, steps, expected }) => {
    const { line, out } = meter(times);
    for (const s of steps) line.advance(s);
    line.finish();
    expect(out()).toBe(expected);
  });

  it("counts the bytes it is told of, from any thread's reading", () => {
    let t = 0;
    let out = "";
    const line = new ProgressLine({ write: (s: string) => (out += s) }, "reading x", 6, () => (t += 300));
    line.advance(3);
    line.advance(3);
    line.finish();
    expect(out).toContain("0.0 of 0.0 MB (100%)");
    expect(out.endsWith("\r\x1b[K")).toBe(true);
  });
});
