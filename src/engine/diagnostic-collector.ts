import type { CappedDiagnostics, CodeCount } from "./diagnostic-cap.js";
import { compareDiagnostics, type Diagnostic } from "./diagnostics.js";
import { compareText } from "./text-order.js";

/** A diagnostic kept, with when it was found (ties in file order keep that order) and the finder's own tag. */
interface Entry {
  seq: number;
  diagnostic: Diagnostic;
  tag: number;
}

interface CodeTally {
  /** Sorted by file order, then by `seq`: at most `maxPerCode` of them, the first. */
  kept: Entry[];
  errors: number;
  warnings: number;
}

/** A collector as plain data, so that it can come back from a worker thread. */
export interface CollectorParts {
  maxPerCode: number;
  next: number;
  codes: [Diagnostic["code"], Entry[], number, number][];
}

/**
 * Problems as they are found, keeping of each code only the first `maxPerCode` in file order (0: every
 * one) and counting the rest: a file with 500,000 bad rows takes the memory of 50 problems, and printing
 * from here gives the lines and counts that printing from every problem would.
 *
 * A finder may tag what it pushes (a number, -1 for none), to find a kept problem again in `map`; and
 * withdraw one by the number `push` returned, as a part read on another thread must when an earlier part
 * turns out to have held the value it could not read (see finishRead).
 */
export class DiagnosticCollector {
  readonly #byCode = new Map<Diagnostic["code"], CodeTally>();
  #next = 0;

  constructor(readonly maxPerCode = 0) {}

  static of(diagnostics: readonly Diagnostic[], maxPerCode = 0): DiagnosticCollector {
    const collector = new DiagnosticCollector(maxPerCode);
    for (const d of diagnostics) collector.push(d);
    return collector;
  }

  static fromParts(parts: CollectorParts): DiagnosticCollector {
    const collector = new DiagnosticCollector(parts.maxPerCode);
    collector.#next = parts.next;
    for (const [code, kept, errors, warnings] of parts.codes) collector.#byCode.set(code, { kept, errors, warnings });
    return collector;
  }

  toParts(): CollectorParts {
    return { maxPerCode: this.maxPerCode, next: this.#next, codes: [...this.#byCode].map(([code, t]) => [code, t.kept, t.errors, t.warnings]) };
  }

  /** Count `d`, and keep it if it is among the first of its code; its number, for `withdraw`. */
  push(d: Diagnostic, tag = -1): number {
    const seq = this.#next++;
    const tally = this.#tally(d.code);
    if (d.severity === "error") tally.errors++;
    else tally.warnings++;
    const { kept } = tally;
    const cap = this.maxPerCode;
    if (cap !== 0 && kept.length === cap && compareDiagnostics(d, kept[cap - 1]!.diagnostic) >= 0) return seq;
    // Found nearly always in file order: the place is at or near the end.
    let at = kept.length;
    while (at > 0 && compareDiagnostics(kept[at - 1]!.diagnostic, d) > 0) at--;
    kept.splice(at, 0, { seq, diagnostic: d, tag });
    if (cap !== 0 && kept.length > cap) kept.pop();
    return seq;
  }

  pushAll(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) this.push(d);
  }

  /**
   * Add what `other` collected, after what this holds, each kept one passed through `change` (which
   * must keep their file order). Exact when `other` kept at least as many of each code as this keeps.
   */
  absorb(other: DiagnosticCollector, change: (d: Diagnostic, tag: number) => Diagnostic = (d) => d): void {
    for (const entry of other.#entries()) this.push(change(entry.diagnostic, entry.tag), entry.tag);
    for (const [code, t] of other.#byCode) {
      const mine = this.#tally(code);
      mine.errors += t.errors - t.kept.filter((e) => e.diagnostic.severity === "error").length;
      mine.warnings += t.warnings - t.kept.filter((e) => e.diagnostic.severity !== "error").length;
    }
  }

  /** A copy with `first` pushed before what this holds. */
  after(first: readonly Diagnostic[]): DiagnosticCollector {
    const out = DiagnosticCollector.of(first, this.maxPerCode);
    out.absorb(this);
    return out;
  }

  /** A copy with `more` pushed after what this holds. */
  plus(more: readonly Diagnostic[]): DiagnosticCollector {
    const out = new DiagnosticCollector(this.maxPerCode);
    out.absorb(this);
    out.pushAll(more);
    return out;
  }

  /** No longer count problem number `seq`, of `code` and `severity`, nor keep it. */
  withdraw(seq: number, code: Diagnostic["code"], severity: Diagnostic["severity"]): void {
    const tally = this.#tally(code);
    if (severity === "error") tally.errors--;
    else tally.warnings--;
    const at = tally.kept.findIndex((e) => e.seq === seq);
    if (at !== -1) tally.kept.splice(at, 1);
  }

  /** The same counts, each kept problem passed through `change` (which must keep their file order). */
  map(change: (d: Diagnostic, tag: number) => Diagnostic): DiagnosticCollector {
    const out = new DiagnosticCollector(this.maxPerCode);
    out.#next = this.#next;
    for (const [code, t] of this.#byCode) {
      out.#byCode.set(code, { ...t, kept: t.kept.map((e) => ({ ...e, diagnostic: change(e.diagnostic, e.tag) })) });
    }
    return out;
  }

  /** How many problems were pushed: the number the next one gets. */
  get found(): number {
    return this.#next;
  }

  get errors(): number {
    return this.#sum((t) => t.errors);
  }

  get warnings(): number {
    return this.#sum((t) => t.warnings);
  }

  hasErrors(): boolean {
    return this.errors > 0;
  }

  /** The problems kept, in the order they were found. */
  list(): Diagnostic[] {
    return this.#entries().map((e) => e.diagnostic);
  }

  /**
   * Whether every code keeps all it should: not so when a kept problem was withdrawn while later ones of
   * its code had been left out, or `absorb` took from a collector that kept fewer.
   */
  get exact(): boolean {
    return [...this.#byCode.values()].every((t) => {
      const count = t.errors + t.warnings;
      return t.kept.length === (this.maxPerCode === 0 ? count : Math.min(this.maxPerCode, count));
    });
  }

  /** What to print with at most `maxPerCode` of each code (0: all); no more than this collector keeps. */
  capped(maxPerCode: number): CappedDiagnostics {
    const codes = [...this.#byCode.keys()].sort(compareText);
    const counts: CodeCount[] = codes.map((code) => ({ code, count: this.#byCode.get(code)!.errors + this.#byCode.get(code)!.warnings })).filter((c) => c.count > 0);
    const shown = [...this.#byCode.values()]
      .flatMap((t) => (maxPerCode === 0 ? t.kept : t.kept.slice(0, maxPerCode)))
      .sort((a, b) => compareDiagnostics(a.diagnostic, b.diagnostic) || a.seq - b.seq)
      .map((e) => e.diagnostic);
    const omitted = maxPerCode === 0 ? [] : counts.filter((c) => c.count > maxPerCode).map((c) => ({ code: c.code, count: c.count - maxPerCode }));
    return { shown, omitted, counts, errors: this.errors, warnings: this.warnings };
  }

  #entries(): Entry[] {
    return [...this.#byCode.values()].flatMap((t) => t.kept).sort((a, b) => a.seq - b.seq);
  }

  #tally(code: Diagnostic["code"]): CodeTally {
    let tally = this.#byCode.get(code);
    if (tally === undefined) this.#byCode.set(code, (tally = { kept: [], errors: 0, warnings: 0 }));
    return tally;
  }

  #sum(of: (t: CodeTally) => number): number {
    let n = 0;
    for (const t of this.#byCode.values()) n += of(t);
    return n;
  }
}
