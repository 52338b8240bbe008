import { lastAtOrBelow } from "../sorted-search.js";

export interface TextPosition {
  line: number;
  column: number;
}

export type JsonScan = { ok: true; locations: Map<string, TextPosition> } | { ok: false; message: string; at: TextPosition };

/**
 * Check a JSON text and record where each value starts, by its path (e.g. "indicators.0.scoring.cuts"),
 * so that a syntax error or a schema error can name a line and column. JSON.parse says where it
 * failed only on some Node versions, and never where a valid document breaks the schema.
 */
export function scanJson(text: string): JsonScan {
  const locations = new Map<string, TextPosition>();
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const position = (offset: number): TextPosition => {
    const line = lastAtOrBelow(lineStarts, offset);
    return { line: line + 1, column: offset - lineStarts[line]! + 1 };
  };
  class Bad extends Error {
    constructor(readonly offset: number, message: string) {
      super(message);
    }
  }
  let i = 0;
  const unexpected = (): never => {
    throw new Bad(i, i >= text.length ? "unexpected end of file" : `unexpected ${JSON.stringify(text[i])}`);
  };
  const skip = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const expect = (ch: string) => {
    skip();
    if (text[i] !== ch) unexpected();
    i++;
  };
  const string = (): string => {
    const m = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(text.slice(i));
    if (!m) unexpected();
    i += m![0].length;
    return JSON.parse(m![0]) as string;
  };
  const value = (path: string): void => {
    skip();
    locations.set(path, position(i));
    const child = (key: string | number) => (path === "" ? String(key) : `${path}.${key}`);
    const ch = text[i];
    if (ch === "{") {
      i++;
      skip();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        skip();
        if (text[i] !== '"') unexpected();
        const key = string();
        expect(":");
        value(child(key));
        skip();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return;
        } else unexpected();
      }
    }
    if (ch === "[") {
      i++;
      skip();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value(child(n));
        skip();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return;
        } else unexpected();
      }
    }
    if (ch === '"') {
      string();
      return;
    }
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) unexpected();
    i += m![0].length;
  };
  try {
    value("");
    skip();
    if (i < text.length) unexpected();
    return { ok: true, locations };
  } catch (e) {
    if (e instanceof Bad) return { ok: false, message: e.message, at: position(e.offset) };
    throw e;
  }
}
