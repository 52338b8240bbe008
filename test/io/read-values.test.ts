import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { DEFAULT_VALUES_OPTIONS, type ValuesOptions } from "../../src/io/values/options.js";
import { readValues } from "../../src/io/values/read-values.js";
import { ROOT } from "../helpers/in-process.js";
import { twoIndicatorFramework } from "../helpers/frameworks.js";

const fw = twoIndicatorFramework();
const read = (text: string, options: Partial<ValuesOptions> = {}) =>
  readValues(Readable.from([text]), "v.csv", fw, { ...DEFAULT_VALUES_OPTIONS, ...options });

describe("readValues: wide layout", () => {
  it("reads values, fractions and missing marks", async () => {
    const { dataset, diagnostics } = await read("org_code,org_name,a,b_numerator,b_denominator\nX1,Ex,57,3,1000\nX2,,*,,\n");
    expect(diagnostics).toEqual([]);
    expect(dataset.hasPeriods).toBe(false);
    expect(dataset.records).toEqual([
      {
        code: "X1",
        name: "Ex",
        period: null,
        origin: { file: "v.csv", line: 2, column: 1 },
        observations: {
          a: { value: 57, origin: { file: "v.csv", line: 2, column: 3 } },
          b: {
            value: null,
            numerator: 3,
            denominator: 1000,
            origin: { file: "v.csv", line: 2, column: 4 },
            denominatorOrigin: { file: "v.csv", line: 2, column: 5 },
          },
        },
      },
      {
        code: "X2",
        name: "",
        period: null,
        origin: { file: "v.csv", line: 3, column: 1 },
        observations: {
          a: { value: null, missing: "suppressed", origin: { file: "v.csv", line: 3, column: 3 } },
          b: { value: null, missing: "empty", origin: { file: "v.csv", line: 3, column: 4 } },
        },
      },
    ]);
  });

  it("matches column names whatever their case, and warns about columns it does not use", async () => {
    const { dataset, diagnostics } = await read("ORG_CODE,A,B,extra\nX1,1,2,3\n");
    expect(dataset.records[0]!.observations.a!.value).toBe(1);
    expect(diagnostics).toEqual([expect.objectContaining({ code: "W_UNKNOWN_INDICATOR", severity: "warning", line: 1, column: 4 })]);
  });

  it("reports every bad cell in one pass", async () => {
    const { diagnostics } = await read("org_code,a,b\nX1,x,2\nX2,1,y\nX3,1\n");
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["E_NOT_A_NUMBER", 2, 2],
      ["E_NOT_A_NUMBER", 3, 3],
      ["E_ROW_LENGTH", 4, 3],
    ]);
  });

  it("keeps a period column", async () => {
    const { dataset } = await read("org_code,period,a,b\nX1,2016,1,2\nX1,2017,1,2\n");
    expect(dataset.hasPeriods).toBe(true);
    expect(dataset.records.map((r) => r.period)).toEqual(["2016", "2017"]);
  });
});

describe("readValues: long layout", () => {
  it("gathers an organisation's rows, with renamed columns and a --where filter", async () => {
    const text = [
      "GROUP_TYPE,ORG_CODE1,ORG_NAME1,MEASURE_ID,MEASURE_VALUE",
      "England,ENG,England,a,50",
      "CCG,X1,Ex,a,57",
      "Provider,RX1,Trust,a,1",
      "CCG,X1,Ex,b,3",
      "CCG,X1,Ex,c,3",
      "CCG,X1,Ex,c,4",
    ].join("\n");
    const { dataset, diagnostics } = await read(text, {
      orgCol: "ORG_CODE1",
      nameCol: "ORG_NAME1",
      indicatorCol: "MEASURE_ID",
      valueCol: "MEASURE_VALUE",
      where: [{ column: "GROUP_TYPE", value: "CCG" }],
    });
    expect(diagnostics).toEqual([expect.objectContaining({ code: "W_UNKNOWN_INDICATOR", line: 6, column: 4 })]);
    expect(dataset.records).toHaveLength(1);
    expect(dataset.records[0]).toMatchObject({ code: "X1", name: "Ex", observations: { a: { value: 57 }, b: { value: 3 } } });
  });

  it("reads numerator and denominator columns", async () => {
    const { dataset } = await read("org_code,indicator,numerator,denominator\nX1,a,57,100\nX1,b,3,1000\n");
    expect(dataset.records[0]!.observations.a).toMatchObject({ numerator: 57, denominator: 100 });
  });

  it.each([
    ["org_code,indicator,value\nX1,a,1\n", "E_MISSING_INDICATOR", 1],
    ["org_code,indicator,value\nX1,a,1\nX1,b,1\nX1,a,2\n", "E_DUPLICATE_VALUE", 4],
    ["org_code,indicator\nX1,a\n", "E_MISSING_COLUMN", 1],
    ["org_code,indicator,value\nX1,a,1\nX1,b,1\n", null, null],
  ])("%j -> %s", async (text, code, line) => {
    const { diagnostics } = await read(text);
    if (code === null) expect(diagnostics).toEqual([]);
    else expect(diagnostics).toContainEqual(expect.objectContaining({ code, line }));
  });

  it("says when --where keeps no row", async () => {
    const { diagnostics } = await read("org_code,type,indicator,value\nX1,CCG,a,1\n", { where: [{ column: "type", value: "ICB" }] });
    expect(diagnostics).toEqual([expect.objectContaining({ code: "E_NO_DATA", message: "no row matches --where type=ICB" })]);
  });
});

describe("readValues on the bundled example", () => {
  it("reads all 209 CCGs without a problem", async () => {
    const path = `${ROOT}fixtures/example/ccg-2016-17-mental-health-synthetic.csv`;
    const frame = twoIndicatorFramework({
      indicators: [
        { id: "iapt_recovery", label: "IAPT", polarity: "higher", scoring: { method: "thresholds", cuts: [55, 50, 45] } },
        { id: "eip_2wk", label: "EIP", polarity: "higher", scoring: { method: "thresholds", cuts: [60, 50, 40] } },
      ],
    });
    const { dataset, diagnostics } = await readValues(createReadStream(path), "ex.csv", frame, DEFAULT_VALUES_OPTIONS);
    expect(diagnostics).toEqual([]);
    expect(dataset.records).toHaveLength(209);
  });
});

describe("readValues: a value's standard error and confidence interval", () => {
  const observed = async (text: string, options: Partial<ValuesOptions> = {}) => {
    const { dataset, diagnostics } = await read(text, options);
    return { a: dataset.records.map((r) => r.observations.a), codes: diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`) };
  };
  it.each([
    ["wide: se", "org_code,a,a_se,b\nX1,57,1.5,3\n", {}, { value: 57, se: 1.5 }, 2],
    ["wide: ci", "org_code,a,a_ci_lower,a_ci_upper,b\nX1,57,54,60,3\n", {}, { value: 57, ciLower: 54, ciUpper: 60 }, 2],
    ["wide: both, empty se", "org_code,a,a_se,a_ci_lower,a_ci_upper,b\nX1,57,,54,60,3\n", {}, { value: 57, ciLower: 54, ciUpper: 60 }, 2],
    ["wide: none given", "org_code,a,a_se,b\nX1,57,*,3\n", {}, { value: 57 }, 2],
    ["long: default columns", "org_code,indicator,value,se\nX1,a,57,2\nX1,b,3,\n", {}, { value: 57, se: 2 }, 3],
    ["long: named columns", "org_code,indicator,value,LCL,UCL\nX1,a,57,50,64\nX1,b,3,,\n", { ciLowerCol: "LCL", ciUpperCol: "UCL" }, { value: 57, ciLower: 50, ciUpper: 64 }, 3],
  ])("%s", async (_, text, options, expected, column) => {
    const { a, codes } = await observed(text, options);
    expect(codes).toEqual([]);
    expect(a).toEqual([{ ...expected, origin: { file: "v.csv", line: 2, column } }]);
  });

  it.each([
    ["not a number", "org_code,a,a_se,b\nX1,57,1.5x,3\n", ["2:3 E_NOT_A_NUMBER"]],
    ["negative se", "org_code,a,a_se,b\nX1,57,-1,3\n", ["2:3 E_NEGATIVE_SE"]],
    ["one limit only", "org_code,a,a_ci_lower,a_ci_upper,b\nX1,57,50,,3\n", ["2:3 E_BAD_CI"]],
    ["limits reversed", "org_code,a,a_ci_lower,a_ci_upper,b\nX1,57,60,50,3\n", ["2:3 E_BAD_CI"]],
    ["long: reversed", "org_code,indicator,value,ci_lower,ci_upper\nX1,a,57,60,50\nX1,b,3,,\n", ["2:4 E_BAD_CI"]],
  ])("%s is an error naming the cell", async (_, text, codes) => {
    expect((await observed(text)).codes).toEqual(codes);
  });
});
