import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findDuplication, fromGcServiceInventory, GovGraphError, validateModel } from "../../src/index.js";

// Excerpt of the GC Service Inventory 2023-24. Contains information licensed under the Open Government Licence - Canada.
const excerpt = readFileSync(new URL("../fixtures/real/gc-si-excerpt.csv", import.meta.url), "utf8");

describe("fromGcServiceInventory", () => {
  it("refuses the excerpt in strict mode: the inventory repeats service SRV02975", () => {
    expect(() => fromGcServiceInventory(excerpt)).toThrow(GovGraphError);
    expect(() => fromGcServiceInventory(excerpt)).toThrow(/line 13: service "SRV02975" was already mapped from line 12/);
  });

  it("maps departments, programs, services, target groups, channels and volumes onto a valid model", () => {
    const { model, issues } = fromGcServiceInventory(excerpt, { strict: false });
    expect(validateModel(model).ok).toBe(true);
    expect(issues.map((i) => [i.path[0], i.code, i.severity])).toEqual([[13, "duplicate_id", "error"]]);
    expect(model.services).toHaveLength(11);
    const cra = model.services.find((s) => s.id === "service:1117")!;
    expect(cra).toMatchObject({ name: "Access to Information and Privacy", departmentId: "org:cra-arc", functionIds: ["program:ISS01"], segmentIds: ["target:PERSON"] });
    expect(model.departments.find((d) => d.id === "org:cra-arc")).toMatchObject({ name: "Canada Revenue Agency", regionId: "ca" });
    expect(model.segments.find((s) => s.id === "target:PERSON")!.name).toBe("Individuals");
    const acoa = model.services.find((s) => s.departmentId === "org:acoa-apeca")!;
    expect(acoa.functionIds.length).toBe(7);
    expect(model.functions.find((f) => f.id === "program:BED01")!.name).toBe("Inclusive Communities");
    for (const s of model.services) {
      for (const c of s.channels) expect(["online", "in_person", "phone", "mail"]).toContain(c.kind);
    }
  });

  it("finds the services departments run separately for the same program and audience", () => {
    const { model } = fromGcServiceInventory(excerpt, { strict: false });
    const services = findDuplication(model).duplication.filter((d) => d.kind === "service");
    expect(services.length).toBeGreaterThan(0);
    for (const s of services) expect(s.departmentIds.length).toBeGreaterThanOrEqual(2);
  });

  it("reports non-numeric volumes and empty required fields with their line numbers", () => {
    const [header] = excerpt.split("\n");
    const columns = header!.replace(/^\uFEFF/, "").split(",");
    const row = (values: Record<string, string>) => columns.map((c) => values[c] ?? "").join(",");
    const text = [header, row({ service_id: "A1", service_name_en: "One", owner_org: "x", num_applications_total: "many" }), row({ service_id: "A2", owner_org: "x" }), row({ service_id: "A3", service_name_en: "Three", owner_org: "x", num_applications_total: "NA" })].join("\n");
    const { model, issues } = fromGcServiceInventory(text, { strict: false });
    expect(issues.map((i) => [i.path[0], i.code])).toEqual([
      [2, "not_a_number"],
      [3, "missing_value"],
    ]);
    expect(model.services.map((s) => s.id)).toEqual(["service:A3"]);
  });
});
