import { describe, expect, it } from "vitest";
import { analyzeDuplication } from "../../src/analyses/duplication/find-duplication.js";
import { HUB_SIZE } from "../../src/analyses/duplication/holder-lists.js";
import { pointSites } from "../../src/analyses/coverage/sites.js";
import { findDuplication, indexModel, parseModel, scoreCoverage, scorecard, suggestConsolidation, type CoverageReport, type ModelInput } from "../../src/index.js";
import { build, chainInput, colocatedInput, holdersInput } from "./cliff-models.js";

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(7, "0")}`);

describe("many departments leading one function in one region", () => {
  const n = 3 * HUB_SIZE;
  const model = build(holdersInput(n));

  it("reports the holders once, in one finding per kind, and compares each with the hub's first department only", () => {
    const analysis = analyzeDuplication(model, {}, true);
    const { duplication, overlap, overlapHubs, summary } = analysis.report;
    expect(duplication.map((x) => [x.kind, x.scope, x.departmentIds.length])).toEqual([
      ["function", "horizontal", n],
      ["service", "horizontal", n],
    ]);
    expect(duplication[0]!.departmentIds).toEqual(ids("d", n));
    expect(overlapHubs).toEqual([
      { kind: "function", id: "f", regionId: "r", departments: n },
      { kind: "function", id: "g", regionId: "r", departments: n },
      { kind: "need", id: "n", regionId: "r", departments: n },
    ]);
    // Every pair duplicates f, so none is mere overlap; the candidates are the n - 1 pairs with the first holder.
    expect(overlap).toEqual([]);
    expect(analysis.pairs!.count).toBe(n - 1);
    expect([...analysis.pairs!.a].every((a) => a === 0)).toBe(true);
    expect(analysis.pairs!.duplicate.every((x) => x === 1)).toBe(true);
    expect(summary).toMatchObject({ duplicatedFunctions: 1, duplicatedServices: n, duplication: 2, overlap: 0 });
  });

  it("scores the pairs with the first holder exactly, hub items included", () => {
    const input = holdersInput(n);
    // Support roles only: nobody duplicates anybody, and every two departments hold the same {g, h}.
    const assignments = input.assignments!.filter((a) => a.functionId === "g").concat(ids("d", n).map((departmentId) => ({ departmentId, functionId: "h", role: "support" as const })));
    const report = findDuplication(parseModel({ ...input, functions: [...input.functions!, { id: "h", name: "Hearings" }], assignments, services: [] }));
    expect(report.overlap).toHaveLength(n - 1);
    expect(report.overlap[0]).toEqual({ departmentIds: ["d0000000", "d0000001"], score: 1, basis: "functions", shared: ["g", "h"] });
    expect(report.overlapHubs!.map((h) => h.id)).toEqual(["g", "h"]);
  });

  it("leaves a model below the hub size as it was: every pair compared, no hubs listed", () => {
    const small = HUB_SIZE - 1;
    const analysis = analyzeDuplication(build(holdersInput(small)), {}, true);
    expect(analysis.report.overlapHubs).toBeUndefined();
    expect(analysis.pairs!.count).toBe((small * (small - 1)) / 2);
  });

  it("suggests merging all of them, removing the duplicated function, from a graph of n - 1 links", () => {
    const { clusters, summary } = suggestConsolidation(model);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ departmentIds: ids("d", n), regionIds: ["r"], removesDuplication: ["f"], links: n - 1 });
    expect(summary).toMatchObject({ linked: n, clusters: 1 });
  });
});

describe("many unrelated small departments in one region", () => {
  it("folds each into the region's largest department, and the largest into the next largest", () => {
    const n = 3 * HUB_SIZE;
    const departments = ids("d", n).map((id) => ({ id, name: id, regionId: "r" }));
    const functions = ids("f", n + 2).map((id) => ({ id, name: id }));
    // d0000000 holds one function; d0000002 and d0000007 hold three each (the first of them is the largest).
    const held = (d: number) => (d === 2 ? [n, n + 1, 2] : d === 7 ? [n, n + 1, 7] : [d]);
    const assignments = departments.flatMap((d, i) => held(i).map((f) => ({ departmentId: d.id, functionId: functions[f]!.id, role: "support" as const })));
    const model = parseModel({ schemaVersion: 1, regions: [{ id: "r", name: "Region" }], departments, functions, assignments });
    const { smallDepartments } = suggestConsolidation(model, { overlapThreshold: 1 });
    const into = new Map<string, [string, string]>(smallDepartments.map((x) => [x.departmentId, [x.into, x.reason]]));
    expect(into.get("d0000000")).toEqual(["d0000002", "same_region"]);
    expect(into.get("d0000002")).toEqual(["d0000007", "highest_overlap"]);
    expect(into.get(`d0000${n - 1}`)).toEqual(["d0000002", "same_region"]);
    expect(smallDepartments).toHaveLength(n);
  });
});

describe("a very deep region chain", () => {
  const size = 20_000;
  const chain = build(chainInput(size, "chain"));
  const flat = build(chainInput(size, "flat"));

  it("finds the vertical duplication across the whole chain, and the overlap of every pair on it", () => {
    const report = findDuplication(chain, { include: ["fragmentation", "duplication", "overlap"] });
    const last = size - 1;
    expect(report.duplication).toEqual([
      { kind: "function", id: "shared", departmentIds: ["d0000000", `d00${last}`], scope: "vertical", regionIds: ["r0000000", `r00${last}`] },
    ]);
    // Departments 0, 1000, 2000... meet the need n: on a chain every two of them overlap; on the flat model only the root's pairs.
    const meeting = size / 1000;
    expect(report.overlap).toHaveLength((meeting * (meeting - 1)) / 2);
    expect(findDuplication(flat, { include: ["overlap"] }).overlap).toHaveLength(meeting - 1);
    expect(report.fragmentation.filter((x) => x.kind === "need").map((x) => x.departmentIds.length)).toEqual(Array.from({ length: meeting - 1 }, (_, i) => i + 2));
  });

  it("never walks up the region tree: the same answer with the parent links erased from the index", () => {
    const model = build(chainInput(2000, "chain"));
    const expected = findDuplication(model, { include: ["fragmentation", "duplication", "overlap"] });
    const again = build(chainInput(2000, "chain"));
    // Ancestors come from pre-order ranks and constant-time tests; a walk over parents would now stop at once.
    indexModel(again).regionTree.parent.fill(-1);
    const analysis = analyzeDuplication(again, { include: ["fragmentation", "duplication", "overlap"] });
    expect(analysis.index).toBe(indexModel(again)); // the analysis ran on the erased index
    expect(analysis.report).toEqual(expected);
  });

  it("runs the index, consolidation, coverage and the scorecard without a stack overflow", () => {
    const index = indexModel(chain);
    expect(index.regionTree.depth[size - 1]).toBe(size - 1);
    expect(index.regionTree.isAncestorOrSelf(0, size - 1)).toBe(true);
    expect(suggestConsolidation(chain).clusters[0]!.removesDuplication).toEqual(["shared"]);
    expect(scoreCoverage(chain).demand).toBe(10); // the need spreads over the one leaf, population 10
    expect(scorecard(chain).pillars).toHaveLength(5);
  });
});

describe("many regions and service points at one location", () => {
  const input = colocatedInput(300, 500);
  // The same points a hair apart (about 0.1 mm): no two share a location, so nothing is merged.
  const apart: ModelInput = { ...input, servicePoints: input.servicePoints!.map((p, i) => ({ ...p, location: { lat: 10 + i * 1e-9, lon: 20 } })) };

  it("stands all the points for one site, except a point with travel costs of its own", () => {
    const model = build({ ...input, travelCosts: [{ regionId: "r0000002", pointId: "p0000003", cost: 5 }] });
    const sites = pointSites(model, indexModel(model));
    expect(Array.from(sites.standing)).toEqual([0, 3]);
    expect(sites.points[0]).toBe(499);
    expect(pointSites(build(apart), indexModel(build(apart))).merged).toBe(false);
  });

  it.each(["2sfca", "e2sfca", "3sfca", "gravity"] as const)("gives the same report with %s as with the points apart", (method) => {
    const together = scoreCoverage(build(input), { method });
    const separate = scoreCoverage(build(apart), { method });
    expectClose(together, separate);
    expect(together.capacity.value).toBeLessThan(1);
  });
});

function expectClose(a: CoverageReport, b: CoverageReport): void {
  const numbers = (r: CoverageReport) => [r.reach.value ?? NaN, r.capacity.value ?? NaN, r.gini ?? NaN, ...r.byRegion.flatMap((x) => [x.demand, x.reach, x.capacity]), ...r.byDepartment.map((x) => x.capacity)];
  expect(a.gaps).toEqual(b.gaps);
  const x = numbers(a);
  const y = numbers(b);
  expect(x.length).toBe(y.length);
  x.forEach((v, i) => expect(v).toBeCloseTo(y[i]!, 9));
}
