import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyScenario, compareModels, exampleCounty, parseModel, scoreCoverage, type ComparisonReport } from "../../src/index.js";
import { arbitraryModel } from "../arbitraries.js";

/** Every Delta in a comparison report. */
function allDeltas(report: ComparisonReport) {
  const out: { before: number | null; after: number | null; delta: number | null }[] = [];
  const walk = (x: unknown) => {
    if (typeof x !== "object" || x === null) return;
    if ("delta" in x && "before" in x) out.push(x as (typeof out)[number]);
    else for (const v of Object.values(x)) walk(v);
  };
  walk({ ...report, records: undefined });
  return out;
}

describe("compareModels", () => {
  it("finds nothing between a model and itself", () => {
    const report = compareModels(exampleCounty, exampleCounty);
    expect(report.records).toEqual({});
    expect(report.journeyChanges).toEqual([]);
    const deltas = allDeltas(report);
    expect(deltas.length).toBeGreaterThan(40);
    for (const d of deltas) expect(d.delta === 0 || (d.before === null && d.after === null)).toBe(true);
  });

  it("has every delta 0 on random models compared with themselves", () => {
    fc.assert(
      fc.property(arbitraryModel(), (input) => {
        const m = parseModel(input);
        for (const d of allDeltas(compareModels(m, parseModel(input)))) expect(d.delta === 0 || (d.before === null && d.after === null)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("shows what digitizing the busiest journey step moves, and which record changed", () => {
    const step = exampleCounty.needs.flatMap((n) => n.journey ?? []).map((s) => s.serviceId).find((id) => {
      const s = exampleCounty.services.find((x) => x.id === id)!;
      return !s.channels.some((c) => c.kind === "online" && c.endToEnd);
    })!;
    const { model: after } = applyScenario(exampleCounty, [{ op: "digitizeService", serviceId: step }]);
    const report = compareModels(exampleCounty, after);
    expect(report.records).toEqual({ services: { added: [], removed: [], changed: [step] } });
    expect(report.journeys.endToEndOnlineShare!.delta!).toBeGreaterThan(0);
    expect(report.scorecard.pillars.governanceInnovation.delta!).toBeGreaterThan(0);
    expect(report.journeyChanges.length).toBeGreaterThan(0);
    expect(report.staffing.staff!.delta).toBe(0);
  });

  it("lists merged departments as removed and the survivor as changed, with assignment pairs", () => {
    const [a, b] = exampleCounty.departments.filter((d) => d.level === "county" && d.kind === "bureau").map((d) => d.id);
    const { model: after } = applyScenario(exampleCounty, [{ op: "mergeDepartments", ids: [a!, b!], into: a! }]);
    const { records, staffing } = compareModels(exampleCounty, after);
    expect(records.departments!.removed).toEqual([b]);
    expect(records.departments!.changed).toContain(a);
    expect(records.assignments!.removed.every((k) => Array.isArray(k) && k[0] === b)).toBe(true);
    expect(staffing.departments).toEqual({ before: exampleCounty.departments.length, after: exampleCounty.departments.length - 1, delta: -1 });
  });

  it("never sees coverage reach fall when a service is digitized", () => {
    fc.assert(
      fc.property(
        arbitraryModel().chain((input) => {
          const m = parseModel(input);
          return fc.constantFrom(...(m.services.length ? m.services.map((s) => s.id as string) : [""])).map((id) => [m, id] as const);
        }),
        ([m, id]) => {
          if (id === "") return;
          const after = applyScenario(m, [{ op: "digitizeService", serviceId: id }]).model;
          expect(scoreCoverage(after).reach).toBeGreaterThanOrEqual(scoreCoverage(m).reach - 1e-12);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("does not count a record as changed when only the order of its keys differs", () => {
    const reordered = JSON.parse(JSON.stringify(exampleCounty), (_key, value) =>
      value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
    );
    expect(compareModels(exampleCounty, reordered).records).toEqual({});
  });

  it("takes undefined for the defaults and refuses a bad option, naming it", () => {
    const same = compareModels(exampleCounty, exampleCounty, { weights: undefined, reports: undefined });
    expect(same.scorecard.composite).toEqual(compareModels(exampleCounty, exampleCounty).scorecard.composite);
    expect(() => compareModels(exampleCounty, exampleCounty, { reports: 3 } as never)).toThrow(
      "compareModels: option reports must be an object, got 3. Fix the options and try again.",
    );
    expect(() => compareModels(exampleCounty, exampleCounty, { wieghts: {} } as never)).toThrow(/^compareModels: unknown option "wieghts"/);
  });
});
