import fc from "fast-check";
import { applyPatches, enablePatches } from "immer";
import { describe, expect, it } from "vitest";
import { arbitraryModel } from "../arbitraries.js";
import {
  addRecord,
  applyModelPatches,
  COLLECTIONS,
  editWithPatches,
  findReferrers,
  GovGraphError,
  parseModel,
  produceModel,
  removeRecord,
  stringifyModel,
  updateRecord,
  type CollectionName,
  type Model,
} from "../../src/index.js";

/** A county with one of every reference, small enough to read. */
const county = parseModel({
  schemaVersion: 1,
  regions: [
    { id: "county", name: "County" },
    { id: "east", name: "East", parentId: "county" },
    { id: "east-village", name: "East village", parentId: "east" },
  ],
  segments: [{ id: "families", name: "Families" }, { id: "firms", name: "Firms" }],
  departments: [
    { id: "gov", name: "Government", regionId: "county" },
    { id: "health", name: "Health", regionId: "county", parentId: "gov" },
    { id: "clinic", name: "East clinic", regionId: "east", parentId: "health" },
  ],
  functions: [{ id: "birth", name: "Register births" }, { id: "license", name: "License shops" }],
  assignments: [
    { departmentId: "health", functionId: "birth" },
    { departmentId: "clinic", functionId: "birth", role: "support" },
    { departmentId: "gov", functionId: "license" },
  ],
  services: [
    {
      id: "register-birth", name: "Register a birth", departmentId: "health", partnerIds: ["clinic"], functionIds: ["birth"], needIds: ["baby"],
      segmentIds: ["families"], regionIds: ["east", "county"], channels: [{ kind: "online" }], evidence: [{ evidenceId: "id-card", source: "citizen" }],
    },
    { id: "birth-allowance", name: "Birth allowance", departmentId: "clinic", needIds: ["baby"], channels: [{ kind: "in_person", visits: 1 }] },
    { id: "open-shop", name: "Open a shop", departmentId: "gov", functionIds: ["license"], segmentIds: ["firms"], channels: [{ kind: "in_person" }] },
  ],
  needs: [
    {
      id: "baby", name: "Have a baby", kind: "life_event", segmentIds: ["families"],
      demand: [{ regionId: "east", volume: 10 }, { regionId: "county", segmentId: "families", volume: 30 }],
      journey: [{ serviceId: "register-birth" }, { serviceId: "birth-allowance", after: ["register-birth"] }],
    },
  ],
  evidence: [{ id: "id-card", name: "Identity card", issuerId: "gov" }],
  servicePoints: [{ id: "centre", name: "Service centre", regionId: "east", serviceIds: ["register-birth", "open-shop"] }],
  travelCosts: [{ regionId: "east-village", pointId: "centre", cost: 10 }, { regionId: "county", pointId: "centre", cost: 20 }],
});

function failure(run: () => unknown): GovGraphError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GovGraphError);
    return error as GovGraphError;
  }
  throw new Error("expected a GovGraphError");
}

/** Ids per collection (key pairs joined with ->), to show what an edit kept. */
function ids(model: Model): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of COLLECTIONS) {
    out[c] = (model[c] as unknown as readonly Record<string, string>[]).map((r) =>
      c === "assignments" ? `${r.departmentId}->${r.functionId}` : c === "travelCosts" ? `${r.regionId}->${r.pointId}` : r.id!,
    );
  }
  return out;
}

describe("addRecord", () => {
  it("adds in canonical order, fills defaults, returns a new frozen model and leaves the input alone", () => {
    const before = stringifyModel(county);
    const next = addRecord(county, "functions", { id: "archive", name: "Keep archives" });
    expect(next.functions.map((f) => f.id)).toEqual(["archive", "birth", "license"]);
    expect(stringifyModel(county)).toBe(before);
    expect(Object.isFrozen(next.functions)).toBe(true);
    expect(Object.isFrozen(next.functions[0])).toBe(true);
    expect(next.regions).toBe(county.regions); // untouched collections are shared, not copied
    const service = addRecord(next, "services", { id: "archive-copy", name: "Copy a record", departmentId: "gov", channels: [{ kind: "mail" }] });
    expect(service.services.find((s) => s.id === "archive-copy")).toMatchObject({ functionIds: [], needIds: [], segmentIds: [] });
  });

  it("refuses a taken id or key pair (invalid_operation) and a dangling reference (invalid_model)", () => {
    expect(failure(() => addRecord(county, "regions", { id: "east", name: "Again" })).message).toMatchInlineSnapshot(`"addRecord: regions already has the region "east". Use updateRecord to change it, or choose another id."`);
    expect(failure(() => addRecord(county, "assignments", { departmentId: "gov", functionId: "license", role: "support" })).code).toBe("invalid_operation");
    const dangling = failure(() => addRecord(county, "services", { id: "x", name: "X", departmentId: "nobody", needIds: ["no-need"], channels: [{ kind: "online" }] }));
    expect(dangling.code).toBe("invalid_model");
    expect(dangling.issues.map((i) => `${i.code} ${i.pointer}`)).toMatchInlineSnapshot(`
      [
        "unknown_reference /services/3/departmentId",
        "unknown_reference /services/3/needIds/0",
      ]
    `);
    const invalid = failure(() => addRecord(county, "segments", { id: "s", name: "", colour: "red" } as never));
    expect(invalid.issues.map((i) => `${i.code} ${i.pointer}`)).toMatchInlineSnapshot(`
      [
        "too_small /segments/2/name",
        "unrecognized_keys /segments/2/colour",
      ]
    `);
  });

  it("accepts __proto__ as an ordinary id", () => {
    const next = addRecord(county, "regions", { id: "__proto__", name: "Odd", parentId: "county" });
    expect(next.regions[0]!.id).toBe("__proto__");
    expect(addRecord(next, "departments", { id: "constructor", name: "Odd bureau", regionId: "__proto__" }).departments.map((d) => d.id)).toEqual(["clinic", "constructor", "gov", "health"]);
  });
});

describe("updateRecord", () => {
  it("merges a patch, removes fields set to undefined, and checks the result", () => {
    const next = updateRecord(county, "services", "register-birth", { fee: 5, regionIds: undefined });
    const service = next.services.find((s) => s.id === "register-birth")!;
    expect(service.fee).toBe(5);
    expect(service).not.toHaveProperty("regionIds");
    expect(county.services.find((s) => s.id === "register-birth")).toHaveProperty("regionIds");
  });

  it("addresses assignments and travel costs by their key pairs", () => {
    const next = updateRecord(county, "assignments", { departmentId: "clinic", functionId: "birth" }, { role: "lead" });
    expect(next.assignments.find((a) => a.departmentId === "clinic")?.role).toBe("lead");
    expect(updateRecord(county, "travelCosts", { regionId: "county", pointId: "centre" }, { cost: 3 }).travelCosts[0]!.cost).toBe(3);
  });

  it("refuses unknown records, key changes, cycles and dangling references", () => {
    expect(failure(() => updateRecord(county, "needs", "nothing", { weight: 2 })).code).toBe("not_found");
    expect(failure(() => updateRecord(county, "regions", "east", { id: "west" } as never)).code).toBe("invalid_operation");
    const cycle = failure(() => updateRecord(county, "regions", "county", { parentId: "east-village" }));
    expect(cycle.issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "Regions form a cycle through parentId: "county" -> "east-village" -> "east" -> "county". A region cannot contain itself; remove one of these parentIds.",
      ]
    `);
    expect(failure(() => updateRecord(county, "departments", "gov", { regionId: "atlantis" })).code).toBe("invalid_model");
  });
});

describe("removeRecord", () => {
  it("refuses to remove a record others refer to, naming every referrer (collection, id, field)", () => {
    const error = failure(() => removeRecord(county, "departments", "clinic"));
    expect(error.code).toBe("referenced");
    expect(error.message).toMatchInlineSnapshot(`"removeRecord: department "clinic" has 3 references to it: assignment of function "birth" to department "clinic" (departmentId), service "birth-allowance" (departmentId), service "register-birth" (partnerIds[0]). Change or remove them first, or pass { cascade: true }."`);
    expect(error.issues.map((i) => i.pointer)).toMatchInlineSnapshot(`
      [
        "/assignments/0/departmentId",
        "/services/0/departmentId",
        "/services/2/partnerIds/0",
      ]
    `);
    expect(findReferrers(county, "services", "register-birth").map((r) => `${r.collection} ${JSON.stringify(r.key)} ${r.field}`)).toMatchInlineSnapshot(`
      [
        "needs "baby" journey[0].serviceId",
        "needs "baby" journey[1].after[0]",
        "servicePoints "centre" serviceIds[0]",
      ]
    `);
  });

  it("removes an unreferenced record, and assignments or travel costs by key", () => {
    expect(ids(removeRecord(county, "assignments", { departmentId: "gov", functionId: "license" })).assignments).toEqual(["clinic->birth", "health->birth"]);
    expect(ids(removeRecord(county, "travelCosts", { regionId: "county", pointId: "centre" })).travelCosts).toEqual(["east-village->centre"]);
    expect(failure(() => removeRecord(county, "segments", "nobody")).code).toBe("not_found");
  });

  it("cascade on a department: its assignments and services go, subordinates move up, partner and issuer references are stripped", () => {
    const next = removeRecord(county, "departments", "health", { cascade: true });
    expect(ids(next)).toMatchInlineSnapshot(`
      {
        "assignments": [
          "clinic->birth",
          "gov->license",
        ],
        "departments": [
          "clinic",
          "gov",
        ],
        "evidence": [
          "id-card",
        ],
        "functions": [
          "birth",
          "license",
        ],
        "needs": [
          "baby",
        ],
        "regions": [
          "county",
          "east",
          "east-village",
        ],
        "segments": [
          "families",
          "firms",
        ],
        "servicePoints": [
          "centre",
        ],
        "services": [
          "birth-allowance",
          "open-shop",
        ],
        "travelCosts": [
          "county->centre",
          "east-village->centre",
        ],
      }
    `);
    expect(next.departments.find((d) => d.id === "clinic")?.parentId).toBe("gov");
    expect(next.needs[0]!.journey).toEqual([{ serviceId: "birth-allowance", after: [] }]);
  });

  it("cascade on a region: departments, points, demand and travel costs there go; sub-regions move up; services stop listing it", () => {
    const next = removeRecord(county, "regions", "east", { cascade: true });
    expect(ids(next)).toMatchInlineSnapshot(`
      {
        "assignments": [
          "gov->license",
          "health->birth",
        ],
        "departments": [
          "gov",
          "health",
        ],
        "evidence": [
          "id-card",
        ],
        "functions": [
          "birth",
          "license",
        ],
        "needs": [
          "baby",
        ],
        "regions": [
          "county",
          "east-village",
        ],
        "segments": [
          "families",
          "firms",
        ],
        "servicePoints": [],
        "services": [
          "open-shop",
          "register-birth",
        ],
        "travelCosts": [],
      }
    `);
    expect(next.regions.find((r) => r.id === "east-village")?.parentId).toBe("county");
    expect(next.needs[0]!.demand).toEqual([{ regionId: "county", segmentId: "families", volume: 30 }]);
  });

  it("cascade on functions, needs, segments, evidence, services and points strips the references", () => {
    const noBirth = removeRecord(county, "functions", "birth", { cascade: true });
    expect(noBirth.assignments.map((a) => a.functionId)).toEqual(["license"]);
    expect(noBirth.services.find((s) => s.id === "register-birth")?.functionIds).toEqual([]);
    expect(removeRecord(county, "needs", "baby", { cascade: true }).services.map((s) => s.needIds)).toEqual([[], [], []]);
    const noFamilies = removeRecord(county, "segments", "families", { cascade: true });
    expect(noFamilies.needs[0]).toMatchObject({ segmentIds: [], demand: [{ regionId: "east", volume: 10 }] });
    expect(noFamilies.services.find((s) => s.id === "register-birth")?.segmentIds).toEqual([]);
    expect(removeRecord(county, "evidence", "id-card", { cascade: true }).services.find((s) => s.id === "register-birth")?.evidence).toEqual([]);
    const noService = removeRecord(county, "services", "register-birth", { cascade: true });
    expect(noService.needs[0]!.journey).toEqual([{ serviceId: "birth-allowance", after: [] }]);
    expect(noService.servicePoints[0]!.serviceIds).toEqual(["open-shop"]);
    expect(ids(removeRecord(county, "servicePoints", "centre", { cascade: true })).travelCosts).toEqual([]);
  });
});

describe("editWithPatches and produceModel", () => {
  enablePatches();

  it("returns patches that redo the edit and inverse patches that undo it exactly", () => {
    const [next, patches, inverse] = editWithPatches(county, (draft) => {
      draft.services[0]!.fee = 12;
      draft.functions.push({ id: "aaa", name: "First by id" } as never);
    });
    expect(next.functions.map((f) => f.id)).toEqual(["aaa", "birth", "license"]);
    expect(applyPatches(county, patches)).toEqual(next);
    expect(applyModelPatches(next, inverse)).toEqual(county);
    expect(applyPatches(next, inverse)).toEqual(county);
  });

  it("parses what the recipe added (defaults filled) and refuses an invalid result, leaving the input alone", () => {
    const next = produceModel(county, (draft) => {
      draft.segments.push({ id: "elderly", name: "Elderly" } as never);
      draft.services.push({ id: "zz", name: "Home care", departmentId: "gov", channels: [{ kind: "outreach" }] } as never);
    });
    expect(next.services.find((s) => s.id === "zz")).toMatchObject({ functionIds: [], needIds: [], segmentIds: [] });
    const error = failure(() =>
      produceModel(county, (draft) => {
        draft.departments[0]!.regionId = "atlantis" as never;
      }),
    );
    expect(error.code).toBe("invalid_model");
    expect(error.issues.map((i) => i.pointer)).toEqual(["/departments/0/regionId"]);
    expect(county.departments.find((d) => d.id === "clinic")?.regionId).toBe("east");
  });
});

/** One random edit on a valid model: add, update or remove (with cascade) a record of a random collection. */
function randomEdit(model: Model, pick: number, cascade: boolean): Model {
  const nonEmpty = COLLECTIONS.filter((c) => model[c].length > 0);
  const c = nonEmpty[pick % nonEmpty.length]! as CollectionName;
  const record = model[c][pick % model[c].length] as unknown as Record<string, string>;
  const key = c === "assignments" ? { departmentId: record.departmentId!, functionId: record.functionId! } : c === "travelCosts" ? { regionId: record.regionId!, pointId: record.pointId! } : record.id!;
  try {
    switch (pick % 3) {
      case 0:
        return removeRecord(model, c, key as never, { cascade });
      case 1:
        return updateRecord(model, c, key as never, { tags: ["edited"] } as never);
      default:
        return addRecord(model, "segments", { id: `new-${pick}`, name: "New" });
    }
  } catch (error) {
    if (error instanceof GovGraphError) return model;
    throw error;
  }
}

describe("properties", () => {
  it("edits never mutate their input, and what they return is valid", () => {
    fc.assert(
      fc.property(arbitraryModel(), fc.nat(1000), fc.boolean(), (input, pick, cascade) => {
        const model = parseModel(input);
        const before = structuredClone(model);
        const next = randomEdit(model, pick, cascade);
        expect(model).toStrictEqual(before);
        expect(parseModel(JSON.parse(stringifyModel(next)))).toStrictEqual(next);
      }),
      { numRuns: 200 },
    );
  });

  it("inverse patches restore the model", () => {
    fc.assert(
      fc.property(arbitraryModel(), fc.nat(1000), (input, pick) => {
        const model = parseModel(input);
        const [next, , inverse] = editWithPatches(model, (draft) => {
          const regions = draft.regions;
          regions[pick % regions.length]!.name = "Renamed";
          draft.segments.unshift({ id: "\uffff-last", name: "Sorted to the end" } as never);
        });
        expect(next.segments.at(-1)?.id).toBe("\uffff-last");
        expect(applyModelPatches(next, inverse)).toStrictEqual(model);
      }),
      { numRuns: 100 },
    );
  });
});
