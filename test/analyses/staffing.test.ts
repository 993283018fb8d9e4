import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeStaffing, parseModel, type ModelInput } from "../../src/index.js";
import { arbitraryShuffledModel } from "../arbitraries.js";

const bureau = (id: string, actual: number | undefined, authorized: number | undefined, extra: object = {}) => ({
  id,
  name: id,
  regionId: "r",
  level: "county",
  kind: "bureau",
  ...(actual === undefined && authorized === undefined ? {} : { staff: { ...(actual === undefined ? {} : { actual }), ...(authorized === undefined ? {} : { authorized }) } }),
  ...extra,
});
const service = (id: string, departmentId: string, annualVolume: number, extra: object = {}) => ({
  id, name: id, departmentId, annualVolume, channels: [{ kind: "online" as const }], ...extra,
});
const input: ModelInput = {
  schemaVersion: 1,
  regions: [{ id: "r", name: "County" }],
  departments: [
    bureau("d-civil", 40, 50),
    bureau("d-edu", 20, 20),
    bureau("d-met", 30, 25),
    bureau("d-tax", 10, undefined, { kind: "agency" }),
    bureau("d-prov", undefined, undefined, { level: "province" }),
    bureau("d-audit", 10, 10),
  ],
  functions: [{ id: "f1", name: "Civil registration" }, { id: "f2", name: "Welfare" }],
  assignments: [{ departmentId: "d-civil", functionId: "f1" }, { departmentId: "d-civil", functionId: "f2", role: "support" }],
  services: [
    service("s-civil", "d-civil", 1000),
    service("s-civil-old", "d-civil", 500, { status: "retired" }),
    service("s-edu", "d-edu", 2000),
    service("s-met", "d-met", 150),
    service("s-tax", "d-tax", 1000),
  ],
};

describe("analyzeStaffing", () => {
  const report = analyzeStaffing(parseModel(input));
  const get = (id: string) => report.departments.find((d) => d.departmentId === id)!;

  it("measures cases per staff member against the best comparable department", () => {
    // county|bureau peers: civil 1000/40 = 25, edu 2000/20 = 100, met 150/30 = 5 (the retired service is not work).
    // Best 100: civil 0.25, edu 1, met 0.05. Median 25: met < 25/3 is much staff, little work; edu > 25*3 the reverse (flagRatio 3).
    expect(get("d-civil")).toMatchObject({ casesPerStaff: 25, relativeEfficiency: 0.25, staffPerFunction: 20, staffPer1000Cases: 40, vacancyRate: 0.2, flags: ["high_vacancy"] });
    expect(get("d-edu")).toMatchObject({ relativeEfficiency: 1, flags: ["little_staff_much_work"] });
    expect(get("d-met")).toMatchObject({ casesPerStaff: 5, relativeEfficiency: 0.05, vacancyRate: 0, flags: ["much_staff_little_work", "over_establishment"] });
  });

  it("widens a peer group that is too small to the same level", () => {
    // d-tax is the only county agency: compared with every county department (5, 25, 100, 100), best 100, median 62.5.
    expect(get("d-tax")).toMatchObject({ peerGroup: "county", casesPerStaff: 100, relativeEfficiency: 1, flags: [] });
    expect(get("d-civil").peerGroup).toBe("county|bureau");
  });

  it("leaves departments without staff figures, or without services of known volume, unmeasured", () => {
    expect(get("d-prov")).toMatchObject({ staff: null, casesPerStaff: null, relativeEfficiency: null, vacancyRate: null, flags: [] });
    // An internal body (audit) has staff but no caseload to measure: not flagged as idle.
    expect(get("d-audit")).toMatchObject({ staff: 10, services: 0, casesPerStaff: null, relativeEfficiency: null, flags: [] });
  });

  it("summarizes staff, vacancies and staff-weighted efficiency", () => {
    // Efficiency over measured departments (40*0.25 + 20*1 + 30*0.05 + 10*1) / 100 = 0.415. Vacancies pooled over
    // departments with both figures: authorized 50 + 20 + 25 + 10 = 105, actual 40 + 20 + 30 + 10 = 100, 5 / 105.
    // Staff in much-staff-little-work departments: d-met's 30 of 110.
    expect(report.summary).toMatchObject({ departments: 6, measured: 4, staff: 110, cases: 4150, muchStaffLittleWork: 1, littleStaffMuchWork: 1, staffInMuchStaffLittleWork: 30 / 110 });
    expect(report.summary.efficiency).toBeCloseTo(0.415, 12);
    expect(report.summary.vacancyRate).toBeCloseTo(5 / 105, 12);
  });

  it("takes the default for options given as undefined and names a bad option", () => {
    // Undefined is the default ratio of 3: the same two departments flagged, not every one (a ratio of NaN).
    const model = parseModel(input);
    expect(analyzeStaffing(model, { flagRatio: undefined, minPeers: undefined, vacancyThreshold: undefined })).toEqual(report);
    expect(() => analyzeStaffing(model, { flagRatio: 0 })).toThrow("analyzeStaffing: option flagRatio must be a number in (0, Infinity], got 0. Fix the options and try again.");
    expect(() => analyzeStaffing(model, { minPeers: "2" as never })).toThrow(/^analyzeStaffing: option minPeers must be a number in \[0, Infinity\], got "2"/);
    expect(() => analyzeStaffing(model, { flagratio: 2 } as never)).toThrow(/^analyzeStaffing: unknown option "flagratio"/);
  });

  it("keeps efficiency and vacancy rates in [0, 1] and ignores record order", () => {
    fc.assert(
      fc.property(arbitraryShuffledModel(), ([a, b]) => {
        const r = analyzeStaffing(parseModel(a));
        expect(analyzeStaffing(parseModel(b))).toEqual(r);
        for (const d of r.departments) {
          for (const x of [d.relativeEfficiency, d.vacancyRate]) if (x !== null) expect(x >= 0 && x <= 1).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });
});
