import { describe, expect, it } from "vitest";
import { findReferrers, removeRecord } from "../../../src/index.js";
import { county, failure, ids } from "./county.js";

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

  it("takes undefined for the default and refuses a bad option, naming it", () => {
    expect(failure(() => removeRecord(county, "functions", "license", { cascade: undefined })).code).toBe("referenced");
    const error = failure(() => removeRecord(county, "functions", "license", { cascade: "yes" } as never));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe('removeRecord: option cascade must be true or false, got "yes". Fix the options and try again.');
  });
});
