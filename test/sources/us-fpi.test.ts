import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findDuplication, fromFederalProgramInventory, GovGraphError, validateModel } from "../../src/index.js";

// Excerpt of the US Federal Program Inventory FY2024 (public domain): see test/fixtures/real/README.md.
const excerpt = readFileSync(new URL("../fixtures/real/us-fpi-excerpt.csv", import.meta.url), "utf8");

describe("fromFederalProgramInventory", () => {
  it("maps agencies, sub-agencies, categories, programs and beneficiary types onto a valid model", () => {
    const { model, issues } = fromFederalProgramInventory(excerpt);
    expect(validateModel(model).ok).toBe(true);
    expect(model.regions).toEqual([{ id: "us", name: "United States", level: "nation" }]);
    expect(model.services).toHaveLength(10);
    const usda = model.departments.find((d) => d.id === "agency:department-of-agriculture");
    expect(usda).toMatchObject({ name: "Department of Agriculture", kind: "agency" });
    const nifa = model.departments.find((d) => d.name === "National Institute of Food and Agriculture");
    expect(nifa).toMatchObject({ parentId: "agency:department-of-agriculture", regionId: "us" });
    const program = model.services.find((s) => s.id === "program:10.613")!;
    expect(program).toMatchObject({
      departmentId: "agency:department-of-agriculture/foreign-agricultural-service",
      functionIds: ["category:education-higher-education-general", "category:science-and-technology-research-general"],
      annualVolume: 912204.72,
    });
    expect(model.services.find((s) => s.id === "program:10.047")!.functionIds).toEqual([]);
    expect(model.functions.find((f) => f.id === "category:education-higher-education-general")).toMatchObject({
      name: "Education - Higher Education - General",
      keywords: ["Education", "Higher Education", "General"],
    });
    // Authorizations are kept on the program, with HTML entities decoded.
    expect(JSON.stringify(model.services.map((s) => s.attributes?.authorizations))).not.toContain("&sect;");
    // A negative obligation (a net de-obligation) is kept as an attribute and reported, not used as volume.
    expect(issues).toEqual([
      expect.objectContaining({ code: "negative_amount", severity: "warning", path: [3, "obligations_2024_usd"] }),
    ]);
    expect(model.services.find((s) => s.id === "program:10.072")!.annualVolume).toBeUndefined();
  });

  it("gives the whole excerpt to findDuplication: sub-agencies sharing higher-education grants", () => {
    const { model } = fromFederalProgramInventory(excerpt);
    const report = findDuplication(model);
    const higherEd = report.fragmentation.find((f) => f.id === "category:education-higher-education-general")!;
    expect(higherEd.departmentIds.length).toBeGreaterThanOrEqual(2);
    expect(higherEd.effectiveNumber).toBeGreaterThan(1);
  });

  it("reports malformed rows with their line numbers; strict throws, { strict: false } maps the rest", () => {
    const lines = excerpt.split("\n");
    const header = lines[0]!;
    const bad = [
      header,
      'X.1,,,Department of Things,,assistance_listing,,,,,,12,""',
      "X.2,Second,,Department of Things,,assistance_listing,,,,,,twelve,",
      "X.3,Third,,Department of Things,,assistance_listing,,,,,,1,",
      "X.3,Third again,,Department of Things,,assistance_listing,,,,,,1,",
      "X.4,Too short",
    ].join("\n");
    let error: unknown;
    try {
      fromFederalProgramInventory(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GovGraphError);
    expect((error as GovGraphError).message).toMatch(/^fromFederalProgramInventory: 4 row\(s\) could not be mapped, first line 2: title is empty\. .*strict: false/);
    const { model, issues } = fromFederalProgramInventory(bad, { strict: false });
    expect(issues.map((i) => [i.path[0], i.code])).toEqual([
      [2, "missing_value"],
      [3, "not_a_number"],
      [5, "duplicate_id"],
      [6, "malformed_row"],
    ]);
    expect(model.services.map((s) => s.id)).toEqual(["program:X.3"]);
  });

  it("refuses a file without the inventory's columns", () => {
    expect(() => fromFederalProgramInventory("a,b\n1,2\n")).toThrow(/the CSV has no column "id", "title", "agency", "categories"/);
  });

  it("maps agencies only when asked", () => {
    const { model } = fromFederalProgramInventory(excerpt, { departments: "agency" });
    expect(model.departments.every((d) => d.kind === "agency")).toBe(true);
  });

  it("takes undefined options as the defaults and names a bad one", () => {
    expect(fromFederalProgramInventory(excerpt, { strict: undefined, departments: undefined })).toEqual(fromFederalProgramInventory(excerpt));
    expect(() => fromFederalProgramInventory(excerpt, { departments: "bureau" as never })).toThrow(
      /^fromFederalProgramInventory: option departments must be one of sub_agency, agency, got "bureau"/,
    );
  });
});
