import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Framework } from "../../src/engine/framework/schema.js";
import { builtinFrameworkIds, readBuiltinFramework } from "../../src/io/framework/builtin.js";
import { scanJson } from "../../src/io/framework/json-locations.js";
import { parseFrameworkText, readFrameworkFile } from "../../src/io/framework/read-framework.js";

describe("scanJson", () => {
  it("finds where each value starts", () => {
    const scan = scanJson('{\n  "a": [1, {"b": true}],\n  "c": "x"\n}');
    expect(scan.ok).toBe(true);
    if (!scan.ok) return;
    expect(scan.locations.get("a")).toEqual({ line: 2, column: 8 });
    expect(scan.locations.get("a.1.b")).toEqual({ line: 2, column: 18 });
    expect(scan.locations.get("c")).toEqual({ line: 3, column: 8 });
  });

  it.each([
    ['{"a": 1,}', 1, 9, 'unexpected "}"'],
    ['{"a" 1}', 1, 6, 'unexpected "1"'],
    ["[1, 2", 1, 6, "unexpected end of file"],
    ['{\n  "a": tru\n}', 2, 8, 'unexpected "t"'],
    ["{} x", 1, 4, 'unexpected "x"'],
  ])("%j fails at %s:%s", (text, line, column, message) => {
    expect(scanJson(text)).toEqual({ ok: false, message, at: { line, column } });
  });
});

describe("parseFrameworkText", () => {
  it("names the path, line and column of each schema problem", () => {
    const text = '{\n  "id": "x",\n  "title": "X",\n  "indicators": [\n    { "id": "a", "label": "A", "polarity": "up",\n      "scoring": { "method": "thresholds", "cuts": [1, 2, 3] } }\n  ]\n}\n';
    const out = parseFrameworkText(text, "f.json");
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.diagnostics.map((d) => [d.line, d.column, d.message.split(":")[0]])).toEqual([[5, 44, "indicators[0].polarity"]]);
  });
});

describe("built-in frameworks", () => {
  it.each(builtinFrameworkIds())("%s is valid and has a source and caveats", (id) => {
    const read = readFrameworkFile(fileURLToPath(new URL(`../../src/frameworks/${id}.json`, import.meta.url)), id);
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.framework.id).toBe(id);
      expect(read.framework.source.length).toBeGreaterThan(20);
      expect(read.framework.caveats.length).toBeGreaterThan(20);
    }
  });

  it.each(builtinFrameworkIds())("%s is written in full, as the schema reads it, so it loads without the schema", (id) => {
    const loaded = readBuiltinFramework(id);
    expect(JSON.stringify(Framework.parse(loaded))).toBe(JSON.stringify(loaded));
  });
});
