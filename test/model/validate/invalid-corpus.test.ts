import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GovGraphError, parseModel, parseModelJson, validateModel, type Issue } from "../../../src/index.js";

const fixtures = join(import.meta.dirname, "../../fixtures");
const corpus = join(fixtures, "invalid");
const read = (file: string) => readFileSync(join(corpus, file), "utf8");

/** What a user sees of a corpus file: `severity code pointer` per issue, or where the JSON breaks. */
function outcome(file: string): string[] {
  const text = read(file);
  try {
    parseModelJson(text);
  } catch (error) {
    if (!(error instanceof GovGraphError)) throw error;
    if (error.code === "invalid_json") {
      const [issue] = error.issues as (Issue & { line: number; column: number })[];
      return [`invalid_json ${issue!.line}:${issue!.column}`];
    }
  }
  return validateModel(JSON.parse(text)).issues.map((i) => `${i.severity} ${i.code} ${i.pointer || "(root)"}`);
}

const tested = new Set<string>();
const check = (file: string) => {
  tested.add(file);
  return outcome(file);
};

describe("the bad-input corpus (test/fixtures/invalid)", () => {
  it("malformed JSON gives invalid_json with the line and column", () => {
    expect(check("malformed-trailing-comma.json")).toMatchInlineSnapshot(`
      [
        "invalid_json 5:3",
      ]
    `);
    expect(check("malformed-truncated.json")).toMatchInlineSnapshot(`
      [
        "invalid_json 4:35",
      ]
    `);
    expect(check("malformed-single-quotes.json")).toMatchInlineSnapshot(`
      [
        "invalid_json 2:3",
      ]
    `);
    expect(check("empty-file.json")).toMatchInlineSnapshot(`
      [
        "invalid_json 1:1",
      ]
    `);
  });

  it("a JSON value that is not an object is one invalid_type issue at the root", () => {
    expect(check("array-instead-of-object.json")).toMatchInlineSnapshot(`
      [
        "error invalid_type (root)",
      ]
    `);
    expect(check("not-json-object-string.json")).toMatchInlineSnapshot(`
      [
        "error invalid_type (root)",
      ]
    `);
  });

  it("schemaVersion must be present and 1", () => {
    expect(check("schema-version-missing.json")).toMatchInlineSnapshot(`
      [
        "error invalid_type /schemaVersion",
      ]
    `);
    expect(check("schema-version-2.json")).toMatchInlineSnapshot(`
      [
        "error invalid_value /schemaVersion",
      ]
    `);
  });

  it("wrong types are reported field by field, records that are not objects too", () => {
    expect(check("wrong-types.json")).toMatchInlineSnapshot(`
      [
        "error invalid_type /regions/0/id",
        "error invalid_type /regions/1/name",
        "error invalid_type /regions/1/population",
        "error invalid_type /regions/1/location/lat",
        "error invalid_type /segments",
        "error invalid_type /departments/0/staff",
        "error invalid_type /departments/0/identifiers",
        "error unknown_reference /departments/0/regionId",
        "error invalid_type /services/0/needIds",
        "error invalid_type /services/0/channels",
        "error invalid_value /services/0/status",
        "error invalid_type /services/0/published/guide",
        "error invalid_type /needs/0",
        "error invalid_type /needs/1",
        "error invalid_type /needs/2",
        "error invalid_value /needs/3/kind",
        "error invalid_type /needs/3/weight",
        "error invalid_union /needs/3/attributes/list",
        "error invalid_union /needs/3/attributes/obj",
      ]
    `);
    expect(check("records-not-objects.json")).toMatchInlineSnapshot(`
      [
        "error invalid_type /regions/0",
        "error invalid_type /regions/1",
        "error invalid_type /regions/2",
        "error invalid_type /regions/3",
        "error invalid_type /regions/4",
      ]
    `);
  });

  it("missing required fields are each reported, with the references of the same records still checked", () => {
    expect(check("missing-required-fields.json")).toMatchInlineSnapshot(`
      [
        "error invalid_type /regions/0/name",
        "error invalid_type /regions/1/id",
        "error invalid_type /departments/0/regionId",
        "error invalid_type /functions/0/id",
        "error invalid_type /assignments/0/functionId",
        "error invalid_type /services/0/departmentId",
        "error invalid_value /services/0/channels/0/kind",
        "error invalid_value /services/0/evidence/0/source",
        "error unknown_reference /services/0/evidence/0/evidenceId",
        "error invalid_value /needs/0/kind",
        "error invalid_type /needs/0/demand/0/volume",
        "error invalid_type /needs/0/journey/0/serviceId",
        "error invalid_type /servicePoints/0/regionId",
        "error invalid_type /travelCosts/0/cost",
      ]
    `);
  });

  it("unknown fields are named, at any depth and at the top level", () => {
    expect(check("unknown-fields.json")).toMatchInlineSnapshot(`
      [
        "error unrecognized_keys /regions/0/mayor",
        "error unrecognized_keys /departments/0/staff/vacant",
        "error unrecognized_keys /departments/0/headcount",
        "error unrecognized_keys /departments/0/phone",
        "error unrecognized_keys /services/0/channels/0/url",
        "error unrecognized_keys /owner",
      ]
    `);
  });

  it("duplicate ids and duplicate key pairs", () => {
    expect(check("duplicate-ids.json")).toMatchInlineSnapshot(`
      [
        "error duplicate_id /regions/1/id",
        "error duplicate_id /departments/2/id",
        "error duplicate_id /assignments/2",
        "error duplicate_id /services/1/id",
        "error duplicate_id /travelCosts/1",
      ]
    `);
  });

  it("a dangling id in every reference field", () => {
    expect(check("dangling-references.json")).toMatchInlineSnapshot(`
      [
        "error unknown_reference /regions/0/parentId",
        "error unknown_reference /departments/0/regionId",
        "error unknown_reference /departments/0/parentId",
        "error unknown_reference /assignments/0/departmentId",
        "error unknown_reference /assignments/0/functionId",
        "error unknown_reference /services/0/departmentId",
        "error unknown_reference /services/0/partnerIds/1",
        "error unknown_reference /services/0/functionIds/0",
        "error unknown_reference /services/0/needIds/0",
        "error unknown_reference /services/0/segmentIds/0",
        "error unknown_reference /services/0/regionIds/0",
        "error unknown_reference /services/0/evidence/0/evidenceId",
        "error unknown_reference /needs/0/segmentIds/0",
        "error unknown_reference /needs/0/demand/0/regionId",
        "error unknown_reference /needs/0/demand/0/segmentId",
        "error unknown_reference /needs/0/journey/0/serviceId",
        "error unknown_reference /needs/0/journey/0/after/0",
        "error unknown_reference /evidence/0/issuerId",
        "error unknown_reference /servicePoints/0/regionId",
        "error unknown_reference /servicePoints/0/serviceIds/0",
        "error unknown_reference /travelCosts/0/regionId",
        "error unknown_reference /travelCosts/0/pointId",
      ]
    `);
  });

  it("one cycle issue per cycle: regions, departments, journey steps", () => {
    expect(check("region-cycle.json")).toMatchInlineSnapshot(`
      [
        "error cycle /regions/0/parentId",
        "error cycle /regions/4/parentId",
      ]
    `);
    expect(check("department-cycle.json")).toMatchInlineSnapshot(`
      [
        "error cycle /departments/0/parentId",
      ]
    `);
    expect(check("journey-after-cycle.json")).toMatchInlineSnapshot(`
      [
        "error cycle /needs/0/journey/1/after/0",
      ]
    `);
  });

  it("negative and out-of-range numbers, empty strings", () => {
    expect(check("negative-and-out-of-range-numbers.json")).toMatchInlineSnapshot(`
      [
        "error too_small /regions/0/population",
        "error too_big /regions/0/location/lat",
        "error too_small /regions/0/location/lon",
        "error too_small /departments/0/staff/authorized",
        "error too_small /departments/0/budget",
        "error invalid_type /services/0/channels/0/visits",
        "error too_small /services/0/channels/0/fee",
        "error too_small /services/0/fee",
        "error too_big /services/0/quality/satisfaction",
        "error too_small /needs/0/demand/0/volume",
        "error too_small /needs/0/weight",
        "error too_small /servicePoints/0/capacity",
        "error too_small /travelCosts/0/cost",
      ]
    `);
    expect(check("empty-strings.json")).toMatchInlineSnapshot(`
      [
        "error too_small /regions/0/id",
        "error too_small /regions/0/name",
        "error too_small /departments/0/regionId",
      ]
    `);
  });

  it("10,000 nested arrays are one issue each, not a stack overflow", () => {
    expect(check("ten-thousand-nested-arrays.json")).toMatchInlineSnapshot(`
      [
        "error invalid_type /regions/0",
        "error invalid_union /segments/0/attributes/deep",
      ]
    `);
  });

  it("__proto__ and constructor keys are unknown fields or bad attribute values, and pollute nothing", () => {
    expect(check("prototype-keys.json")).toMatchInlineSnapshot(`
      [
        "error unrecognized_keys /regions/0/__proto__",
        "error unrecognized_keys /regions/1/constructor",
        "error invalid_union /segments/0/attributes/__proto__",
        "error unrecognized_keys /__proto__",
      ]
    `);
  });

  it("warnings alone leave the model valid", () => {
    expect(check("warnings-only.json")).toMatchInlineSnapshot(`
      [
        "warning service_without_channel /services/1/channels",
        "warning service_without_channel /services/2/channels",
        "warning journey_step_not_meeting_need /needs/0/journey/1/serviceId",
      ]
    `);
    const result = validateModel(JSON.parse(read("warnings-only.json")));
    expect(result.ok).toBe(true);
    expect(result.model?.services.map((s) => s.id)).toEqual(["s1", "s2", "s3"]);
  });

  it("every corpus file has its own expectation above, none throws out of validateModel, none pollutes a prototype", () => {
    const files = readdirSync(corpus).filter((f) => f.endsWith(".json")).sort();
    expect(files.filter((f) => !tested.has(f))).toEqual([]);
    for (const file of files) {
      let value: unknown;
      try {
        value = JSON.parse(read(file));
      } catch {
        continue;
      }
      const result = validateModel(value);
      expect(result.issues.length, file).toBeGreaterThan(0);
      if (result.ok) expect(parseModel(value), file).toEqual(result.model);
      else expect(() => parseModel(value), file).toThrow(GovGraphError);
    }
  });
});

afterAll(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty("polluted");
});
