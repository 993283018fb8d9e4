import { describe, expect, it } from "vitest";
import { addRecord, applyScenario, GovGraphError, type CollectionName, type Model, type ScenarioOperationInput } from "../../../src/index.js";
import { forEachReferenceOf, referencePath, referencesFrom } from "../../../src/model/records.js";
import { model } from "./county.js";

/** The pointers of the issues the scenario is refused with (none when it applies). */
function refusedAt(m: Model, ops: ScenarioOperationInput[]): string[] {
  try {
    applyScenario(m, ops);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(GovGraphError);
    expect((error as GovGraphError).code).toBe("invalid_operation");
    return (error as GovGraphError).issues.map((i) => i.pointer);
  }
}

/** The record with the id at `path` replaced by "ghost". */
function withGhost(record: object, path: readonly (string | number)[]): object {
  const copy = structuredClone(record) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = "ghost";
  return copy;
}

/**
 * For every reference field the table lists for `collection`, every id of `record` in it: replaced by an unknown id,
 * the operation built by `op` is refused at exactly that place. A field of the table that `record` does not fill fails.
 */
function everyReferenceChecked(collection: CollectionName, record: object, op: (record: object) => ScenarioOperationInput, at: string): void {
  const base = addRecord(model, "segments", { id: "farmers", name: "Farmers" });
  for (const ref of referencesFrom(collection)) {
    const paths: (string | number)[][] = [];
    forEachReferenceOf(ref, record, (_id, i, j) => paths.push(referencePath(ref, i, j)));
    expect(paths.length, `the test record fills ${collection}.${ref.name}`).toBeGreaterThan(0);
    for (const path of paths) expect(refusedAt(base, [op(withGhost(record, path))]), ref.name).toEqual([`${at}/${path.join("/")}`]);
  }
  expect(refusedAt(base, [op(record)])).toEqual([]);
}

describe("checking a scenario's ids", () => {
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
      /^applyScenario: operation 0 \(mergeDepartments\): "ids" must have at least 2 item/,
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


  it("checks every reference field of a new service, as the reference table lists them", () => {
    const service = {
      id: "s-new", name: "New service", departmentId: "d-met", partnerIds: ["d-agri"], functionIds: ["f-weather"], needIds: ["n-farm"],
      segmentIds: ["farmers"], regionIds: ["r-county"], evidence: [{ evidenceId: "e-id", source: "citizen" }], channels: [{ kind: "online" }],
    };
    everyReferenceChecked("services", service, (s) => ({ op: "addService", service: s }) as ScenarioOperationInput, "/0/service");
  });

  it("checks every reference field of a new department, merged into or split off", () => {
    const department = { id: "d-new", name: "New bureau", regionId: "r-county", parentId: "d-gov" };
    everyReferenceChecked("departments", department, (d) => ({ op: "mergeDepartments", ids: ["d-met", "d-agri"], into: d }) as ScenarioOperationInput, "/0/into");
    const split = (d: object) => ({ op: "splitDepartment", id: "d-agri", into: [{ department: d }] }) as ScenarioOperationInput;
    everyReferenceChecked("departments", department, split, "/0/into/0/department");
  });
});
