import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { exampleCounty, fromHsds, GovGraphError, HSDS_TABLES, parseModel, toHsds, type ModelInput } from "../../src/index.js";

// HSDS 3.1's own table schemas (CC BY-SA 4.0), copied from its datapackage.json: see test/fixtures/hsds/README.md.
const official = JSON.parse(readFileSync(new URL("../fixtures/hsds/datapackage-schemas.json", import.meta.url), "utf8")) as {
  resources: { name: string; path: string; fields: { name: string }[]; foreignKeys: unknown[] }[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const tiny: ModelInput = {
  schemaVersion: 1,
  meta: { name: "Two bureaus", license: "CC0-1.0" },
  regions: [{ id: "county", name: "County" }, { id: "east", name: "East, \"old\" town", parentId: "county" }],
  segments: [{ id: "businesses", name: "Businesses" }],
  departments: [
    { id: "gov", name: "County government", regionId: "county" },
    { id: "amr", name: "Market regulation\nbureau", regionId: "county", parentId: "gov", identifiers: [{ scheme: "CN-USCC", id: "1100" }] },
  ],
  functions: [{ id: "food-licence", name: "Issue food business licences" }],
  assignments: [{ departmentId: "amr", functionId: "food-licence", role: "lead" }, { departmentId: "gov", functionId: "food-licence", role: "support" }],
  evidence: [{ id: "id-card", name: "Identity card" }, { id: "licence", name: "Business licence", issuerId: "amr" }],
  services: [
    {
      id: "apply",
      name: "Apply for a food licence",
      departmentId: "amr",
      functionIds: ["food-licence"],
      segmentIds: ["businesses"],
      regionIds: ["east"],
      channels: [{ kind: "online" }],
      evidence: [{ evidenceId: "id-card", source: "citizen" }, { evidenceId: "licence", source: "reused" }],
      fee: 0,
      status: "planned",
    },
  ],
  servicePoints: [
    { id: "window", name: "Service centre", regionId: "east", location: { lat: 27.6, lon: 109.7 }, serviceIds: ["apply"] },
    { id: "kiosk", name: "Kiosk", regionId: "east", serviceIds: [] },
  ],
};
const model = parseModel(tiny);

function thrown(f: () => unknown): GovGraphError {
  try {
    f();
  } catch (e) {
    if (e instanceof GovGraphError) return e;
    throw e;
  }
  throw new Error("expected a GovGraphError");
}

describe("toHsds: the tabular data package", () => {
  const files = toHsds(model, { format: "csv" });

  it("writes every HSDS 3.1 table with an id, each header exactly the field list of HSDS's own datapackage.json", () => {
    const written = Object.keys(files).filter((f) => f.endsWith(".csv"));
    const withId = official.resources.filter((r) => r.fields.some((f) => f.name === "id"));
    expect(written).toEqual(withId.map((r) => r.path));
    for (const resource of withId) {
      const header = files[resource.path]!.split("\r\n")[0]!.split(",");
      expect(header, resource.path).toEqual(resource.fields.map((f) => f.name));
    }
    // service_capacity and unit are left out: HSDS 3.1's descriptor lists no id for them (and no field at all for unit).
    expect(official.resources.filter((r) => !r.fields.some((f) => f.name === "id")).map((r) => r.name)).toEqual(["service_capacity", "unit"]);
  });

  it("describes the tables in datapackage.json with HSDS 3.1's fields, types, constraints and keys", () => {
    const descriptor = JSON.parse(files["datapackage.json"]!);
    expect(descriptor).toMatchObject({ profile: "tabular-data-package", title: "Two bureaus", licenses: [{ title: "CC0-1.0" }] });
    const mine = descriptor.resources.map((r: { name: string; path: string; schema: { fields: unknown[]; primaryKey: string; foreignKeys?: unknown[] } }) => ({
      name: r.name,
      path: r.path,
      fields: r.schema.fields,
      primaryKey: r.schema.primaryKey,
      foreignKeys: r.schema.foreignKeys ?? [],
    }));
    expect(mine).toEqual(official.resources.filter((r) => r.fields.some((f) => f.name === "id")));
    expect(HSDS_TABLES.map((t) => t.name)).toEqual(official.resources.map((r) => r.name));
  });

  it("writes RFC 4180 CSV: CRLF line ends, quotes only around commas, quotes and line breaks, read back by papaparse", () => {
    const organizations = files["organizations.csv"]!;
    expect(organizations.endsWith("\r\n") && !organizations.endsWith("\r\n\r\n")).toBe(true);
    expect(organizations.split("\r\n")).toHaveLength(4); // header, two rows, and the empty string after the last CRLF
    expect(files["programs.csv"]).toBe("id,organization_id,name,alternate_name,description\r\n");
    expect(organizations).toContain(',"Market regulation\nbureau",');
    const areas = Papa.parse<Record<string, string>>(files["service_areas.csv"]!, { header: true, skipEmptyLines: true }).data;
    expect(areas.map((a) => a.name)).toEqual(['East, "old" town']);
    expect(files["service_areas.csv"]).toContain('"East, ""old"" town"');
  });

  it("writes UUIDs for every id and carries the govgraph ids in attributes", () => {
    for (const [file, text] of Object.entries(files)) {
      if (!file.endsWith(".csv")) continue;
      const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
      for (const row of rows) for (const [column, value] of Object.entries(row)) if (column === "id" || column.endsWith("_id")) expect(value === "" || UUID.test(value), `${file} ${column} ${value}`).toBe(true);
    }
    const attributes = Papa.parse<Record<string, string>>(files["attributes.csv"]!, { header: true, skipEmptyLines: true }).data;
    const carried = attributes.filter((a) => a.taxonomy_term_id === "3e680f7f-7c1b-5856-bc76-1cba062a5535").map((a) => `${a.link_entity} ${a.value}`);
    expect(carried.sort()).toEqual([
      "location kiosk",
      "location window",
      "organization amr",
      "organization gov",
      "required_document id-card",
      "required_document licence",
      "service apply",
      "service_area east",
    ]);
    expect(attributes.filter((a) => a.link_entity === "organization" && a.value !== "" && !carried.includes(`organization ${a.value}`)).map((a) => a.value).sort()).toEqual(["lead", "support"]);
  });

  it("maps the status and the fee, and gives the same files for the same model", () => {
    const services = Papa.parse<Record<string, string>>(files["services.csv"]!, { header: true }).data;
    expect(services[0]).toMatchObject({ name: "Apply for a food licence", status: "inactive" });
    expect(Papa.parse<Record<string, string>>(files["cost_options.csv"]!, { header: true }).data[0]).toMatchObject({ amount: "0" });
    expect(toHsds(parseModel(JSON.parse(JSON.stringify(tiny))), { format: "csv" })).toEqual(files);
  });
});

describe("toHsds: the JSON form", () => {
  const objects = toHsds(model);

  it("gives a service_full per service, then every organization, then the locations offering no service", () => {
    expect(objects.map((o) => o.name)).toEqual(["Apply for a food licence", "Market regulation\nbureau", "County government", "Kiosk"]);
    const service = objects[0]!;
    expect(service).toMatchObject({ status: "inactive", organization: { name: "Market regulation\nbureau", organization_identifiers: [{ identifier_scheme: "CN-USCC", identifier: "1100" }] } });
    expect(service.organization_id).toBeUndefined();
    expect((service.service_at_locations as { location: { name: string; latitude: number } }[])[0]!.location).toMatchObject({ name: "Service centre", latitude: 27.6, longitude: 109.7 });
    expect((service.required_documents as { document: string }[]).map((d) => d.document)).toEqual(["Identity card", "Business licence"]);
    // The functions a department holds travel with its organization object, not with every service it embeds in.
    expect((service.organization as Record<string, unknown>).attributes).toBeUndefined();
    expect((objects[1]!.attributes as { value: string }[]).map((a) => a.value)).toEqual(["amr", "lead"]);
  });

  it("reads back into the same departments, services, points, evidence types and functions", () => {
    const back = fromHsds(objects).model;
    expect(back.departments.map((d) => [d.id, d.parentId ?? null])).toEqual([["amr", "gov"], ["gov", null]]);
    expect(back.services[0]).toMatchObject({ id: "apply", departmentId: "amr", status: "planned", fee: 0, regionIds: ["east"], segmentIds: ["businesses"] });
    expect(back.services[0]!.evidence).toEqual([{ evidenceId: "id-card", source: "citizen" }, { evidenceId: "licence", source: "reused" }]);
    expect(back.servicePoints.map((p) => [p.id, p.serviceIds, p.location ?? null])).toEqual([["kiosk", [], null], ["window", ["apply"], { lat: 27.6, lon: 109.7 }]]);
    expect(back.assignments).toEqual(model.assignments);
  });
});

describe("toHsds: bad input", () => {
  it("refuses an invalid model, a bad option and kept HSDS data that is not JSON", () => {
    expect(thrown(() => toHsds({ ...model, services: [{ ...model.services[0]!, departmentId: "nobody" }] } as never)).code).toBe("invalid_model");
    expect(thrown(() => toHsds(model, { format: "xml" } as never)).message).toMatch(/^toHsds: option format must be one of json, csv/);
    const broken = parseModel({ ...tiny, departments: [{ id: "gov", name: "Gov", regionId: "county", attributes: { "hsds.contacts": "not json" } }, tiny.departments![1]!] });
    const error = thrown(() => toHsds(broken));
    expect(error.code).toBe("invalid_model");
    expect(error.message).toBe('toHsds: attribute "hsds.contacts" of department "gov" must hold the JSON text of a list of HSDS contact objects. Fix it or remove it.');
  });

  it("writes the bundled county", () => {
    const files = toHsds(exampleCounty, { format: "csv" });
    const lines = (file: string) => files[file]!.split("\r\n").length - 2;
    expect([lines("organizations.csv"), lines("services.csv"), lines("locations.csv"), lines("taxonomy_terms.csv")]).toEqual([42, 54, 20, 86 + 6 + 2]);
  });
});
