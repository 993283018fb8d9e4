import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryModel } from "../arbitraries.js";
import { Model, SCHEMA_BASE_URI, countyInput, exampleCounty, generateModel, govgraphRegistry, toJsonSchemas, validateModel } from "../../src/index.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON that the tests mutate
type Json = any;

const root = join(import.meta.dirname, "../..");
const schemas = toJsonSchemas();
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
for (const schema of Object.values(schemas)) ajv.addSchema(schema);
const ajvModel = ajv.getSchema(SCHEMA_BASE_URI + "model.json")!;
const zodAccepts = (value: unknown) => Model.safeParse(value).success;

/** Every parseable `.json` file under `dir` (recursively, skipping `skip` folders), by relative path. */
function jsonFiles(dir: string, skip: readonly string[] = []): [string, unknown][] {
  if (!existsSync(dir)) return [];
  const out: [string, unknown][] = [];
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".json") && !skip.some((s) => f.startsWith(s + "/")))
    .sort();
  for (const file of files) {
    try {
      out.push([file, JSON.parse(readFileSync(join(dir, file), "utf8"))]);
    } catch {
      // Malformed JSON is a parser error, not a schema one: JSON Schema never sees it.
    }
  }
  return out;
}

const tiny = JSON.parse(readFileSync(join(root, "test/cli/fixtures/tiny-county.json"), "utf8")) as Record<string, unknown>;
const validModels: [string, unknown][] = [
  ["tiny-county.json", tiny],
  ["schemaVersion only", { schemaVersion: 1 }],
  ["the bundled example (countyInput)", JSON.parse(JSON.stringify(countyInput))],
  ["the bundled example (exampleCounty)", JSON.parse(JSON.stringify(exampleCounty))],
  ...[1, 2].map((seed): [string, unknown] => [`a generated county (seed ${seed})`, JSON.parse(JSON.stringify(generateModel({ size: "county", seed }).model))]),
];
// Fixtures of other tests: most are valid models, some deliberately not; the two schemas must agree on each.
const fixtures = jsonFiles(join(root, "test/fixtures"), ["invalid", "real"]);

describe("schemas/*.json", () => {
  it("has one file per registered schema, each with a namespaced $id, model.json among them", () => {
    expect(Object.keys(schemas)).toContain("model.json");
    expect(Object.keys(schemas)).toContain("service.json");
    expect(Object.keys(schemas)).toHaveLength(Object.keys(registryIds()).length);
    for (const [file, schema] of Object.entries(schemas)) {
      expect(schema.$id).toBe(SCHEMA_BASE_URI + file);
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(typeof schema.description).toBe("string");
    }
  });

  it("are the committed files (npm run schemas is up to date)", () => {
    for (const [file, schema] of Object.entries(schemas)) {
      expect(readFileSync(join(root, "schemas", file), "utf8"), file).toBe(JSON.stringify(schema, null, 2) + "\n");
    }
  });

  it("refer to each other by $ref to absolute ids that all exist", () => {
    const refs = new Set(JSON.stringify(schemas).match(/"\$ref":"[^"]+"/g)!.map((r) => r.slice(8, -1)));
    for (const ref of refs) expect(Object.keys(schemas).map((f) => SCHEMA_BASE_URI + f)).toContain(ref);
  });

  it("describe the JSON users write: collections and fields with defaults are optional", () => {
    expect(schemas["model.json"]!.required).toEqual(["schemaVersion"]);
    expect(schemas["service.json"]!.required).toEqual(["id", "name", "departmentId"]);
  });
});

describe("JSON Schema and zod agree", () => {
  it.each(validModels)("accept %s", (_name, value) => {
    expect(zodAccepts(value)).toBe(true);
    expect(ajvModel(value), JSON.stringify(ajvModel.errors)).toBe(true);
  });

  it.each(fixtures)("agree on the fixture %s", (_name, value) => {
    expect(ajvModel(value), JSON.stringify(ajvModel.errors)).toBe(zodAccepts(value));
  });

  it("accept every random valid model (fast-check)", () => {
    fc.assert(
      fc.property(arbitraryModel(), (input) => {
        const json = JSON.parse(JSON.stringify(input)) as unknown;
        return zodAccepts(json) && ajvModel(json) === true;
      }),
      { numRuns: 200 },
    );
  });

  const mutations: [string, (m: Record<string, Json>) => void][] = [
    ["a missing schemaVersion", (m) => delete m.schemaVersion],
    ["schemaVersion 2", (m) => (m.schemaVersion = 2)],
    ["an unknown top-level field", (m) => (m.extra = true)],
    ["an unknown field on a record", (m) => (m.regions[0].colour = "red")],
    ["an unknown field in a channel", (m) => (m.services[0].channels[0].speed = 3)],
    ["an empty id", (m) => (m.departments[0].id = "")],
    ["a number id", (m) => (m.needs[0].id = 7)],
    ["a missing name", (m) => delete m.functions[0].name],
    ["a negative population", (m) => (m.regions[0].population = -1)],
    ["a fractional visit count", (m) => (m.services[0].channels[0].visits = 1.5)],
    ["a latitude of 91", (m) => (m.regions[0].location.lat = 91)],
    ["an unknown channel kind", (m) => (m.services[0].channels[0].kind = "pigeon")],
    ["an unknown role", (m) => (m.assignments[0].role = "boss")],
    ["satisfaction above 1", (m) => (m.services[0].quality.satisfaction = 1.2)],
    ["an object attribute value", (m) => (m.departments[2].attributes.nested = { a: 1 })],
    ["a string collection", (m) => (m.services = "none")],
    ["an unknown evidence source", (m) => (m.services[0].evidence[0].source = "mail")],
    ["null meta", (m) => (m.meta = null)],
  ];
  it.each(mutations)("reject %s", (_name, mutate) => {
    const model = structuredClone(tiny);
    mutate(model);
    expect(zodAccepts(model)).toBe(false);
    expect(ajvModel(model)).toBe(false);
  });

  const invalid = jsonFiles(join(root, "test/fixtures/invalid"));
  it("agree on every parseable file of the invalid corpus (test/fixtures/invalid)", () => {
    for (const [file, value] of invalid) {
      expect(ajvModel(value), file).toBe(zodAccepts(value));
    }
  });

  it("leave referential rules to validateModel: a dangling id or a duplicate id passes both schemas but not validateModel", () => {
    const model = structuredClone(tiny) as Record<string, Json>;
    model.services[0].departmentId = "nowhere";
    model.regions.push({ ...model.regions[1], name: "A second East Township" });
    expect(zodAccepts(model)).toBe(true);
    expect(ajvModel(model)).toBe(true);
    const codes = validateModel(model).issues.map((i) => `${i.code} ${i.pointer}`);
    expect(codes).toContain("unknown_reference /services/0/departmentId");
    expect(codes.some((c) => c.startsWith("duplicate_id /regions/"))).toBe(true);
  });
});

function registryIds(): Record<string, true> {
  const ids: Record<string, true> = {};
  for (const id of govgraphRegistry._idmap.keys()) ids[id] = true;
  return ids;
}
