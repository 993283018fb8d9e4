import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countOf, countOrUnknown, formatCount, formatCounted, formatDecimal, formatMoney, formatPercent, measuredShare, missingCell, moneyOrUnknown, share, signed } from "../../../src/cli/render/numbers.js";
import type { Measured } from "../../../src/index.js";

describe("number formats, one precision per kind", () => {
  it("counts get thousands separators", () => {
    expect(formatCount(8_365_349_608)).toBe("8,365,349,608");
    expect(formatCount(0)).toBe("0");
    expect(formatCount(null)).toBe("–");
  });

  it("a count and its noun agree: 1 error, 0 errors, 2,682 warnings", () => {
    expect([formatCounted(1, "error"), formatCounted(0, "error"), formatCounted(2682, "warning"), formatCounted(1, "department")]).toEqual(["1 error", "0 errors", "2,682 warnings", "1 department"]);
  });

  it("decimals keep a fixed precision and never print -0", () => {
    expect(formatDecimal(1143.9, 1)).toBe("1,143.9");
    expect(formatDecimal(2, 2)).toBe("2.00");
    expect(formatDecimal(-0.0001, 2)).toBe("0.00");
    expect(formatDecimal(0.31244, 3)).toBe("0.312");
  });

  it("writes what Intl.NumberFormat(\"en-US\") writes, for any number and precision, -0 aside (fast-check)", () => {
    const intl = (x: number, digits: number) => new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x).replace(/^-(0(\.0+)?)$/, "$1");
    const numbers = fc.oneof(fc.double({ noNaN: true }), fc.integer().map((n) => n / 1000), fc.integer({ min: -1e6, max: 1e6 }).map((n) => n + 0.5), fc.constantFrom(0.125, 2.675, 1e21, -1e21, 999.95, 999_999.5));
    fc.assert(
      fc.property(numbers, fc.integer({ min: 0, max: 3 }), (x, digits) => {
        expect(formatDecimal(x, digits)).toBe(intl(x, digits));
      }),
      { numRuns: 5000 },
    );
  });

  it("shares are percentages with one decimal; almost none or almost all is not rounded to 0% or 100%", () => {
    expect(formatPercent(0.5234)).toBe("52.3%");
    expect(formatPercent(1)).toBe("100.0%");
    expect(formatPercent(0)).toBe("0.0%");
    expect(formatPercent(0.0001)).toBe("<0.1%");
    expect(formatPercent(0.9999)).toBe(">99.9%");
    expect(formatPercent(null)).toBe("–");
  });

  it("money is in millions or billions above a million", () => {
    expect(formatMoney(950_000)).toBe("950,000");
    expect(formatMoney(306_500_000)).toBe("306.5 million");
    expect(formatMoney(8_400_000_000)).toBe("8.4 billion");
  });

  it("a share names its basis, and CSV gets the raw value", () => {
    expect(share(0.523, "of demand", { part: 2, whole: 7, what: "journeys" })).toEqual({ text: "52.3% of demand (2 of 7 journeys)", value: 0.523, right: false });
    expect(countOf(4, 86, 4 / 86)).toEqual({ text: "4 of 86 (4.7%)", value: 4, right: false });
    expect(signed(-1200, formatCount).text).toBe("-1,200");
    expect(signed(0.025, (x) => formatDecimal(x * 100, 1) + " pp").text).toBe("+2.5 pp");
  });

  it("what the analysis does not know reads as its reason or unknown, never 0 or 100%; CSV leaves the cell empty", () => {
    const none: Measured = { value: null, numerator: 0, denominator: 0, unit: "demand", known: 0, total: 3, records: "needs", reason: "no_demand" };
    expect(measuredShare(none, "of demand")).toEqual({ text: "no demand data", value: null, right: true });
    expect(measuredShare({ ...none, reason: undefined }, "of demand").text).toBe("no data");
    expect(missingCell("not_computed").text).toBe("not computed");
    expect(missingCell("not_applicable").text).toBe("not applicable");
    expect(countOrUnknown(null)).toEqual({ text: "unknown", value: null, right: true });
    expect(countOrUnknown(0).text).toBe("0");
    expect(moneyOrUnknown(undefined).text).toBe("unknown");
    expect(moneyOrUnknown(306_500_000).text).toBe("306.5 million");
    expect(countOf(null, 86, null).text).toBe("not computed");
    expect(countOf(0, 0, null).text).toBe("0 of 0 (no data)");
  });

  it("a measured share names its basis, its counts and the defaults it stands on; a bare one is a number", () => {
    const reach: Measured = { value: 2 / 3, numerator: 2, denominator: 3, unit: "demand", known: 3, total: 3, records: "needs", assumed: 2 };
    expect(measuredShare(reach, "of demand")).toEqual({ text: "66.7% of demand (defaults for 2 of 3 needs)", value: 2 / 3, right: false });
    const legal: Measured = { value: 2480 / 2682, numerator: 2480, denominator: 2682, unit: "items", known: 2682, total: 2682, records: "services" };
    expect(measuredShare(legal, "of items", { part: 2480, whole: 2682, what: "programs" }).text).toBe("92.5% of items (2,480 of 2,682 programs)");
    expect(measuredShare(legal, "")).toEqual({ text: "92.5%", value: 2480 / 2682, right: true });
  });
});
