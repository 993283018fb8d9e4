import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyScenario, findDuplication, parseModel, type ScenarioOperationInput } from "../../../src/index.js";
import { arbitraryModel } from "../../arbitraries.js";
import { dept, model, service } from "./county.js";

describe("scenario operations", () => {
  it("merges the meteorological bureau into agriculture: assignments, services, partners, evidence, children, staff", () => {
    const { model: after, log } = applyScenario(model, [{ op: "mergeDepartments", ids: ["d-met", "d-agri"], into: "d-agri" }]);
    expect(dept(after, "d-met")).toBeUndefined();
    // One assignment per function; agriculture already led f-weather and f-farm, so both of d-met's join them.
    expect(after.assignments.map((a) => `${a.departmentId}:${a.functionId}:${a.role}`)).toEqual([
      "d-agri:f-farm:lead",
      "d-agri:f-weather:lead",
      "d-edu:f-school:lead",
    ]);
    expect(service(after, "s-forecast")).toMatchObject({ departmentId: "d-agri", partnerIds: [] });
    expect(service(after, "s-subsidy").partnerIds).toEqual(["d-edu"]);
    expect(after.evidence.find((e) => e.id === "e-id")!.issuerId).toBe("d-agri");
    expect(dept(after, "d-met-station")!.parentId).toBe("d-agri");
    expect(dept(after, "d-agri")).toMatchObject({ staff: { actual: 42, authorized: 45 }, budget: 13, parentId: "d-gov" });
    expect(log).toMatchInlineSnapshot(`
      [
        {
          "details": {
            "assignments": 0,
            "children": 1,
            "evidence": 1,
            "into": "d-agri",
            "joinedAssignments": 2,
            "merged": [
              "d-met",
            ],
            "partnerships": 1,
            "points": 1,
            "services": 1,
            "staff": {
              "actual": 42,
              "authorized": 45,
            },
          },
          "index": 0,
          "op": "mergeDepartments",
          "summary": "merged "d-met" into "d-agri"",
        },
      ]
    `);
  });

  it("removes the duplication finding of a function both merged departments led", () => {
    const before = findDuplication(model).duplication.filter((d) => d.kind === "function" && d.id === "f-weather");
    expect(before).toHaveLength(1);
    const after = applyScenario(model, [{ op: "mergeDepartments", ids: ["d-agri", "d-met"], into: "d-met" }]).model;
    expect(findDuplication(after).duplication.filter((d) => d.kind === "function" && d.id === "f-weather")).toEqual([]);
  });

  it("removes every function-duplication finding it merges, on random models", () => {
    fc.assert(
      fc.property(arbitraryModel({ maxRegions: 3, maxDepartments: 5, maxFunctions: 3 }), (input) => {
        const m = parseModel(input);
        const findings = findDuplication(m).duplication.filter((d) => d.kind === "function");
        for (const f of findings) {
          const ids = f.departmentIds as string[];
          const after = applyScenario(m, [{ op: "mergeDepartments", ids, into: ids[0]! }]).model;
          const left = findDuplication(after).duplication.filter((d) => d.kind === "function" && d.id === f.id);
          // The survivor now holds the function once; no finding for it names two of the merged departments.
          for (const d of left) expect(d.departmentIds.filter((x) => ids.includes(x)).length).toBeLessThanOrEqual(1);
          expect(left.length).toBeLessThanOrEqual(findings.filter((d) => d.id === f.id).length);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("merges into a new department and re-parents a survivor that reported to a merged one", () => {
    const fresh = applyScenario(model, [
      { op: "mergeDepartments", ids: ["d-met", "d-agri"], into: { id: "d-rural", name: "Rural Affairs Bureau", regionId: "r-county", parentId: "d-gov" } },
    ]).model;
    expect(fresh.departments.map((d) => d.id)).toEqual(["d-edu", "d-gov", "d-met-station", "d-rural"]);
    expect(dept(fresh, "d-rural")!.staff).toEqual({ actual: 42, authorized: 45 });
    // The government absorbs the agriculture bureau under it: it keeps its place at the top (no parent, no cycle).
    const up = applyScenario(model, [{ op: "mergeDepartments", ids: ["d-gov", "d-agri"], into: "d-agri" }]).model;
    expect(dept(up, "d-agri")!.parentId).toBeUndefined();
    expect(dept(up, "d-met")!.parentId).toBe("d-agri");
  });

  it("transfers a function with its services, keeping the area they served", () => {
    const { model: after, log } = applyScenario(model, [{ op: "transferFunction", functionId: "f-weather", from: "d-met", to: "d-edu" }]);
    expect(after.assignments.some((a) => a.departmentId === "d-met" && a.functionId === "f-weather")).toBe(false);
    expect(after.assignments.find((a) => a.departmentId === "d-edu" && a.functionId === "f-weather")!.role).toBe("lead");
    // d-edu's jurisdiction is another county: the forecast keeps serving r-county.
    expect(service(after, "s-forecast")).toMatchObject({ departmentId: "d-edu", regionIds: ["r-county"] });
    expect(log[0]!.details).toEqual({ functionId: "f-weather", from: "d-met", to: "d-edu", role: "lead", joined: false, services: 1 });
  });

  it("applies the everyday operations in order, ids added earlier included", () => {
    const ops: ScenarioOperationInput[] = [
      { op: "removeFunction", functionId: "f-farm" },
      { op: "digitizeService", serviceId: "s-subsidy" },
      { op: "reuseEvidence", evidenceId: "e-id" },
      { op: "closeServicePoint", pointId: "p-hall" },
      { op: "setStaff", departmentId: "d-met", actual: 8 },
      { op: "addService", service: { id: "s-alert", name: "Frost alerts", departmentId: "d-met", functionIds: ["f-weather"] } },
      { op: "addChannel", serviceId: "s-alert", channel: { kind: "mobile", endToEnd: true } },
      { op: "retireService", serviceId: "s-school" },
      {
        op: "splitDepartment",
        id: "d-agri",
        into: [{ department: { id: "d-land", name: "Land Bureau", regionId: "r-county", staff: { actual: 10 } }, evidenceIds: ["e-land"] }],
      },
    ];
    const { model: after, log } = applyScenario(model, ops);
    expect(after.functions.map((f) => f.id)).toEqual(["f-school", "f-weather"]);
    expect(after.assignments.some((a) => a.functionId === "f-farm")).toBe(false);
    expect(service(after, "s-subsidy").functionIds).toEqual([]);
    expect(service(after, "s-subsidy").channels).toEqual([{ kind: "in_person" }, { kind: "online", endToEnd: true, visits: 0 }]);
    expect(after.services.flatMap((s) => s.evidence ?? []).filter((e) => e.evidenceId === "e-id").map((e) => e.source)).toEqual(["reused", "reused"]);
    expect(after.servicePoints).toEqual([]);
    expect(after.travelCosts).toEqual([]);
    expect(dept(after, "d-met")!.staff).toEqual({ actual: 8, authorized: 15 });
    expect(service(after, "s-alert").channels).toEqual([{ kind: "mobile", endToEnd: true }]);
    expect(service(after, "s-school").status).toBe("retired");
    expect(dept(after, "d-agri")!.staff).toEqual({ actual: 20, authorized: 30 });
    expect(after.evidence.find((e) => e.id === "e-land")!.issuerId).toBe("d-land");
    expect(after.services.map((s) => s.id)).toEqual(["s-alert", "s-forecast", "s-school", "s-subsidy"]);
    expect(log.map((l) => l.summary)).toEqual([
      'removed function "f-farm"',
      'made "s-subsidy" available online end to end',
      'made "e-id" reusable in 2 service(s)',
      'closed service point "p-hall"',
      'set the staff of "d-met"',
      'added service "s-alert"',
      'added the mobile channel of "s-alert"',
      'retired service "s-school"',
      'split "d-land" off "d-agri"',
    ]);
  });

});
