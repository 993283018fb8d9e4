import { parseModel, type Model, type ModelInput } from "../../src/index.js";

/**
 * A county with two townships: an education bureau and its township office both hold "school places" (lead and
 * support); a market bureau co-provides the business licence; one service has no regionIds (it serves its
 * department's jurisdiction); a service point in the east township offers two services.
 */
export const countyInput = {
  schemaVersion: 1,
  meta: { name: "Two townships" },
  regions: [
    { id: "county", name: "County", level: "county", population: 30000, location: { lat: 30, lon: 110 } },
    { id: "east", name: "East township", parentId: "county", population: 10000 },
    { id: "west", name: "West township", parentId: "county" },
  ],
  segments: [
    { id: "families", name: "Families" },
    { id: "firms", name: "Businesses" },
  ],
  departments: [
    { id: "edu", name: "Education bureau", regionId: "county", kind: "bureau", staff: { authorized: 12, actual: 10 } },
    { id: "edu-east", name: "East education office", regionId: "east", parentId: "edu" },
    { id: "market", name: "Market regulation bureau", regionId: "county", budget: 500 },
  ],
  functions: [
    { id: "f-school", name: "School places", category: "public_service" },
    { id: "f-licence", name: "Business licensing", category: "licensing", domain: "04.1" },
  ],
  assignments: [
    { departmentId: "edu", functionId: "f-school" },
    { departmentId: "edu-east", functionId: "f-school", role: "support" },
    { departmentId: "market", functionId: "f-licence" },
  ],
  services: [
    {
      id: "s-enrol",
      name: "School enrolment",
      departmentId: "edu-east",
      functionIds: ["f-school"],
      needIds: ["n-baby"],
      segmentIds: ["families"],
      channels: [{ kind: "in_person", visits: 1 }],
      evidence: [{ evidenceId: "e-birth", source: "citizen" }],
      annualVolume: 400,
    },
    {
      id: "s-licence",
      name: "Business licence",
      departmentId: "market",
      partnerIds: ["edu"],
      functionIds: ["f-licence"],
      needIds: ["n-start"],
      segmentIds: ["firms"],
      regionIds: ["east", "west"],
      channels: [{ kind: "online", endToEnd: true }],
      evidence: [{ evidenceId: "e-id", source: "reused" }],
      status: "planned",
      fee: 0,
    },
  ],
  needs: [
    { id: "n-baby", name: "Have a baby", kind: "life_event", segmentIds: ["families"] },
    { id: "n-start", name: "Start a business", kind: "business_event", segmentIds: ["firms"], weight: 2 },
  ],
  evidence: [
    { id: "e-birth", name: "Birth certificate" },
    { id: "e-id", name: "Business registration", issuerId: "market" },
  ],
  servicePoints: [
    { id: "p-east", name: "East service centre", regionId: "east", serviceIds: ["s-enrol", "s-licence"], capacity: 5000, kind: "one_stop_center" },
  ],
  travelCosts: [{ regionId: "west", pointId: "p-east", cost: 20 }],
} satisfies ModelInput;

/** {@link countyInput}, validated. */
export const county: Model = parseModel(countyInput);
