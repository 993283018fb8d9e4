// Whole-file checks on the real inventories under ../shared/data (run by `npm run test:real` when that folder exists).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDuplication, fromFederalProgramInventory, fromGcServiceInventory, validateModel } from "../../src/index.js";

const data = join(import.meta.dirname, "..", "..", "..", "shared", "data");

describe("US Federal Program Inventory FY2024 (us-fpi/programs.csv)", () => {
  const text = readFileSync(join(data, "us-fpi", "programs.csv"), "utf8");
  const { model, issues } = fromFederalProgramInventory(text, { strict: false });

  it("maps every program: 2,682 programs of 56 agencies and 138 sub-agencies, 193 categories, 68 beneficiary types", () => {
    expect(validateModel(model).ok).toBe(true);
    expect(model.services).toHaveLength(2682);
    expect(model.departments.filter((d) => d.kind === "agency")).toHaveLength(56);
    expect(model.departments.filter((d) => d.kind === "sub_agency")).toHaveLength(138);
    expect(model.functions).toHaveLength(193);
    expect(model.segments).toHaveLength(68);
    // Nothing is dropped; the 120 negative obligations are mapped and reported as warnings with their lines.
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(issues).toHaveLength(120);
    expect(issues.every((i) => i.code === "negative_amount" && typeof i.path[0] === "number")).toBe(true);
    expect(() => fromFederalProgramInventory(text)).not.toThrow();
  });

  it("finds the same sub-category served by up to 29 agencies", () => {
    const agencies = fromFederalProgramInventory(text, { strict: false, departments: "agency" }).model;
    const report = findDuplication(agencies, { include: ["fragmentation"] });
    const widest = Math.max(...report.fragmentation.map((f) => f.departmentIds.length));
    expect(widest).toBe(29);
    expect(report.fragmentation.find((f) => f.departmentIds.length === 29)!.id).toBe("category:education-higher-education-general");
    expect(report.summary.fragmentedFunctions).toBe(175);
  });
});

describe("GC Service Inventory 2023-24 (canada-gc-si/si_2024.csv)", () => {
  const text = readFileSync(join(data, "canada-gc-si", "si_2024.csv"), "utf8");

  it("maps 1,751 of the 1,752 rows and reports the repeated service id with its line, in strict mode too", () => {
    expect(() => fromGcServiceInventory(text)).toThrow(/line 3549: service "SRV02975" was already mapped from line 3440/);
    const { model, issues } = fromGcServiceInventory(text, { strict: false });
    expect(validateModel(model).ok).toBe(true);
    expect(model.services).toHaveLength(1751);
    expect(model.departments).toHaveLength(79);
    expect(model.functions).toHaveLength(562);
    expect(model.segments).toHaveLength(6);
    expect(issues.map((i) => [i.path[0], i.code, i.severity])).toEqual([
      [2618, "list_mismatch", "warning"],
      [3549, "duplicate_id", "error"],
    ]);
    // Every row is mapped or reported: 1,751 services + 1 error = 1,752 rows.
    expect(model.services.length + issues.filter((i) => i.severity === "error").length).toBe(1752);
  });

  it("finds internal services that departments each run separately", () => {
    const report = findDuplication(fromGcServiceInventory(text, { strict: false }).model);
    const communications = report.duplication.find((d) => d.kind === "function" && d.id === "program:ISS02");
    expect(communications?.departmentIds.length).toBe(21);
    expect(report.summary.duplicatedServices).toBeGreaterThan(50);
  });
});
