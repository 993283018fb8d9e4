import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { arbitraryModel, arbitraryShuffledModel } from "../arbitraries.js";
import { formatIssues, GovGraphError, parseModel, parseModelJson, validateModel, type Issue } from "../../src/index.js";

const fixtures = join(import.meta.dirname, "../fixtures");
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

describe("validateModel", () => {
  it("messages name the record, the field and the fix; formatIssues prints them like zod's prettifyError", () => {
    const { issues } = validateModel({
      schemaVersion: 1,
      regions: [{ id: "county", name: "County", mayor: "Li" }],
      departments: [{ id: "gov", name: "Government", regionId: "nowhere" }],
      services: [{ id: "s1", name: "Service", departmentId: "gov" }],
    });
    expect(formatIssues(issues)).toMatchInlineSnapshot(`
      "✖ Unknown field "mayor" on region "county". Fix the field name, or put your own data in "attributes" (for example "attributes": {"mayor": ...}).
        → at regions[0].mayor
      ✖ Department "gov" refers to region "nowhere" in regionId, but there is no such region in regions. Add it to regions or fix the id.
        → at departments[0].regionId
      ⚠ Service "s1" has no channel, so no one can obtain it. Add at least one channel (in_person, online, phone, mail, mobile, kiosk or outreach).
        → at services[0].channels"
    `);
  });

  it("reports references of valid records even when other records fail the schema (every problem at once)", () => {
    const { ok, issues } = validateModel({
      schemaVersion: 1,
      regions: [{ id: "county", name: "" }],
      departments: [{ id: "gov", name: "Government", regionId: "nowhere" }],
    });
    expect(ok).toBe(false);
    expect(issues.map((i) => `${i.code} ${i.pointer}`)).toEqual(["too_small /regions/0/name", "unknown_reference /departments/0/regionId"]);
    expect(issues[1]!.message).toContain('"nowhere"');
    expect(issues[1]!.message).toContain("regions");
  });

  it("never throws, whatever it is given", () => {
    let deep: unknown = [];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const cyclic: Record<string, unknown> = { id: "a", name: "A" };
    cyclic.attributes = { self: cyclic };
    const hostile = {
      schemaVersion: 1,
      get regions(): never {
        throw new Error("boom");
      },
    };
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const inputs: unknown[] = [undefined, null, 0, "", "{}", [], deep, { schemaVersion: 1, regions: deep }, { schemaVersion: 1, regions: [cyclic] }, hostile, revoked.proxy, Symbol("x"), () => 1, new Map(), new Date(0), Object.create(null)];
    for (const input of inputs) {
      const result = validateModel(input);
      expect(result.ok).toBe(false);
      expect(result.issues.length).toBeGreaterThan(0);
      for (const issue of result.issues) expect(issue.severity).toBe("error");
    }
    expect(validateModel(hostile).issues[0]).toMatchObject({ code: "invalid_input", pointer: "" });
  });

  it("NaN, Infinity and negative numbers (reachable from JS values, not from JSON) are invalid_type / too_small", () => {
    const { issues } = validateModel({
      schemaVersion: 1,
      regions: [
        { id: "a", name: "A", population: Number.NaN },
        { id: "b", name: "B", population: Number.POSITIVE_INFINITY },
        { id: "c", name: "C", population: -1, attributes: { score: Number.NaN } },
      ],
    });
    expect(issues.map((i) => `${i.code} ${i.pointer}: ${i.message}`)).toMatchInlineSnapshot(`
      [
        "invalid_type /regions/0/population: Region "a": "population" must be a number, not NaN.",
        "invalid_type /regions/1/population: Region "b": "population" must be a number, not Infinity.",
        "too_small /regions/2/population: Region "c": "population" must be at least 0.",
        "invalid_union /regions/2/attributes/score: Region "c": "attributes.score" must be a string, a number, a boolean or null.",
      ]
    `);
  });

  it("a 1 MB name is valid and kept whole", () => {
    const name = "x".repeat(1 << 20);
    const result = validateModel({ schemaVersion: 1, regions: [{ id: "big", name }] });
    expect(result.ok).toBe(true);
    expect(result.model?.regions[0]?.name.length).toBe(1 << 20);
  });

  it("an unknown key of 1 MB is reported with a shortened name", () => {
    const key = "k".repeat(1 << 20);
    const { issues } = validateModel({ schemaVersion: 1, regions: [{ id: "a", name: "A", [key]: 1 }] });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message.length).toBeLessThan(400);
  });

  it("ids such as __proto__, constructor and toString are ordinary ids (test/fixtures/prototype-ids.json)", () => {
    const input = JSON.parse(readFileSync(join(fixtures, "prototype-ids.json"), "utf8"));
    const result = validateModel(input);
    expect(result.issues).toEqual([]);
    const model = result.model!;
    expect(model.regions.map((r) => r.id)).toEqual(["__proto__", "constructor", "toString"]);
    expect(model.services.map((s) => s.id)).toEqual(["__proto__", "toString"]);
    const township = model.regions[2]!;
    expect(Object.getPrototypeOf(township.attributes)).toBe(Object.prototype);
    expect(Object.keys(township.attributes!).sort()).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.getOwnPropertyDescriptor(township.attributes, "__proto__")?.value).toBe("kept as an ordinary key");
    expect(Object.getOwnPropertyDescriptor(model.services[0]!.channels[0]!.attributes, "__proto__")?.value).toBe(1);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it("a dangling reference to a __proto__ id is still dangling", () => {
    const { issues } = validateModel({ schemaVersion: 1, departments: [{ id: "d", name: "D", regionId: "__proto__" }] });
    expect(issues.map((i) => i.code)).toEqual(["unknown_reference"]);
  });

  it("returns the model in canonical order, deep-frozen, without touching the input", () => {
    const input = {
      schemaVersion: 1,
      regions: [{ id: "b", name: "B" }, { id: "a", name: "A", location: { lat: 1, lon: 2 } }],
      assignments: [],
      travelCosts: [],
    };
    const before = structuredClone(input);
    const { model } = validateModel(input);
    expect(input).toEqual(before);
    expect(model!.regions.map((r) => r.id)).toEqual(["a", "b"]);
    expect(model!.services).toEqual([]);
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model!.regions)).toBe(true);
    expect(Object.isFrozen(model!.regions[0]!.location)).toBe(true);
    expect(() => {
      (model!.regions[0] as { name: string }).name = "changed";
    }).toThrow(TypeError);
  });

  it("parseModel throws invalid_model carrying every issue", () => {
    const input = JSON.parse(read("dangling-references.json"));
    const error = (() => {
      try {
        parseModel(input);
      } catch (e) {
        return e as GovGraphError;
      }
    })();
    expect(error).toBeInstanceOf(GovGraphError);
    expect(error!.code).toBe("invalid_model");
    expect(error!.issues).toHaveLength(validateModel(input).issues.length);
    expect(error!.message).toMatch(/^parseModel: the model has 22 errors \(all listed in issues\), the first at \/regions\/0\/parentId: /);
  });

  it("random valid models validate without any issue, in canonical order", () => {
    fc.assert(
      fc.property(arbitraryModel(), (input) => {
        const result = validateModel(input);
        expect(result.issues).toEqual([]);
        const ids = result.model!.services.map((s) => s.id);
        expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      }),
      { numRuns: 150 },
    );
  });

  it("record order in the input does not change the validated model", () => {
    fc.assert(
      fc.property(arbitraryShuffledModel(), ([a, b]) => {
        expect(validateModel(b).model).toEqual(validateModel(a).model);
      }),
      { numRuns: 100 },
    );
  });
});
