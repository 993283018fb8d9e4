import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromHsds, GovGraphError, validateModel } from "../../src/index.js";

// Excerpts of Open Referral HSDS 3.1's own examples (CC BY-SA 4.0): see test/fixtures/hsds/README.md.
const fixtures = new URL("../fixtures/hsds/", import.meta.url);
const serviceFull = readFileSync(new URL("service_full-excerpt.json", fixtures), "utf8");
const csvDir = new URL("csv/", fixtures);
const tables: Record<string, string> = Object.fromEntries(readdirSync(csvDir).map((f) => [f, readFileSync(new URL(f, csvDir), "utf8")]));

const SERVICE = "ac148810-d857-441c-9679-408f346de14b";
const ORGANIZATION = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610";
const LOCATION = "3a19ff88-4620-4d17-9830-ac1d859eb5d5";

function thrown(f: () => unknown): GovGraphError {
  try {
    f();
  } catch (e) {
    if (e instanceof GovGraphError) return e;
    throw e;
  }
  throw new Error("expected a GovGraphError");
}

describe("fromHsds: the JSON form", () => {
  const { model, issues } = fromHsds(serviceFull);

  it("maps the service_full example onto a valid model: one department, service, service point and evidence type", () => {
    expect(validateModel(model).ok).toBe(true);
    expect(model.departments).toEqual([expect.objectContaining({ id: ORGANIZATION, name: "Example Organization Inc.", regionId: "catalogue", identifiers: [{ scheme: "GB-COH", id: "1234567" }] })]);
    const service = model.services[0]!;
    expect(service).toMatchObject({ id: SERVICE, name: "Community Counselling", departmentId: ORGANIZATION, status: "active", fee: 35, channels: [{ kind: "in_person" }] });
    expect(service.functionIds).toEqual(["3f7b145d-84af-42d7-8fae-eaca714b02b2"]);
    expect(model.functions).toEqual([expect.objectContaining({ id: "3f7b145d-84af-42d7-8fae-eaca714b02b2", name: "name", description: "description" })]);
    expect(model.evidence).toHaveLength(1);
    expect(model.evidence[0]!.name).toMatch(/^Any official identification document/);
    expect(service.evidence).toEqual([{ evidenceId: model.evidence[0]!.id, source: "citizen" }]);
    expect(model.servicePoints).toEqual([expect.objectContaining({ id: LOCATION, name: "MyCity Civic Center", regionId: "catalogue", serviceIds: [SERVICE] })]);
  });

  it("puts every department and service point in one root region, 'catalogue', and service areas below it", () => {
    expect(model.regions.map((r) => [r.name.slice(0, 40), r.parentId ?? null, r.level])).toEqual([
      ["HSDS catalogue", null, "catalogue"],
      ["The service is available to all resident", "catalogue", "service_area"],
    ]);
    expect(model.services[0]!.regionIds).toEqual([model.regions[1]!.id]);
    const named = fromHsds(serviceFull, { rootRegionId: "mycity", rootRegionName: "MyCity" }).model;
    expect(named.departments[0]!.regionId).toBe("mycity");
    expect(named.servicePoints[0]!.regionId).toBe("mycity");
    expect(named.regions.find((r) => r.id === "mycity")).toEqual({ id: "mycity", name: "MyCity", level: "catalogue" });
  });

  it("keeps contacts, schedules and the other HSDS fields as hsds.* attributes (JSON text for lists)", () => {
    const attributes = model.services[0]!.attributes!;
    expect(attributes["hsds.eligibility_description"]).toMatch(/aged 12 and over/);
    expect(attributes["hsds.minimum_age"]).toBe(12);
    const contacts = JSON.parse(attributes["hsds.contacts"] as string);
    expect(contacts).toEqual([expect.objectContaining({ name: "Ann Persona", phones: [expect.objectContaining({ number: '"+44 1234 234567"' })] })]);
    expect(JSON.parse(attributes["hsds.schedules"] as string)[0]).toMatchObject({ byday: "TH,FR", opens_at: "10:00:00" });
    expect(JSON.parse(attributes["hsds.languages"] as string)).toEqual([expect.objectContaining({ code: "ur" })]);
    // The location's coordinates (100, 101) are off the Earth: kept as attributes, not as the point's location.
    expect(model.servicePoints[0]!.location).toBeUndefined();
    expect(model.servicePoints[0]!.attributes).toMatchObject({ "hsds.latitude": 100, "hsds.longitude": 101 });
  });

  it("reports what it could not map as warnings with JSON paths, so strict mode still maps the example", () => {
    expect(issues.map((i) => [i.severity, i.code, i.pointer])).toEqual([
      ["warning", "unknown_reference", "/organization/parent_organization_id"],
      ["warning", "unknown_reference", "/attributes/0/taxonomy_term/parent_id"],
      ["warning", "invalid_coordinates", "/service_at_locations/0/location/latitude"],
    ]);
    expect(model.departments[0]!.parentId).toBeUndefined();
    expect(model.departments[0]!.attributes!["hsds.parent_organization_id"]).toBe("cd09a387-91f4-4555-94ec-e799c35344cd");
  });

  it("reads the parsed value, arrays of objects, organization_full and API pages the same way", () => {
    const parsed = JSON.parse(serviceFull);
    expect(fromHsds(parsed).model).toEqual(model);
    const { organization, ...service } = parsed;
    const organizationFull = { ...organization, services: [service] };
    const both = fromHsds([organizationFull, parsed]).model;
    expect(both.services.map((s) => s.id)).toEqual([SERVICE]);
    expect(both.departments.map((d) => d.id)).toEqual([ORGANIZATION]);
    expect(fromHsds({ total_items: 1, items: [parsed] }).model).toEqual(model);
  });

  it("maps HSDS statuses onto govgraph's and keeps the one that has no exact match", () => {
    const parsed = JSON.parse(serviceFull);
    const statusOf = (status: string) => fromHsds({ ...parsed, status }, { strict: false });
    expect(statusOf("inactive").model.services[0]!.status).toBe("planned");
    expect(statusOf("defunct").model.services[0]!.status).toBe("retired");
    const closed = statusOf("temporarily closed").model.services[0]!;
    expect([closed.status, closed.attributes!["hsds.status"]]).toEqual(["planned", "temporarily closed"]);
    const odd = statusOf("paused");
    expect(odd.model.services[0]!.status).toBeUndefined();
    expect(odd.issues.map((i) => i.code)).toContain("unknown_status");
  });

  it("gives a service whose organization is missing a placeholder department, with an error", () => {
    const { organization: _organization, ...service } = JSON.parse(serviceFull);
    const error = thrown(() => fromHsds(service));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toMatch(/^fromHsds: at \/organization_id: service "ac148810-.*" names no organization; .*pass \{ strict: false \}/);
    const { model: placeholder } = fromHsds(service, { strict: false });
    expect(placeholder.departments).toEqual([{ id: "unknown-organization", name: "Unknown organization", regionId: "catalogue", kind: "placeholder" }]);
    expect(placeholder.services[0]!.departmentId).toBe("unknown-organization");
  });

  it("refuses text that is not JSON with its line and column", () => {
    const error = thrown(() => fromHsds('{\n  "id": "x",\n  "name": oops\n}'));
    expect(error.code).toBe("invalid_json");
    expect(error.message).toMatch(/^fromHsds: the text is not valid JSON at line 3, column 11/);
  });

  it("treats __proto__ in the input as an ordinary key", () => {
    const parsed = JSON.parse(serviceFull.replace('"alternate_name": "MyCity Counselling Services"', '"__proto__": "MyCity Counselling Services"'));
    const service = fromHsds(parsed).model.services[0]!;
    expect(Object.getPrototypeOf(service.attributes)).toBe(Object.prototype);
    expect(Object.hasOwn(service.attributes!, "hsds.__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });

  it("cuts a cycle of parent organizations with an error", () => {
    const a = { id: "a0000000-0000-4000-8000-000000000001", name: "A", description: "A", parent_organization_id: "a0000000-0000-4000-8000-000000000002" };
    const b = { id: "a0000000-0000-4000-8000-000000000002", name: "B", description: "B", parent_organization_id: a.id };
    const { model: cut, issues: found } = fromHsds([a, b], { strict: false });
    expect(found.filter((i) => i.code === "cycle")).toHaveLength(1);
    expect(cut.departments.filter((d) => d.parentId !== undefined)).toHaveLength(1);
  });

  it("checks its options", () => {
    expect(thrown(() => fromHsds(serviceFull, { rootRegionId: "" })).message).toMatch(/option rootRegionId must be a non-empty string/);
    expect(thrown(() => fromHsds(serviceFull, { strict: "no" } as never)).code).toBe("invalid_input");
    expect(thrown(() => fromHsds(42 as never)).code).toBe("invalid_input");
  });
});

describe("fromHsds: the tabular data package", () => {
  it("reports every unknown reference with its file, line and column; strict mode throws listing them all", () => {
    const error = thrown(() => fromHsds(tables));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toMatch(/^fromHsds: attributes\.csv line 2, column link_entity: .* \(and 7 more error\(s\), listed in issues\)/);
    const { model, issues } = fromHsds(tables, { strict: false });
    expect(issues.map((i) => `${i.severity} ${i.code} ${i.path.join(":")}`)).toMatchInlineSnapshot(`
      [
        "error unknown_reference attributes.csv:2:link_entity",
        "error unknown_reference contacts.csv:2:organization_id",
        "error unknown_reference contacts.csv:2:service_at_location_id",
        "error unknown_reference locations.csv:2:organization_id",
        "warning unknown_reference metadata.csv:2:resource_id",
        "warning unknown_reference organizations.csv:2:parent_organization_id",
        "error unknown_reference service_areas.csv:2:service_at_location_id",
        "error unknown_reference service_capacity.csv:2:service_id",
        "error unknown_reference service_capacity.csv:2:unit_id",
        "error unknown_reference taxonomy_terms.csv:2:taxonomy_id",
        "warning unknown_reference taxonomy_terms.csv:2:parent_id",
        "warning invalid_coordinates locations.csv:2:latitude",
      ]
    `);
    // The rest maps as the JSON form does.
    expect(model.services.map((s) => [s.id, s.departmentId, s.fee, s.status])).toEqual([[SERVICE, ORGANIZATION, 35, "active"]]);
    expect(model.servicePoints.map((p) => [p.id, p.serviceIds])).toEqual([[LOCATION, [SERVICE]]]);
    expect(model.evidence).toHaveLength(1);
    expect(model.functions.map((f) => f.id)).toEqual(["3f7b145d-84af-42d7-8fae-eaca714b02b2"]);
    expect(JSON.parse(model.services[0]!.attributes!["hsds.contacts"] as string)[0].name).toBe("Ann Persona");
  });

  it("gives the same model from the JSON and tabular forms of the same data, but for what the broken links drop", () => {
    const json = fromHsds(serviceFull).model.services[0]!;
    const csv = fromHsds(tables, { strict: false }).model.services[0]!;
    expect(csv.evidence).toEqual(json.evidence);
    expect(csv.regionIds).toEqual(json.regionIds);
    // The CSV example's attribute row links to no service: the term is a function, but not this service's.
    expect([json.functionIds.length, csv.functionIds.length]).toEqual([1, 0]);
  });

  it("reads files named in datapackage.json, and reports files, rows and cells it cannot use", () => {
    const services = "id,organization_id,name,status,minimum_age\ns1,o1,One,active,twelve\ns1,o1,Again,active,\n,o1,No id,active,\n";
    const files = {
      "datapackage.json": JSON.stringify({ resources: [{ name: "service", path: "data/my-services.csv" }] }),
      "data/my-services.csv": services,
      "organizations.csv": "id,name,description\no1,Org,An org\n",
      "notes.csv": "a,b\n1,2\n",
    };
    const { model, issues } = fromHsds(files, { strict: false });
    expect(model.services.map((s) => [s.id, s.name, s.attributes?.["hsds.minimum_age"]])).toEqual([["s1", "One", "twelve"]]);
    expect(issues.map((i) => `${i.severity} ${i.code} ${i.path.join(":")}`)).toEqual([
      "warning not_a_number data/my-services.csv:2:minimum_age",
      "error duplicate_id data/my-services.csv:3:id",
      "error missing_value data/my-services.csv:4:id",
      "warning unknown_table notes.csv:1",
    ]);
  });

  it("refuses files none of which is an HSDS table, unless datapackage.json says which tables they hold", () => {
    const notes = { "notes.csv": "a,b\n1,2\n", "people.csv": "id,name\np1,Ann\n" };
    expect(() => fromHsds(notes)).toThrow(
      new GovGraphError("invalid_input", "fromHsds: none of the files (notes.csv, people.csv) is an HSDS table. Pass HSDS's tables (organizations.csv, services.csv, ...), or a datapackage.json naming the tables its files hold."),
    );
    const named = { ...notes, "datapackage.json": JSON.stringify({ resources: [{ name: "organization", path: "people.csv" }] }) };
    expect(fromHsds(named, { strict: false }).model.departments.map((d) => d.name)).toEqual(["Ann"]);
  });
});

