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
    expect(report.summary).toMatchObject({ departments: 6, withStaff: 5, measured: 4, staff: 110, actual: 110, authorized: 105, cases: 4150, muchStaffLittleWork: 1, littleStaffMuchWork: 1 });
    expect(report.summary.staffInMuchStaffLittleWork).toEqual({ value: 30 / 110, numerator: 30, denominator: 110, unit: "staff", known: 4, total: 6, records: "departments" });
    expect(report.summary.efficiency).toMatchObject({ numerator: 41.5, denominator: 100, known: 4, total: 6 });
    expect(report.summary.efficiency.value).toBeCloseTo(0.415, 12);
    expect(report.summary.vacancyRate).toEqual({ value: 5 / 105, numerator: 5, denominator: 105, unit: "staff", known: 4, total: 6, records: "departments" });
  });

  it("leaves a service without annualVolume out of its department's cases and counts it; a caseload with no known volume is unknown", () => {
    const model = parseModel({
      ...input,
      departments: [bureau("d-a", 10, 10), bureau("d-b", 10, 10), bureau("d-c", 10, 10)],
      assignments: [],
      services: [
        service("s-a1", "d-a", 1000),
        { id: "s-a2", name: "s-a2", departmentId: "d-a", channels: [{ kind: "online" }] },
        service("s-b", "d-b", 500),
        { id: "s-c", name: "s-c", departmentId: "d-c", channels: [{ kind: "online" }] },
      ],
    });
    const r = analyzeStaffing(model);
    // d-a: 1000 known cases plus one service of unknown volume (not 0, not 1): cases 1000, counted as without volume.
    // d-c: its only service has no volume: cases unknown, not measured, not flagged idle.
    expect(r.departments.map((d) => [d.departmentId, d.cases, d.servicesWithoutVolume, d.casesPerStaff])).toEqual([
      ["d-a", 1000, 1, 100],
      ["d-b", 500, 0, 50],
      ["d-c", null, 1, null],
    ]);
    expect(r.summary).toMatchObject({ measured: 2, cases: 1500, servicesWithoutVolume: 2 });
  });

  it("says unknown, not 0, for staff no department reports, and has no efficiency, vacancy or idle share", () => {
    const model = parseModel({ ...input, departments: [bureau("d-a", undefined, undefined)], assignments: [], services: [service("s-a", "d-a", 100)] });
    const s = analyzeStaffing(model).summary;
    expect([s.staff, s.actual, s.authorized, s.withStaff, s.measured, s.casesPerStaff]).toEqual([null, null, null, 0, 0, null]);
    const none = { value: null, numerator: 0, denominator: 0, unit: "staff", known: 0, total: 1, records: "departments", reason: "no_data" };
    expect([s.efficiency, s.vacancyRate, s.staffInMuchStaffLittleWork]).toEqual([none, none, none]);
  });

  it("takes the default for options given as undefined and names a bad option", () => {
    // Undefined is the default ratio of 3: the same two departments flagged, not every one (a ratio of NaN).
    const model = parseModel(input);
    expect(analyzeStaffing(model, { flagRatio: undefined, minPeers: undefined, vacancyThreshold: undefined })).toEqual(report);
    expect(() => analyzeStaffing(model, { flagRatio: 0 })).toThrow("analyzeStaffing: option flagRatio must be a number in (0, Infinity], got 0. Fix the options and try again.");
    expect(() => analyzeStaffing(model, { minPeers: "2" as never })).toThrow(/^analyzeStaffing: option minPeers must be a number in \[0, Infinity\], got "2"/);
    expect(() => analyzeStaffing(model, { flagratio: 2 } as never)).toThrow(/^analyzeStaffing: unknown option "flagratio"/);
  });

  it("summarizes the same rows it reports and ignores record order on random models", () => {
    fc.assert(
      fc.property(arbitraryShuffledModel(), ([a, b]) => {
        const r = analyzeStaffing(parseModel(a));
        expect(analyzeStaffing(parseModel(b))).toEqual(r);
        // The summary pools the rows: staff-weighted efficiency and the counts of measured and staffed departments.
        const measured = r.departments.filter((d) => d.relativeEfficiency !== null);
        const weight = measured.reduce((t, d) => t + d.staff!, 0);
        expect(r.summary.efficiency.denominator).toBe(weight);
        expect(r.summary.efficiency.numerator).toBeCloseTo(measured.reduce((t, d) => t + d.staff! * d.relativeEfficiency!, 0), 9);
        expect(r.summary.measured).toBe(r.departments.filter((d) => d.casesPerStaff !== null).length);
        expect(r.summary.withStaff).toBe(r.departments.filter((d) => d.staff !== null).length);
        // In each peer group with a measured department, the best one scores 1.
        for (const group of new Set(measured.map((d) => d.peerGroup))) {
          if (measured.some((d) => d.peerGroup === group && d.casesPerStaff! > 0)) {
            expect(Math.max(...measured.filter((d) => d.peerGroup === group).map((d) => d.relativeEfficiency!))).toBe(1);
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});
