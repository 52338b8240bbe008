export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Where each value of a JSON text starts, by its path (e.g. "indicators.0.scoring.cuts"), so that a
 * schema error can name a line and column. JSON.parse has already accepted the text, so this scanner
 * can trust its structure and stay small.
 */
export function jsonLocations(text: string): Map<string, TextPosition> {
  const out = new Map<string, TextPosition>();
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const position = (offset: number): TextPosition => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  let i = 0;
  const skip = () => {
    while (i < text.length && /[\s\uFEFF]/.test(text[i]!)) i++;
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    skip();
    out.set(path, position(i));
    const ch = text[i];
    const child = (key: string | number) => (path === "" ? String(key) : `${path}.${key}`);
    if (ch === "{") {
      i++;
      skip();
      while (text[i] !== "}") {
        skip();
        const key = readString();
        skip();
        i++; // ':'
        value(child(key));
        skip();
        if (text[i] === ",") i++;
        skip();
      }
      i++;
    } else if (ch === "[") {
      i++;
      skip();
      for (let n = 0; text[i] !== "]"; n++) {
        value(child(n));
        skip();
        if (text[i] === ",") i++;
        skip();
      }
      i++;
    } else if (ch === '"') {
      readString();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    }
  };
  value("");
  return out;
}

/** The line and column of a character offset, for JSON.parse's "at position N" messages. */
export function offsetPosition(text: string, offset: number): TextPosition {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}
