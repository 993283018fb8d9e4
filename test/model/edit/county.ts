/**
 * A county with one of every reference, small enough to read, and helpers the edit tests share.
 */
import { expect } from "vitest";
import { COLLECTIONS, GovGraphError, parseModel, type Model } from "../../../src/index.js";

/** A county with one of every reference, small enough to read. */
export const county = parseModel({
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

export function failure(run: () => unknown): GovGraphError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GovGraphError);
    return error as GovGraphError;
  }
  throw new Error("expected a GovGraphError");
}

/** Ids per collection (key pairs joined with ->), to show what an edit kept. */
export function ids(model: Model): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of COLLECTIONS) {
    out[c] = (model[c] as unknown as readonly Record<string, string>[]).map((r) =>
      c === "assignments" ? `${r.departmentId}->${r.functionId}` : c === "travelCosts" ? `${r.regionId}->${r.pointId}` : r.id!,
    );
  }
  return out;
}
