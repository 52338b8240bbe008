import { closeSync, openSync, readSync } from "node:fs";
import { latin1Spelling } from "./prefilter.js";

/**
 * About how many bytes of the file the CSV parser will see. With `--where` the prefilter leaves out
 * most lines of an NHS Digital file at CCG level (97%); at GP level it keeps half. Estimated from the
 * lines of 32 windows spread over the file (it is often sorted by group type, so a few would mislead).
 */
export function parsedBytes(path: string, size: number, onlyLinesWith: readonly string[] | undefined): number {
  if (onlyLinesWith === undefined) return size;
  const needles = onlyLinesWith.map(latin1Spelling);
  const window = Buffer.alloc(1 << 13);
  let lines = 0;
  let kept = 0;
  const fd = openSync(path, "r");
  try {
    for (let k = 0; k < 32; k++) {
      const got = readSync(fd, window, 0, window.length, Math.floor((size * k) / 32));
      for (const line of window.subarray(0, got).toString("latin1").split("\n").slice(1, -1)) {
        lines++;
        if (needles.some((n) => line.includes(n))) kept++;
      }
    }
  } finally {
    closeSync(fd);
  }
  return lines === 0 ? size : (size * kept) / lines;
}

/**
 * Where the parts start: just after the line end nearest past each share of the file, the first
 * share `firstExtra` of a share larger. With CRLF line ends, only after a CRLF: csv-parse reads a bare
 * LF there as part of a cell.
 */
export function splitPlan(path: string, size: number, parts: number, firstExtra: number): { header: Uint8Array; starts: number[] } | null {
  const fd = openSync(path, "r");
  try {
    const headEnd = lineEndAt(fd, size, 0, "\n");
    if (headEnd === null) return null;
    const header = readBytes(fd, 0, headEnd);
    const text = Buffer.from(header).toString("latin1");
    const firstCr = text.indexOf("\r");
    const crlf = text.endsWith("\r\n");
    const quotes = text.split('"').length - 1;
    if ((header[0] === 0xff && header[1] === 0xfe) || (firstCr !== -1 && firstCr !== text.length - 2) || quotes % 2 === 1) return null;
    const starts = [0];
    const shares = parts + firstExtra;
    for (let k = 1; k < parts; k++) {
      const from = Math.max(headEnd, Math.floor(((k + firstExtra) * size) / shares), starts[starts.length - 1]! + 1);
      const at = lineEndAt(fd, size, from, crlf ? "\r\n" : "\n");
      if (at === null || at >= size) break;
      starts.push(at);
    }
    return starts.length > 1 ? { header, starts } : null;
  } finally {
    closeSync(fd);
  }
}

/** The offset just after the first `end` at or after `from`, or null if there is none. */
function lineEndAt(fd: number, size: number, from: number, end: string): number | null {
  const window = Buffer.alloc(1 << 13);
  for (let at = from; at < size; at += window.length - end.length) {
    const got = readSync(fd, window, 0, window.length, at);
    const i = window.subarray(0, got).indexOf(end, 0, "latin1");
    if (i !== -1) return at + i + end.length;
    if (got < window.length) return null;
  }
  return null;
}

function readBytes(fd: number, from: number, to: number): Uint8Array {
  const bytes = Buffer.alloc(to - from);
  readSync(fd, bytes, 0, bytes.length, from);
  return new Uint8Array(bytes);
}
