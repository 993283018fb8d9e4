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
    // The busiest journey step not yet online end to end: register-real-estate (4,200 cases a year), one of the four
    // steps of build-rural-house, whose online channel still needs one visit to a counter.
    const candidates = exampleCounty.needs
      .flatMap((n) => n.journey ?? [])
      .map((s) => exampleCounty.services.find((x) => x.id === s.serviceId)!)
      .filter((s) => !s.channels.some((c) => c.kind === "online" && c.endToEnd));
    const step = candidates.reduce((a, b) => ((b.annualVolume ?? 0) > (a.annualVolume ?? 0) ? b : a)).id;
    expect(step).toBe("register-real-estate");
    const { model: after } = applyScenario(exampleCounty, [{ op: "digitizeService", serviceId: step }]);
    const report = compareModels(exampleCounty, after);
    expect(report.records).toEqual({ services: { added: [], removed: [], changed: [step] } });
    // That journey: one step of four now online end to end (0 -> 0.25), one visit fewer (7 -> 6).
    expect(report.journeyChanges).toEqual([
      { needId: "build-rural-house", deltas: { endToEndOnlineShare: { before: 0, after: 0.25, delta: 0.25 }, inPersonVisits: { before: 7, after: 6, delta: -1 } } },
    ]);
    // Journey weights (demand × need weight): 880 + 3,101 + 2 × 1,949 + 24 + 2,600 + 2 × 2,601 + 161 = 15,866. The
    // end-to-end share rises by 880 × 0.25 / 15,866, and the innovation pillar (a mean of three) by a third of that, × 100.
    expect(report.journeys.endToEndOnlineShare!.delta).toBeCloseTo(220 / 15866, 12);
    expect(report.scorecard.pillars.governanceInnovation.delta).toBeCloseTo((100 * 220) / 15866 / 3, 9);
    expect(report.staffing.staff!.delta).toBe(0);
    expect(Object.values(report.coverage).every((d) => d.delta === 0)).toBe(true);
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
          expect(scoreCoverage(after).reach.value ?? -1).toBeGreaterThanOrEqual((scoreCoverage(m).reach.value ?? -1) - 1e-12);
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
