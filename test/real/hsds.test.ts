// Whole-file checks on Open Referral HSDS 3.1's own examples under ../shared/data/hsds (CC BY-SA 4.0), run by
// `npm run test:real`. The counts are the ones docs/hsds.md gives.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleCounty, fromHsds, GovGraphError, toHsds, validateModel, type Model } from "../../src/index.js";

const data = join(import.meta.dirname, "..", "..", "..", "shared", "data", "hsds");
const read = (...path: string[]) => readFileSync(join(data, ...path), "utf8");
const tables: Record<string, string> = { "datapackage.json": read("datapackage.json") };
for (const file of readdirSync(join(data, "csv"))) tables[file] = read("csv", file);

const counts = (m: Model) => ({
  regions: m.regions.length,
  departments: m.departments.length,
  services: m.services.length,
  servicePoints: m.servicePoints.length,
  evidence: m.evidence.length,
  functions: m.functions.length,
  segments: m.segments.length,
  assignments: m.assignments.length,
});
const ONE_OF_EACH = { regions: 2, departments: 1, services: 1, servicePoints: 1, evidence: 1, functions: 1, segments: 0, assignments: 0 };

describe("HSDS 3.1 examples", () => {
  it.each(["service_full.json", "organization_full.json"])("%s maps in strict mode to one department, service, location, evidence type and function", (file) => {
    const { model, issues } = fromHsds(read(file));
    expect(validateModel(model).ok).toBe(true);
    expect(counts(model)).toEqual(ONE_OF_EACH);
    expect(model.services[0]).toMatchObject({ name: "Community Counselling", status: "active", fee: 35, channels: [{ kind: "in_person" }] });
    // Three warnings: the parent organization and the parent term are not in the file, and the location's
    // coordinates (latitude 100, longitude 101) are off the Earth.
    expect(issues.map((i) => `${i.severity} ${i.code}`).sort()).toEqual(["warning invalid_coordinates", "warning unknown_reference", "warning unknown_reference"]);
  });

  it("reads both files together as one catalogue (the same records, met twice, mapped once)", () => {
    const both = fromHsds([JSON.parse(read("service_full.json")), JSON.parse(read("organization_full.json"))]);
    expect(counts(both.model)).toEqual(ONE_OF_EACH);
    expect(both.issues).toHaveLength(3);
  });

  it("csv/ with datapackage.json: 8 broken references refuse strict mode; { strict: false } maps the rest", () => {
    let error: unknown;
    try {
      fromHsds(tables);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GovGraphError);
    const { model, issues } = fromHsds(tables, { strict: false });
    expect(counts(model)).toEqual(ONE_OF_EACH);
    expect(issues.filter((i) => i.severity === "error")).toHaveLength(8);
    expect(issues.filter((i) => i.severity === "warning")).toHaveLength(4);
    expect(issues.every((i) => typeof i.path[0] === "string" && i.path[1] === 2)).toBe(true);
    expect((error as GovGraphError).issues).toEqual(issues);
  });
});

describe("toHsds against HSDS 3.1's own datapackage.json", () => {
  const official = JSON.parse(read("datapackage.json")) as {
    resources: { name: string; path: string; schema: { fields: { name: string; type: string; format?: string; constraints?: object }[]; primaryKey: string; foreignKeys?: unknown[] } }[];
  };
  const withId = official.resources.filter((r) => r.schema.fields.some((f) => f.name === "id"));
  const files = toHsds(exampleCounty, { format: "csv" });

  it("writes every table with an id under HSDS's file name, its header the descriptor's field list", () => {
    expect(Object.keys(files).filter((f) => f.endsWith(".csv"))).toEqual(withId.map((r) => r.path));
    for (const r of withId) expect(files[r.path]!.split("\r\n")[0], r.path).toBe(r.schema.fields.map((f) => f.name).join(","));
  });

  it("describes them with the descriptor's types, formats, constraints and keys", () => {
    const mine = JSON.parse(files["datapackage.json"]!).resources;
    const theirs = withId.map((r) => ({
      name: r.name,
      path: r.path,
      format: "csv",
      mediatype: "text/csv",
      profile: "tabular-data-resource",
      schema: {
        fields: r.schema.fields.map((f) => ({ name: f.name, type: f.type, ...(f.format ? { format: f.format } : {}), constraints: f.constraints })),
        primaryKey: r.schema.primaryKey,
        ...(r.schema.foreignKeys ? { foreignKeys: r.schema.foreignKeys } : {}),
      },
    }));
    expect(mine).toEqual(theirs);
  });

  it("writes the bundled county: 42 organizations, 54 services, 20 locations, 22 evidence types", () => {
    const back = fromHsds(files).model;
    expect([back.departments.length, back.services.length, back.servicePoints.length, back.evidence.length]).toEqual([42, 54, 20, 22]);
  });
});
