import { readFileSync } from "node:fs";
import { applyPatches } from "immer";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  applyScenario,
  canonicalize,
  compareModels,
  exampleCounty,
  findDuplication,
  GovGraphError,
  parseModel,
  validateModel,
  type Model,
  type ModelInput,
  type ScenarioOperationInput,
} from "../../src/index.js";
import { arbitraryModel } from "../arbitraries.js";

const input: ModelInput = {
  schemaVersion: 1,
  regions: [
    { id: "r-prov", name: "Province" },
    { id: "r-county", name: "County", parentId: "r-prov" },
    { id: "r-other", name: "Other county", parentId: "r-prov" },
  ],
  departments: [
    { id: "d-gov", name: "County government", regionId: "r-county" },
    { id: "d-met", name: "Meteorological Bureau", regionId: "r-county", parentId: "d-gov", staff: { actual: 12, authorized: 15 }, budget: 3 },
    { id: "d-agri", name: "Agriculture Bureau", regionId: "r-county", parentId: "d-gov", staff: { actual: 30, authorized: 30 }, budget: 10 },
    { id: "d-met-station", name: "Weather station", regionId: "r-county", parentId: "d-met" },
    { id: "d-edu", name: "Education Bureau", regionId: "r-other" },
  ],
  functions: [
    { id: "f-weather", name: "Agricultural weather service" },
    { id: "f-farm", name: "Farm subsidies" },
    { id: "f-school", name: "Schools" },
  ],
  assignments: [
    { departmentId: "d-met", functionId: "f-weather", role: "lead" },
    { departmentId: "d-agri", functionId: "f-weather", role: "lead" },
    { departmentId: "d-agri", functionId: "f-farm", role: "lead" },
    { departmentId: "d-met", functionId: "f-farm", role: "support" },
    { departmentId: "d-edu", functionId: "f-school" },
  ],
  evidence: [
    { id: "e-id", name: "Identity card", issuerId: "d-met" },
    { id: "e-land", name: "Land contract", issuerId: "d-agri" },
  ],
  services: [
    {
      id: "s-forecast", name: "Farm forecast", departmentId: "d-met", partnerIds: ["d-agri"], functionIds: ["f-weather"], needIds: ["n-farm"],
      channels: [{ kind: "in_person", visits: 1 }], evidence: [{ evidenceId: "e-id", source: "citizen" }],
    },
    {
      id: "s-subsidy", name: "Farm subsidy", departmentId: "d-agri", partnerIds: ["d-met", "d-edu"], functionIds: ["f-farm"], needIds: ["n-farm"],
      channels: [{ kind: "in_person" }, { kind: "online", endToEnd: false }],
      evidence: [{ evidenceId: "e-id", source: "citizen" }, { evidenceId: "e-land", source: "citizen" }],
    },
    { id: "s-school", name: "School enrolment", departmentId: "d-edu", functionIds: ["f-school"], channels: [{ kind: "online" }] },
  ],
  needs: [
    { id: "n-farm", name: "Farming", kind: "business_event", journey: [{ serviceId: "s-subsidy" }, { serviceId: "s-forecast", after: ["s-subsidy"] }] },
  ],
  servicePoints: [{ id: "p-hall", name: "Service hall", regionId: "r-county", serviceIds: ["s-forecast", "s-subsidy"] }],
  travelCosts: [{ regionId: "r-county", pointId: "p-hall", cost: 5 }],
};
const model = parseModel(input);
const dept = (m: Model, id: string) => m.departments.find((d) => d.id === id);
const service = (m: Model, id: string) => m.services.find((s) => s.id === id)!;

describe("applyScenario", () => {
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

  it("names the operation's index on an unknown id, lists every problem and applies nothing", () => {
    const before = JSON.stringify(model);
    const run = () =>
      applyScenario(model, [
        { op: "digitizeService", serviceId: "s-school" },
        { op: "retireService", serviceId: "s-nope" },
        { op: "mergeDepartments", ids: ["d-met", "d-ghost"], into: "d-met" },
      ]);
    expect(run).toThrow(GovGraphError);
    try {
      run();
    } catch (e) {
      const err = e as GovGraphError;
      expect(err.code).toBe("invalid_operation");
      expect(err.message).toBe(
        'applyScenario: operation 1 (retireService) names unknown service "s-nope" (and 1 more problem(s)). Check the ids against the model; nothing was applied.',
      );
      expect(err.issues.map((i) => i.pointer)).toEqual(["/1/serviceId", "/2/ids/1"]);
    }
    expect(JSON.stringify(model)).toBe(before);
  });

  it("refuses a malformed operation and an id used after it was merged away", () => {
    expect(() => applyScenario(model, [{ op: "mergeDepartments", ids: ["d-met"], into: "d-met" }])).toThrow(
      /operation 0 \(mergeDepartments\) is malformed at \/0\/ids/,
    );
    expect(() =>
      applyScenario(model, [
        { op: "mergeDepartments", ids: ["d-met", "d-agri"], into: "d-agri" },
        { op: "setStaff", departmentId: "d-met", actual: 1 },
      ]),
    ).toThrow(/operation 1 \(setStaff\) names unknown department "d-met"/);
    expect(() => applyScenario(model, [{ op: "transferFunction", functionId: "f-school", from: "d-met", to: "d-agri" }])).toThrow(
      /operation 0 \(transferFunction\) transfers "f-school" from "d-met", which does not hold it/,
    );
  });

  it("returns patches both ways: the inverse restores the input exactly", () => {
    const ops: ScenarioOperationInput[] = [
      { op: "mergeDepartments", ids: ["d-met", "d-agri"], into: "d-agri" },
      { op: "digitizeService", serviceId: "s-forecast" },
      { op: "closeServicePoint", pointId: "p-hall" },
    ];
    const result = applyScenario(model, ops);
    expect(applyPatches(result.model, result.inversePatches)).toEqual(model);
    expect(applyPatches(model, result.patches)).toEqual(result.model);
    expect(Object.isFrozen(result.model.services)).toBe(true);
  });

  it("keeps random scenarios valid, canonical and exactly undoable", () => {
    const scenario = (m: Model) =>
      fc.gen().map((g) => {
        const pick = <T>(items: readonly T[]): T => items[g(fc.nat, items.length - 1)]!;
        const ops: ScenarioOperationInput[] = [];
        const depts = m.departments.map((d) => d.id as string);
        for (let k = g(fc.integer, { min: 1, max: 4 }); k > 0; k--) {
          const kind = g(fc.nat, 6);
          if (kind === 0 && m.services.length) ops.push({ op: "digitizeService", serviceId: pick(m.services).id });
          else if (kind === 1 && m.services.length) ops.push({ op: "retireService", serviceId: pick(m.services).id });
          else if (kind === 2 && m.evidence.length) ops.push({ op: "reuseEvidence", evidenceId: pick(m.evidence).id });
          else if (kind === 3) ops.push({ op: "setStaff", departmentId: pick(depts), actual: g(fc.nat, 50) });
          else if (kind === 4 && m.assignments.length && depts.length > 1) {
            const a = pick(m.assignments);
            ops.push({ op: "transferFunction", functionId: a.functionId, from: a.departmentId, to: pick(depts.filter((d) => d !== a.departmentId)) });
            break;
          } else if (kind === 5 && depts.length > 1) {
            const ids = g(fc.shuffledSubarray<string>, depts, { minLength: 2, maxLength: Math.min(3, depts.length) });
            ops.push({ op: "mergeDepartments", ids, into: pick(ids) });
            break;
          } else if (kind === 6 && m.servicePoints.length) {
            ops.push({ op: "closeServicePoint", pointId: pick(m.servicePoints).id });
            break;
          }
        }
        return ops;
      });
    fc.assert(
      fc.property(
        arbitraryModel().chain((i) => {
          const m = parseModel(i);
          return scenario(m).map((ops) => [m, ops] as const);
        }),
        ([m, ops]) => {
          const result = applyScenario(m, ops);
          expect(validateModel(JSON.parse(JSON.stringify(result.model))).issues.filter((i) => i.severity === "error")).toEqual([]);
          expect(canonicalize(result.model)).toEqual(result.model);
          expect(applyPatches(result.model, result.inversePatches)).toEqual(m);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("docs/scenarios.md", () => {
  const doc = readFileSync(new URL("../../docs/scenarios.md", import.meta.url), "utf8");
  const jsonBlocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as ScenarioOperationInput[]);
  const outputs = [...doc.matchAll(/```\n\$ govgraph scenario [^\n]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const reuse: ScenarioOperationInput[] = exampleCounty.evidence.filter((e) => e.issuerId !== undefined).map((e) => ({ op: "reuseEvidence", evidenceId: e.id }));
  const fmt = (x: number | null) => (x === null ? "–" : Number.isInteger(x) ? String(x) : x.toFixed(3));

  it("quotes the scorecard rows the cookbook's scenarios really print", () => {
    const scenarios = [jsonBlocks[0]!, jsonBlocks[1]!, reuse];
    expect(outputs).toHaveLength(3);
    scenarios.forEach((ops, k) => {
      const report = compareModels(exampleCounty, applyScenario(exampleCounty, ops).model);
      const rows: [string, { before: number | null; after: number | null }][] = [
        ...Object.entries(report.scorecard.pillars),
        ["composite", report.scorecard.composite],
      ];
      let checked = 0;
      for (const [name, d] of rows) {
        const line = outputs[k]!.split("\n").find((l) => l.startsWith(name + " "));
        if (!line) continue;
        expect(line.trim().split(/\s+/).slice(1, 3)).toEqual([fmt(d.before), fmt(d.after)]);
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(2);
    });
  });
});
