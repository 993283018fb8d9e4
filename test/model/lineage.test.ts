import { describe, expect, it } from "vitest";
import { baseOf, collectionDiff, sameFields } from "../../src/model/lineage.js";
import { addRecord, applyScenario, exampleCounty, removeRecord, updateRecord, validateModel } from "../../src/index.js";

describe("lineage of edited models", () => {
  const merged = applyScenario(exampleCounty, [{ op: "mergeDepartments", ids: ["meteo", "agri"], into: "agri" }]).model;

  it("links a scenario's or an edit's result to its validated base, and nothing else", () => {
    expect(baseOf(merged)).toBe(exampleCounty);
    const renamed = updateRecord(merged, "departments", "agri", { name: "Agriculture and Weather" });
    expect(baseOf(renamed)).toBe(merged);
    expect(baseOf(exampleCounty)).toBeUndefined();
    expect(baseOf(validateModel(structuredClone(merged)).model!)).toBeUndefined();
  });

  it("diffs a collection by record identity: kept, edited, added and removed positions", () => {
    const departments = collectionDiff(merged, exampleCounty, "departments");
    const ids = (list: readonly number[], m = merged) => list.map((p) => m.departments[p]!.id);
    const baseIds = (list: readonly number[]) => list.map((p) => exampleCounty.departments[p]!.id);
    expect(departments.inPlace).toBe(false);
    expect(ids(departments.changed)).toEqual(["agri"]); // staff and budget added up
    expect(baseIds(departments.dropped)).toEqual(["agri", "meteo"]);
    expect(departments.to[exampleCounty.departments.findIndex((d) => d.id === "meteo")]).toBe(-1);
    departments.from.forEach((b, p) => expect(exampleCounty.departments[b]!.id).toBe(merged.departments[p]!.id));
    const services = collectionDiff(merged, exampleCounty, "services");
    expect(services.inPlace).toBe(true);
    expect(services.changed.map((p) => merged.services[p]!.departmentId)).toEqual(services.changed.map(() => "agri"));
    const added = addRecord(merged, "segments", { id: "aa-first", name: "First" });
    const segments = collectionDiff(added, merged, "segments");
    expect(segments.changed).toEqual([0]);
    expect(segments.dropped).toEqual([]);
    expect([...segments.from]).toEqual([-1, ...merged.segments.map((_, i) => i)]);
    const removed = collectionDiff(removeRecord(added, "segments", "aa-first"), added, "segments");
    expect(removed.dropped).toEqual([0]);
    expect(removed.changed).toEqual([]);
  });

  it("tells whether records edited in place kept the fields an analysis reads", () => {
    expect(sameFields(merged, exampleCounty, "services", ["status", "channels", "quality"])).toBe(true);
    expect(sameFields(merged, exampleCounty, "services", ["departmentId"])).toBe(false);
    expect(sameFields(merged, exampleCounty, "departments", ["name"])).toBe(false); // a department removed
    const service = merged.services.find((s) => s.departmentId === "agri")!;
    const edited = updateRecord(merged, "services", service.id, { channels: structuredClone(service.channels) as typeof service.channels });
    expect(sameFields(edited, merged, "services", ["channels"])).toBe(true); // equal as JSON, another object
  });
});
