import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareIds, exampleCounty, fromHsds, generateModel, parseModel, toHsds, type Model } from "../../src/index.js";
import { arbitraryModel } from "../arbitraries.js";

const sorted = (ids: readonly string[] | undefined) => (ids ? [...ids].sort(compareIds) : []);

/** What HSDS carries of a model, in the form fromHsds gives it back (see docs/hsds.md for what is lost). */
function carried(model: Model, form: "json" | "csv") {
  const used = <T extends { id: string }>(records: readonly T[], ids: Iterable<string>) => {
    const keep = new Set(ids);
    return records.filter((r) => keep.has(r.id));
  };
  const performed = [...model.services.flatMap((s) => s.functionIds), ...model.assignments.map((a) => a.functionId)];
  const functions = form === "csv" ? model.functions : used(model.functions, performed);
  const segments = form === "csv" ? model.segments : used(model.segments, model.services.flatMap((s) => s.segmentIds));
  return {
    departments: model.departments.map((d) => ({ id: d.id, name: d.name, parentId: d.parentId, identifiers: d.identifiers })),
    functions: functions.map((f) => ({ id: f.id, name: f.name, description: f.description === f.name ? undefined : f.description })),
    segments: segments.map((s) => ({ id: s.id, name: s.name, description: s.description === s.name ? undefined : s.description })),
    assignments: model.assignments.map((a) => ({ departmentId: a.departmentId, functionId: a.functionId, role: a.role ?? "lead" })),
    services: model.services.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      departmentId: s.departmentId,
      status: s.status ?? "active",
      functionIds: sorted(s.functionIds),
      segmentIds: sorted(s.segmentIds),
      regionIds: sorted(s.regionIds),
      evidence: [...(s.evidence ?? [])].sort((a, b) => compareIds(a.evidenceId, b.evidenceId)),
      fee: s.fee,
    })),
    servicePoints: model.servicePoints.map((p) => ({ id: p.id, name: p.name, location: p.location, serviceIds: sorted(p.serviceIds) })),
    evidence: used(model.evidence, model.services.flatMap((s) => (s.evidence ?? []).map((e) => e.evidenceId))).map((e) => ({ id: e.id, name: e.name })),
    regions: used(model.regions, model.services.flatMap((s) => s.regionIds ?? [])).map((r) => ({ id: r.id, name: r.name })),
  };
}

function roundTrip(model: Model, form: "json" | "csv"): Model {
  const { model: back, issues } = fromHsds(toHsds(model, { format: form }));
  expect(issues).toEqual([]);
  return back;
}

describe("fromHsds(toHsds(model))", () => {
  it.each(["json", "csv"] as const)("keeps every service, organisation, location and evidence type of generated counties (%s)", (form) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { model } = generateModel({ size: "county", seed });
        const back = carried(roundTrip(model, form), form);
        expect(back).toEqual(carried(model, form));
        expect(back.services).toHaveLength(model.services.length);
      }),
      { numRuns: 2 },
    );
  });

  it.each(["json", "csv"] as const)("keeps them on small random models, with tricky ids and names (%s)", (form) => {
    fc.assert(
      fc.property(arbitraryModel(), (input) => {
        const model = parseModel(input);
        const back = roundTrip(model, form);
        const { regions, ...rest } = carried(back, form);
        const { regions: before, ...expected } = carried(model, form);
        expect(rest).toEqual(expected);
        // Every region a service serves comes back, under the one root region.
        expect(regions.filter((r) => r.id !== "catalogue")).toEqual(before.filter((r) => r.id !== "catalogue"));
      }),
      { numRuns: 60 },
    );
  });

  it("keeps the bundled county's 42 departments, 54 services, 20 service points and 22 evidence types in both forms", () => {
    for (const form of ["json", "csv"] as const) {
      const back = roundTrip(exampleCounty, form);
      expect(carried(back, form)).toEqual(carried(exampleCounty, form));
      expect([back.departments.length, back.services.length, back.servicePoints.length, back.evidence.length]).toEqual([42, 54, 20, 22]);
    }
  });
});

describe("toHsds(fromHsds(hsds))", () => {
  // Excerpts of HSDS 3.1's own examples (CC BY-SA 4.0): see test/fixtures/hsds/README.md.
  const fixtures = new URL("../fixtures/hsds/", import.meta.url);
  const serviceFull = readFileSync(new URL("service_full-excerpt.json", fixtures), "utf8");
  const csvDir = new URL("csv/", fixtures);
  const tables = Object.fromEntries(readdirSync(csvDir).map((f) => [f, readFileSync(new URL(f, csvDir), "utf8")]));

  it("gives the same model back from either form (what HSDS says beyond the model rides in hsds.* attributes)", () => {
    for (const input of [serviceFull, tables]) {
      const first = fromHsds(input, { strict: false }).model;
      for (const form of ["json", "csv"] as const) {
        const again = fromHsds(toHsds(first, { format: form }), { strict: false }).model;
        const expected = form === "csv" ? dropCapacities(first) : first;
        // The tabular form's unlinked term has no place in the JSON form (it is no service's or department's).
        expect(again).toEqual(form === "json" && input === tables ? { ...expected, functions: [] } : expected);
      }
    }
  });
});

/** The tabular form has no service_capacity table (HSDS 3.1's descriptor gives it no id): capacities are lost there. */
function dropCapacities(model: Model): Model {
  return {
    ...model,
    services: model.services.map((s) => {
      if (!s.attributes || !("hsds.capacities" in s.attributes)) return s;
      const { "hsds.capacities": _dropped, ...attributes } = s.attributes;
      return { ...s, attributes };
    }),
  };
}
