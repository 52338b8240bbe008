import { describe, expect, it } from "vitest";
import { Unit } from "../../../src/engine/framework/schema.js";
import { isShareUnit, unitMultiplier, unitProblem, withUnit } from "../../../src/engine/framework/units.js";

describe("units", () => {
  it.each([
    ["%", 100, true],
    ["percent", 100, true],
    ["Percentage", 100, true],
    ["per 1000", 1000, true],
    ["per 100000", 100000, true],
    ["per 10,000", 10000, true],
    ["per 1,000 births", 1000, true],
    ["Per 100 000", 100, true],
    ["days", 1, false],
    ["minutes", 1, false],
    ["£", 1, false],
    ["beds", 1, false],
    ["per year", 1, false],
    ["count", 1, false],
  ])("%s has multiplier %d", (unit, multiplier, share) => {
    expect(unitMultiplier(unit)).toBe(multiplier);
    expect(isShareUnit(unit)).toBe(share);
    expect(unitProblem(unit)).toBeUndefined();
  });

  it.each([
    ["per 0", "divide by nothing"],
    ["per 1,00", "whole number"],
    ["per 1.5", "whole number"],
    ["days\tweeks", "control character"],
    ["x".repeat(41), "longer than 40"],
  ])("refuses %j", (unit, why) => {
    expect(unitProblem(unit)).toContain(why);
    expect(Unit.safeParse(unit).success).toBe(false);
  });

  it("trims and refuses the empty unit in a framework", () => {
    expect(Unit.parse("  days ")).toBe("days");
    expect(Unit.safeParse("  ").success).toBe(false);
  });

  it.each([
    ["45.2", "%", "45.2%"],
    ["45.2", "percent", "45.2%"],
    ["3.4", "days", "3.4 days"],
    ["12", "£", "£12"],
    ["-12", "£", "-£12"],
    ["7", "count", "7"],
    ["1.02", "ratio", "1.02"],
    ["4.1", "per 1000", "4.1 per 1000"],
  ])("shows %s in %s as %s", (number, unit, shown) => {
    expect(withUnit(number, unit)).toBe(shown);
  });
});
