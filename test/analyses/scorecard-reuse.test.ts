import { describe, expect, it } from "vitest";
import { applyScenario, buildScorecard, findDuplication, generateModel, scoreCoverage, validateModel, type Model, type ScenarioOperationInput } from "../../src/index.js";

/** A deep, unfrozen copy: nothing computed for the frozen original can be reused for it. */
const thawed = (model: Model): Model => structuredClone(model);

const { model: generated } = generateModel({ size: "county", seed: 3 });
const base = validateModel(generated).model!;

/** Two departments of the same jurisdiction, and two of different ones. */
function mergePairs(model: Model): [string, string][] {
  const byRegion = new Map<string, string[]>();
  for (const d of model.departments) byRegion.get(d.regionId)?.push(d.id) ?? byRegion.set(d.regionId, [d.id]);
  const same = [...byRegion.values()].find((ids) => ids.length >= 2)!;
  const [r1, r2] = [...byRegion.values()];
  return [[same[0]!, same[1]!], [r1![0]!, r2![0]!]];
}

describe("buildScorecard on an edited frozen model", () => {
  it("scores a merge exactly as it scores the same model built afresh (no reuse)", () => {
    expect(Object.isFrozen(base)).toBe(true);
    buildScorecard(base); // what the edited model may reuse: the base's tables and travel-cost search
    for (const [a, b] of mergePairs(base)) {
      const { model: after } = applyScenario(base, [{ op: "mergeDepartments", ids: [a, b], into: a }]);
      expect(Object.isFrozen(after)).toBe(true);
      expect(after.servicePoints).toBe(base.servicePoints);
      expect(buildScorecard(after)).toEqual(buildScorecard(thawed(after)));
      expect(scoreCoverage(after)).toEqual(scoreCoverage(thawed(after)));
      expect(findDuplication(after)).toEqual(findDuplication(thawed(after)));
    }
  });

  it("scores with only the duplication parts it reads, as it does from the full report", () => {
    const full = findDuplication(base);
    expect(buildScorecard(base)).toEqual(buildScorecard(base, { reports: { duplication: full } }));
    const edited = applyScenario(base, [{ op: "closeServicePoint", pointId: base.servicePoints[0]!.id }]).model;
    expect(scoreCoverage(edited)).toEqual(scoreCoverage(thawed(edited)));
  });

  it("applies scenarios one after the other on a frozen model as on an unfrozen copy (shared base tables stay untouched)", () => {
    const [same, across] = mergePairs(base);
    const [a, b] = same!;
    const [c, d] = across!;
    const service = base.services.find((s) => s.status !== "retired" && s.departmentId === c)!;
    const scenarios: ScenarioOperationInput[][] = [
      [{ op: "mergeDepartments", ids: [a!, b!], into: a! }],
      [{ op: "digitizeService", serviceId: service.id }, { op: "mergeDepartments", ids: [c!, d!], into: d! }],
      [{ op: "mergeDepartments", ids: [c!, d!], into: c! }, { op: "retireService", serviceId: service.id }],
      [{ op: "mergeDepartments", ids: [a!, b!], into: b! }],
    ];
    for (const operations of scenarios) {
      const after = applyScenario(base, operations).model;
      const fresh = applyScenario(thawed(base), operations).model;
      expect(after).toEqual(fresh);
      // Services edited in place keep their ids: the edited model's index and order checks are the base's.
      expect(buildScorecard(after)).toEqual(buildScorecard(thawed(after)));
      expect(findDuplication(after)).toEqual(findDuplication(thawed(after)));
    }
  });
});
