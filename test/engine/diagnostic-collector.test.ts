import { describe, expect, it } from "vitest";
import { DiagnosticCollector } from "../../src/engine/diagnostic-collector.js";
import { error, warning, type Diagnostic } from "../../src/engine/diagnostics.js";

const at = (line: number, column = 3) => ({ file: "v.csv", line, column });
const nan = (line: number) => error("E_NOT_A_NUMBER", `n/k ${line}`, at(line));
const dup = (line: number) => error("E_DUPLICATE_ORG", `dup ${line}`, at(line, 1));
const few = warning("W_FEW_SCORED", "few", { file: "v.csv" });
const lines = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.code}@${d.line ?? "-"}`);

describe("DiagnosticCollector.push", () => {
  it.each([
    { name: "in file order, cap 2", cap: 2, pushed: [nan(2), dup(3), nan(4), nan(5), dup(6), dup(7)], kept: ["E_NOT_A_NUMBER@2", "E_DUPLICATE_ORG@3", "E_NOT_A_NUMBER@4", "E_DUPLICATE_ORG@6"], counts: { E_DUPLICATE_ORG: 3, E_NOT_A_NUMBER: 3 } },
    { name: "out of order, cap 2: the first in file order win", cap: 2, pushed: [nan(9), nan(5), few, nan(2), nan(7)], kept: ["E_NOT_A_NUMBER@5", "W_FEW_SCORED@-", "E_NOT_A_NUMBER@2"], counts: { E_NOT_A_NUMBER: 4, W_FEW_SCORED: 1 } },
    { name: "cap 0 keeps every one in the order found", cap: 0, pushed: [nan(9), nan(5), dup(1)], kept: ["E_NOT_A_NUMBER@9", "E_NOT_A_NUMBER@5", "E_DUPLICATE_ORG@1"], counts: { E_DUPLICATE_ORG: 1, E_NOT_A_NUMBER: 2 } },
    { name: "nothing", cap: 3, pushed: [], kept: [], counts: {} },
  ])("$name", ({ cap, pushed, kept, counts }) => {
    const c = DiagnosticCollector.of(pushed, cap);
    expect(lines(c.list())).toEqual(kept);
    expect(Object.fromEntries(c.capped(0).counts.map((x) => [x.code, x.count]))).toEqual(counts);
    expect(c.errors + c.warnings).toBe(pushed.length);
    expect(c.exact).toBe(true);
    expect(c.found).toBe(pushed.length);
  });

  it("a tie keeps the one found first, as a stable sort of every one would", () => {
    const c = DiagnosticCollector.of([error("E_NOT_A_NUMBER", "first", at(4)), error("E_NOT_A_NUMBER", "second", at(4))], 1);
    expect(c.list().map((d) => d.message)).toEqual(["first"]);
  });
});

describe("DiagnosticCollector.absorb", () => {
  it.each([
    { name: "parts in file order, cap 2", cap: 2, parts: [[nan(2), nan(3), nan(4)], [nan(10), dup(11)], [dup(20), dup(21)]], shown: ["E_NOT_A_NUMBER@2", "E_NOT_A_NUMBER@3", "E_DUPLICATE_ORG@11", "E_DUPLICATE_ORG@20"], omitted: { E_DUPLICATE_ORG: 1, E_NOT_A_NUMBER: 2 } },
    { name: "a later part's earlier lines (line 1 problems found at the end)", cap: 1, parts: [[nan(5)], [error("E_NO_DATA", "none", at(1, 1)), nan(1)]], shown: ["E_NO_DATA@1", "E_NOT_A_NUMBER@1"], omitted: { E_NOT_A_NUMBER: 1 } },
    { name: "cap 0", cap: 0, parts: [[nan(2)], [nan(1), few]], shown: ["W_FEW_SCORED@-", "E_NOT_A_NUMBER@1", "E_NOT_A_NUMBER@2"], omitted: {} },
  ])("$name: the same as collecting every one", ({ cap, parts, shown, omitted }) => {
    const merged = new DiagnosticCollector(cap);
    for (const part of parts) merged.absorb(DiagnosticCollector.of(part, cap));
    const capped = merged.capped(cap);
    expect(lines(capped.shown)).toEqual(shown);
    expect(Object.fromEntries(capped.omitted.map((x) => [x.code, x.count]))).toEqual(omitted);
    expect(capped).toEqual(DiagnosticCollector.of(parts.flat(), 0).capped(cap));
    expect(merged.exact).toBe(true);
  });

  it("passes each kept problem and its tag through the change", () => {
    const part = new DiagnosticCollector(2);
    part.push(dup(3), 7);
    part.push(nan(4));
    const merged = new DiagnosticCollector(2);
    merged.absorb(part, (d, tag) => ({ ...d, line: d.line! + 100, message: `${d.message} tag ${tag}` }));
    expect(merged.list().map((d) => `${d.line} ${d.message}`)).toEqual(["103 dup 3 tag 7", "104 n/k 4 tag -1"]);
  });

  it("from a collector that kept fewer, says it is not exact", () => {
    const merged = new DiagnosticCollector(3);
    merged.absorb(DiagnosticCollector.of([nan(1), nan(2), nan(3)], 1));
    expect(merged.exact).toBe(false);
    expect(merged.errors).toBe(3);
  });
});

describe("DiagnosticCollector.withdraw (a problem a later part made, superseded)", () => {
  it.each([
    { name: "one kept, with none left out", cap: 3, pushed: [nan(2), nan(3)], withdrawn: [0], kept: ["E_NOT_A_NUMBER@3"], exact: true, errors: 1 },
    { name: "one left out", cap: 1, pushed: [nan(2), nan(3), nan(4)], withdrawn: [2], kept: ["E_NOT_A_NUMBER@2"], exact: true, errors: 2 },
    { name: "one kept while later ones were left out: not exact", cap: 1, pushed: [nan(2), nan(3)], withdrawn: [0], kept: [], exact: false, errors: 1 },
    { name: "every one", cap: 2, pushed: [nan(2), nan(3)], withdrawn: [0, 1], kept: [], exact: true, errors: 0 },
  ])("$name", ({ cap, pushed, withdrawn, kept, exact, errors }) => {
    const c = DiagnosticCollector.of(pushed, cap);
    for (const seq of withdrawn) c.withdraw(seq, "E_NOT_A_NUMBER", "error");
    expect(lines(c.list())).toEqual(kept);
    expect(c.exact).toBe(exact);
    expect(c.errors).toBe(errors);
    expect(c.capped(cap).counts).toEqual(errors === 0 ? [] : [{ code: "E_NOT_A_NUMBER", count: errors }]);
  });
});

describe("DiagnosticCollector as plain data", () => {
  it("comes back from toParts (as from a worker thread) the same", () => {
    const c = new DiagnosticCollector(2);
    for (const d of [nan(5), dup(2), nan(3), nan(1), few]) c.push(d, d.line ?? -1);
    const back = DiagnosticCollector.fromParts(structuredClone(c.toParts()));
    expect(back.capped(2)).toEqual(c.capped(2));
    expect(back.found).toBe(5);
    expect(back.map((d, tag) => ({ ...d, message: String(tag) })).list().map((d) => d.message)).toEqual(["2", "3", "1", "-1"]);
  });

  it("after and plus put problems before and after, under the same cap", () => {
    const c = DiagnosticCollector.of([nan(2), nan(3)], 1).after([few]).plus([dup(1)]);
    expect(c.maxPerCode).toBe(1);
    expect(lines(c.capped(1).shown)).toEqual(["W_FEW_SCORED@-", "E_DUPLICATE_ORG@1", "E_NOT_A_NUMBER@2"]);
    expect([c.errors, c.warnings]).toEqual([3, 1]);
  });
});
