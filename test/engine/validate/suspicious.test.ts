import { describe, expect, it } from "vitest";
import { suspiciousInputs } from "../../../src/engine/validate/suspicious.js";
import { dataset, record, twoIndicators } from "../../helpers/framework.js";

const many = (period: string | null, codes: string[]) => codes.map((c, i) => record(c, period, 50, 50, i + 2));

describe("suspiciousInputs", () => {
  it("finds nothing in ordinary data", () => {
    expect(suspiciousInputs(twoIndicators, dataset(many(null, ["A", "B", "C", "D", "E"])), "v.csv", null)).toEqual([]);
  });

  it.each([
    {
      name: "a percentage over 100",
      records: [...many(null, ["A", "B", "C", "D"]), record("E", null, 100.5, 50, 9)],
      orgs: null,
      expected: [{ code: "W_OVER_100_PERCENT", line: 9, column: 3, message: "E: iapt is 100.5%, over 100%" }],
    },
    {
      name: "codes missing from the reference list, once each",
      records: [...many("2016", ["A", "B", "C", "D", "X"]), ...many("2017", ["A", "B", "C", "D", "X"])],
      orgs: new Set(["A", "B", "C", "D"]),
      expected: [{ code: "W_NOT_IN_ORG_LIST", line: 6, message: "organisation X is not in the reference list orgs.csv" }],
    },
    {
      name: "an indicator scored for fewer than 5 organisations",
      records: [...many(null, ["A", "B", "C", "D"]), record("E", null, 50, null)],
      orgs: null,
      expected: [{ code: "W_FEW_SCORED", file: "v.csv", message: "indicator eip has a value for only 4 organisation(s) (fewer than 5)" }],
    },
    {
      name: "a period with a different set of organisations",
      records: [...many("2016", ["A", "B", "C", "D", "E", "F"]), ...many("2017", ["A", "B", "C", "D", "E"])],
      orgs: null,
      expected: [{ code: "W_PERIOD_ORGS_DIFFER", message: "period 2017 lacks 1 organisation(s) that other periods have: F" }],
    },
  ])("warns about $name", ({ records, orgs, expected }) => {
    const found = suspiciousInputs(twoIndicators, dataset(records), "v.csv", orgs === null ? null : { codes: orgs, file: "orgs.csv" });
    expect(found).toEqual(expected.map((e) => expect.objectContaining({ severity: "warning", ...e })));
  });
});
