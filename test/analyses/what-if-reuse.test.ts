import { afterEach, describe, expect, it, vi } from "vitest";
import { RegionChains } from "../../src/analyses/duplication/region-chains.js";
import { findReach } from "../../src/analyses/coverage/reach.js";
import { supplies } from "../../src/analyses/coverage/supplies.js";
import {
  addRecord,
  applyScenario,
  buildScorecard,
  findDuplication,
  generateModel,
  indexModel,
  removeRecord,
  scoreCoverage,
  scoreOpenness,
  updateRecord,
  validateModel,
  type Model,
  type ModelIndex,
  type ScenarioOperationInput,
} from "../../src/index.js";

// Count the coverage passes that reuse replaces (the modules' own functions otherwise).
vi.mock(import("../../src/analyses/coverage/reach.js"), async (original) => {
  const actual = await original();
  return { ...actual, findReach: vi.fn(actual.findReach) };
});
vi.mock(import("../../src/analyses/coverage/supplies.js"), async (original) => {
  const actual = await original();
  return { ...actual, supplies: vi.fn(actual.supplies) };
});

/** A deep, unfrozen copy validated again: a model with no base, for which nothing is reused. */
const fresh = (model: Model): Model => validateModel(structuredClone(model)).model!;

const { model: generated } = generateModel({ size: "county", seed: 3 });
const base = validateModel(generated).model!;

/** The index without its model and tree methods: typed arrays and id tables only. */
function indexData(index: ModelIndex) {
  const { model: _model, regionTree, departmentTree, ...rest } = index;
  const tree = (t: typeof regionTree) => ({ parent: t.parent, depth: t.depth, children: t.children, preorder: t.preorder });
  return { ...rest, regionTree: tree(regionTree), departmentTree: tree(departmentTree) };
}

/** Every analysis the scorecard reuses gives on `model` what it gives on a fresh copy of it. */
function expectSameAsFresh(model: Model): void {
  const copy = fresh(model);
  expect(indexData(indexModel(model))).toEqual(indexData(indexModel(copy)));
  expect(buildScorecard(model)).toEqual(buildScorecard(copy));
  expect(scoreCoverage(model)).toEqual(scoreCoverage(copy));
  expect(findDuplication(model)).toEqual(findDuplication(copy));
  expect(findDuplication(model, { include: ["fragmentation", "duplication"], scope: "horizontal" })).toEqual(findDuplication(copy, { include: ["fragmentation", "duplication"], scope: "horizontal" }));
  expect(scoreOpenness(model)).toEqual(scoreOpenness(copy));
}

const apply = (model: Model, ...operations: ScenarioOperationInput[]) => applyScenario(model, operations).model;

/** Two departments sharing a jurisdiction with a third, and two of different jurisdictions. */
function pairs(model: Model): { same: [string, string]; third: string; across: [string, string] } {
  const byRegion = new Map<string, string[]>();
  for (const d of model.departments) byRegion.get(d.regionId)?.push(d.id) ?? byRegion.set(d.regionId, [d.id]);
  const same = [...byRegion.values()].find((ids) => ids.length >= 3)!;
  const [r1, r2] = [...byRegion.values()];
  return { same: [same[1]!, same[2]!], third: same[0]!, across: [r1![0]!, r2![0]!] };
}

/** A department holding a function that a department of another jurisdiction holds too, and that department. */
function sharedFunctionElsewhere(model: Model): [string, string] {
  const regionOf = new Map<string, string>(model.departments.map((d) => [d.id, d.regionId]));
  const holders = new Map<string, string[]>();
  for (const a of model.assignments) holders.get(a.functionId)?.push(a.departmentId) ?? holders.set(a.functionId, [a.departmentId]);
  for (const list of holders.values()) {
    const other = list.find((d) => regionOf.get(d) !== regionOf.get(list[0]!));
    if (other) return [list[0]!, other];
  }
  throw new Error("no function held in two jurisdictions");
}

/** A function held by some department but not by `departmentId`. */
const unheld = (model: Model, departmentId: string) =>
  model.assignments.find((a) => a.departmentId !== departmentId && !model.assignments.some((b) => b.departmentId === departmentId && b.functionId === a.functionId))!.functionId;

/** The number of times the duplication analysis arranges departments along the region tree (once per function or need it computes). */
function chainLoads(run: () => unknown): number {
  const load = vi.spyOn(RegionChains.prototype, "load");
  run();
  const count = load.mock.calls.length;
  load.mockRestore();
  return count;
}

afterEach(() => vi.mocked(findReach).mockClear());

describe("what-if on a frozen model: reuse from the model it was made from", () => {
  const { same, third, across } = pairs(base);
  buildScorecard(base);
  findDuplication(base);

  it("a merge in one jurisdiction keeps coverage's reach, the index's point relations and most functions' findings", () => {
    const after = apply(base, { op: "mergeDepartments", ids: same, into: same[0] });
    const reach = vi.mocked(findReach);
    reach.mockClear();
    const loads = chainLoads(() => buildScorecard(after));
    expect(reach).not.toHaveBeenCalled();
    expect(loads).toBeGreaterThan(0);
    expect(loads).toBeLessThan(chainLoads(() => buildScorecard(fresh(after))) / 4);
    expect(indexModel(after).pointServices).toBe(indexModel(base).pointServices);
    expect(indexModel(after).regionTree).toBe(indexModel(base).regionTree);
    expectSameAsFresh(after);
  });

  it("a merge across jurisdictions (services keep their area as explicit regions) gives what a fresh model gives", () => {
    expectSameAsFresh(apply(base, { op: "mergeDepartments", ids: across, into: across[1] }));
  });

  it("operations that touch what coverage and duplication read are computed again", () => {
    const service = base.services.find((s) => s.status !== "retired" && s.channels.every((c) => c.kind === "in_person"))!;
    const fn = base.assignments.find((a) => a.departmentId === same[0])!.functionId;
    const moving = base.services.find((s) => s.status !== "retired" && same.includes(s.departmentId) && s.functionIds.length > 0 && base.assignments.some((a) => a.departmentId === s.departmentId && a.functionId === s.functionIds[0]))!;
    const cases: ScenarioOperationInput[][] = [
      [{ op: "closeServicePoint", pointId: base.servicePoints[0]!.id }],
      [{ op: "digitizeService", serviceId: service.id }],
      [{ op: "retireService", serviceId: service.id }],
      [{ op: "transferFunction", functionId: fn, from: same[0], to: across[0] }],
      [{ op: "mergeDepartments", ids: same, into: same[0] }, { op: "retireService", serviceId: service.id }],
      // services moving between departments of one jurisdiction: the department losing them is summed again
      [{ op: "transferFunction", functionId: moving.functionIds[0]!, from: moving.departmentId, to: third, services: true }],
      [{ op: "removeFunction", functionId: fn }],
    ];
    for (const operations of cases) {
      const after = applyScenario(base, operations).model;
      vi.mocked(supplies).mockClear();
      expectSameAsFresh(after);
    }
    const digitized = apply(base, { op: "digitizeService", serviceId: service.id });
    vi.mocked(supplies).mockClear();
    scoreCoverage(digitized);
    expect(supplies).toHaveBeenCalledTimes(1);
  });

  it("edits after a merge (rename, move a service, move a department, change demand, add and remove records) give what a fresh model gives", () => {
    const merged = apply(base, { op: "mergeDepartments", ids: same, into: same[0] });
    buildScorecard(merged);
    findDuplication(merged);
    const service = merged.services.find((s) => s.departmentId === same[0] && s.regionIds === undefined)!;
    const other = merged.departments.find((d) => d.regionId !== merged.departments.find((x) => x.id === same[0])!.regionId)!;
    const need = merged.needs.find((n) => (n.demand?.length ?? 0) > 0)!;
    const [mover, host] = sharedFunctionElsewhere(merged);
    // a lead whose function has another lead in its jurisdiction: made support, the duplication goes
    const lead = merged.assignments.find((a) => a.role === "lead" && merged.assignments.some((b) => b !== a && b.functionId === a.functionId && b.role === "lead"))!;
    const edits: Model[] = [
      updateRecord(merged, "departments", same[0], { name: "Renamed bureau" }),
      // a department moved where another holder of its function is: that function is fragmented there now
      updateRecord(merged, "departments", mover, { regionId: merged.departments.find((d) => d.id === host)!.regionId }),
      updateRecord(merged, "services", service.id, { departmentId: other.id }),
      updateRecord(merged, "departments", same[0], { regionId: other.regionId }),
      updateRecord(merged, "needs", need.id, { demand: need.demand!.slice(1) }),
      updateRecord(merged, "services", service.id, { published: { guide: false, fee: true } }),
      addRecord(merged, "services", { id: "zz-new-service", name: "A new window", departmentId: other.id, needIds: [need.id], functionIds: [unheld(merged, other.id)], channels: [{ kind: "in_person" }] }),
      removeRecord(merged, "assignments", { departmentId: merged.assignments[0]!.departmentId, functionId: merged.assignments[0]!.functionId }),
      addRecord(merged, "assignments", { departmentId: other.id, functionId: unheld(merged, other.id), role: "lead" }),
      updateRecord(merged, "assignments", { departmentId: lead.departmentId, functionId: lead.functionId }, { role: "support" }),
    ];
    for (const edited of edits) {
      expectSameAsFresh(edited);
      // and a scenario on the edited model, which reuses from it in turn
      expectSameAsFresh(apply(edited, { op: "mergeDepartments", ids: across, into: across[0] }));
    }
    // a service added to a department that holds none of its functions, then removed again
    const added = edits.find((m) => m.services.some((x) => x.id === "zz-new-service"))!;
    expect(findDuplication(added)).not.toEqual(findDuplication(merged));
    expectSameAsFresh(removeRecord(added, "services", "zz-new-service"));
  });

  it("a service moved to another department of its jurisdiction: both departments are summed again, reach is kept", () => {
    const merged = apply(base, { op: "mergeDepartments", ids: same, into: same[0] });
    scoreCoverage(merged);
    // a service whose department has no other service for its need: the department's demand goes with it
    const alone = merged.services.find((s) => s.status !== "retired" && s.needIds.length > 0 && s.departmentId !== third && merged.departments.find((d) => d.id === s.departmentId)!.regionId === merged.departments.find((d) => d.id === third)!.regionId && !merged.services.some((o) => o !== s && o.departmentId === s.departmentId && o.needIds.some((n) => s.needIds.includes(n))))!;
    const moved = updateRecord(merged, "services", alone.id, { departmentId: third });
    vi.mocked(findReach).mockClear();
    const departments = (m: Model) => Object.fromEntries(scoreCoverage(m).byDepartment.map((d) => [d.departmentId, d.demand]));
    expect(departments(moved)[alone.departmentId]).not.toBe(departments(merged)[alone.departmentId]);
    expect(findReach).not.toHaveBeenCalled();
    expectSameAsFresh(moved);
  });

  it("a moved department's services reach other cells: reach is computed again", () => {
    const merged = apply(base, { op: "mergeDepartments", ids: same, into: same[0] });
    scoreCoverage(merged);
    const other = merged.departments.find((d) => d.regionId !== merged.departments.find((x) => x.id === same[0])!.regionId)!;
    const moved = updateRecord(merged, "departments", same[0], { regionId: other.regionId });
    vi.mocked(findReach).mockClear();
    scoreCoverage(moved);
    expect(findReach).toHaveBeenCalledTimes(1);
  });

  it("reports do not share objects with what is kept: changing one report leaves the next ones alone", () => {
    const after = apply(base, { op: "mergeDepartments", ids: same, into: same[0] });
    const first = findDuplication(after);
    const expected = structuredClone(first);
    for (const x of first.fragmentation) x.departmentIds.length = 0;
    for (const x of first.duplication) x.departmentIds.reverse();
    buildScorecard(after).pillars[3]!.indicators[0]!.basis!.numerator = -1;
    const coverage = scoreCoverage(after);
    coverage.byRegion[0]!.demand = -1;
    coverage.reach.numerator = -1;
    coverage.byNeed.length = 0;
    expect(scoreCoverage(after)).toEqual(scoreCoverage(fresh(after)));
    expect(findDuplication(after)).toEqual(expected);
    expect(findDuplication(apply(after, { op: "mergeDepartments", ids: across, into: across[0] }))).toEqual(findDuplication(fresh(apply(after, { op: "mergeDepartments", ids: across, into: across[0] }))));
    expect(buildScorecard(after)).toEqual(buildScorecard(fresh(after)));
  });
});
