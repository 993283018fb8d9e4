/**
 * The scenario schema's error messages: every union says what is wrong with the form the caller wrote, and an
 * unknown op names the ops there are. The decisions are in docs/scenarios.md ("Errors", "mergeDepartments").
 */
import { describe, expect, it } from "vitest";
import { applyScenario, exampleCounty, GovGraphError, MergedDepartment, Scenario, ScenarioOperation } from "../../src/index.js";

const OPS = "mergeDepartments, splitDepartment, transferFunction, removeFunction, addService, retireService, addChannel, digitizeService, reuseEvidence, closeServicePoint, setStaff";

/** The messages of every issue applyScenario reports for these operations. */
function problems(operations: unknown): string[] {
  try {
    applyScenario(exampleCounty, operations as never);
  } catch (error) {
    if (error instanceof GovGraphError) return error.issues.length > 0 ? error.issues.map((i) => `${i.pointer} ${i.message}`) : [error.message];
    throw error;
  }
  throw new Error("expected the operations to be refused");
}

describe("the op of an operation (a discriminated union)", () => {
  it("names the ops there are, and the nearest one to a misspelt op", () => {
    expect(problems([{ op: "mergeDepartment", ids: ["meteo", "agri"], into: "agri" }])).toEqual([
      `/0/op operation 0 has the unknown op "mergeDepartment" (did you mean "mergeDepartments"?). The ops are ${OPS}.`,
    ]);
    expect(problems([{ op: "digitiseService", serviceId: "apply-id-card" }])).toEqual([
      `/0/op operation 0 has the unknown op "digitiseService" (did you mean "digitizeService"?). The ops are ${OPS}.`,
    ]);
    expect(problems([{ op: "abolishEverything" }])).toEqual([`/0/op operation 0 has the unknown op "abolishEverything". The ops are ${OPS}.`]);
    expect(problems([{ serviceId: "apply-id-card" }])).toEqual([`/0/op operation 0 has no "op". The ops are ${OPS}.`]);
    expect(problems([{ op: 3 }])).toEqual([`/0/op operation 0 has "op" a number, not a string. The ops are ${OPS}.`]);
  });

  it("says when an operation or the scenario is not even an object or an array", () => {
    expect(problems([7])).toEqual([`/0 operation 0 must be an object with an "op" field, not a number.`]);
    expect(problems({ op: "retireService" })).toEqual([" the scenario must be an array of operations, not an object."]);
  });
});

describe("mergeDepartments' into (a department id or a new department record)", () => {
  it("reports the problem of the form written: a record's missing field, an empty id, another type", () => {
    expect(problems([{ op: "mergeDepartments", ids: ["meteo", "agri"], into: { id: "rural" } }])).toEqual([
      '/0/into/name operation 0 (mergeDepartments): "into.name" is required (a string).',
    ]);
    expect(problems([{ op: "mergeDepartments", ids: ["meteo", "agri"], into: "" }])).toEqual(['/0/into operation 0 (mergeDepartments): "into" must not be empty.']);
    expect(problems([{ op: "mergeDepartments", ids: ["meteo", "agri"], into: 7 }])).toEqual([
      '/0/into operation 0 (mergeDepartments): "into" must be a department id among "ids" (a string) or a new department record (an object), not a number.',
    ]);
  });

  it("gives a new department without regionId the region its merged departments share", () => {
    const { model, log } = applyScenario(exampleCounty, [{ op: "mergeDepartments", ids: ["meteo", "agri"], into: { id: "rural", name: "Rural affairs" } }]);
    expect(model.departments.find((d) => d.id === "rural")!.regionId).toBe("qingshui");
    expect(log[0]!.summary).toBe('merged "meteo", "agri" into "rural" (new)');
  });

  it("refuses a new department without regionId when the merged departments are in different regions, naming them", () => {
    expect(problems([{ op: "mergeDepartments", ids: ["baishi-gov", "chashan-gov"], into: { id: "two-towns", name: "Two towns" } }])).toEqual([
      'applyScenario: operation 0 (mergeDepartments) gives the new department "two-towns" no "regionId", and the merged departments are in 2 regions ("baishi", "chashan"). Add "regionId" to "into": one of those regions, or the region that holds them.',
    ]);
  });
});

describe("other unions inside operations", () => {
  it("an attribute value of a new record (string, number, boolean or null)", () => {
    const service = { ...exampleCounty.services[0]!, id: "new-service", attributes: { size: [1] } };
    expect(problems([{ op: "addService", service }])).toEqual([
      '/0/service/attributes/size operation 0 (addService): "service.attributes.size" must be a string, a number, a boolean or null, not an array.',
    ]);
  });

  it("an enum field and every missing field are named, all at once", () => {
    expect(problems([{ op: "addChannel", serviceId: "apply-id-card", channel: { kind: "fax" } }, { op: "addService", service: { id: "s" } }])).toEqual([
      '/0/channel/kind operation 0 (addChannel): "channel.kind" must be one of "in_person", "online", "phone", "mail", "mobile", "kiosk", "outreach".',
      '/1/service/name operation 1 (addService): "service.name" is required (a string).',
      '/1/service/departmentId operation 1 (addService): "service.departmentId" is required (a string).',
    ]);
  });
});

describe("the schemas themselves", () => {
  it("list every op, and let a merger's new record leave out regionId", () => {
    expect(ScenarioOperation.options.map((o) => o.shape.op.value).join(", ")).toBe(OPS);
    expect(MergedDepartment.safeParse({ id: "x", name: "X" }).success).toBe(true);
    expect(Scenario.safeParse([{ op: "mergeDepartments", ids: ["a", "b"], into: { id: "x", name: "X" } }]).success).toBe(true);
  });
});
