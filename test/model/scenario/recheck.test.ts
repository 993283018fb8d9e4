import { describe, expect, it } from "vitest";
import { validateModel, type Model } from "../../../src/index.js";
import { recheck } from "../../../src/model/scenario/recheck.js";
import { model } from "./county.js";

/** The errors validation finds in a model, as `code pointer: message`. */
const validationErrors = (m: Model) =>
  validateModel(JSON.parse(JSON.stringify(m))).issues.filter((i) => i.severity === "error").map((i) => `${i.code} ${i.pointer}: ${i.message}`);

describe("re-checking a scenario's result", () => {
  it("words a dangling reference exactly as validation does, at the same place", () => {
    const ghost = { ...model.services[0]!, id: "s-ghost", departmentId: "d-nowhere", needIds: ["n-farm", "n-none"] };
    const next = { ...model, services: [...model.services, ghost] } as Model;
    const found = recheck(next, new Map([["services", [{ record: ghost }]]])).map((i) => `${i.code} ${i.pointer}: ${i.message}`);
    expect(found).toEqual(validationErrors(next));
    expect(found).toMatchInlineSnapshot(`
      [
        "unknown_reference /services/3/departmentId: Service "s-ghost" refers to department "d-nowhere" in departmentId, but there is no such department in departments. Add it to departments or fix the id.",
        "unknown_reference /services/3/needIds/1: Service "s-ghost" refers to need "n-none" in needIds[1], but there is no such need in needs. Add it to needs or fix the id.",
      ]
    `);
  });

  it("words a cycle of departments exactly as validation does, once per cycle", () => {
    const departments = model.departments.map((d) => (d.id === "d-gov" ? { ...d, parentId: "d-met" } : d)) as Model["departments"];
    const next = { ...model, departments } as Model;
    const edited = departments.filter((d) => d.id === "d-gov" || d.id === "d-met").map((record) => ({ record, base: { ...record, parentId: "x" } }));
    const found = recheck(next, new Map([["departments", edited]])).map((i) => `${i.code} ${i.pointer}: ${i.message}`);
    expect(found).toEqual(validationErrors(next));
    expect(found).toEqual([
      'cycle /departments/2/parentId: Departments form a cycle through parentId: "d-gov" -> "d-met" -> "d-gov". A department cannot supervise itself; remove one of these parentIds.',
    ]);
  });
});
