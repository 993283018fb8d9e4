import { describe, expect, expectTypeOf, it } from "vitest";
import { addRecord, applyScenario, exampleCounty, removeRecord, updateRecord, type Model, type ScenarioOperationInput } from "../../src/index.js";

// `npm run typecheck` compiles this file: each `@ts-expect-error` line must fail to compile, or the check fails.
describe("the types of scenario operations", () => {
  it("accept plain strings where an id is an input, and every op by name", () => {
    const ops: ScenarioOperationInput[] = [
      { op: "mergeDepartments", ids: ["meteo", "agri"], into: "agri" },
      { op: "mergeDepartments", ids: ["drc", "stats"], into: { id: "drc-new", name: "Development and statistics" } },
      { op: "digitizeService", serviceId: "apply-id-card" },
      { op: "setStaff", departmentId: "agri", actual: 40 },
    ];
    expect(applyScenario(exampleCounty, ops).log).toHaveLength(4);
    expectTypeOf<Extract<ScenarioOperationInput, { op: "digitizeService" }>["serviceId"]>().toEqualTypeOf<string>();
    expectTypeOf(applyScenario).parameter(1).toEqualTypeOf<readonly ScenarioOperationInput[]>();
    expectTypeOf(applyScenario(exampleCounty, []).model).toEqualTypeOf<Model>();
  });

  it("let the edit functions take plain strings for ids and keys too", () => {
    const added = addRecord(exampleCounty, "segments", { id: "pensioners", name: "Pensioners" });
    const updated = updateRecord(added, "assignments", { departmentId: "meteo", functionId: exampleCounty.assignments.find((a) => a.departmentId === "meteo")!.functionId }, { role: "support" });
    expect(removeRecord(updated, "segments", "pensioners").segments).toHaveLength(exampleCounty.segments.length);
  });

  it("refuse a misspelt op, a missing field and a wrong field type at compile time", () => {
    // @ts-expect-error: "digitiseService" is not an op (the op is digitizeService)
    const misspelt: ScenarioOperationInput = { op: "digitiseService", serviceId: "apply-id-card" };
    // @ts-expect-error: mergeDepartments needs ids
    const missing: ScenarioOperationInput = { op: "mergeDepartments", into: "agri" };
    // @ts-expect-error: a service id is a string, not a number
    const wrongType: ScenarioOperationInput = { op: "retireService", serviceId: 7 };
    // At run time the same operations are refused with a GovGraphError naming the problem.
    for (const op of [misspelt, missing, wrongType]) expect(() => applyScenario(exampleCounty, [op])).toThrow(/^applyScenario: operation 0/);
  });
});
