/**
 * A county whose meteorological and agriculture bureaus overlap: the model the scenario tests change.
 */
import { parseModel, type Model, type ModelInput } from "../../../src/index.js";

export const input: ModelInput = {
  schemaVersion: 1,
  regions: [
    { id: "r-prov", name: "Province" },
    { id: "r-county", name: "County", parentId: "r-prov" },
    { id: "r-other", name: "Other county", parentId: "r-prov" },
  ],
  departments: [
    { id: "d-gov", name: "County government", regionId: "r-county" },
    { id: "d-met", name: "Meteorological Bureau", regionId: "r-county", parentId: "d-gov", staff: { actual: 12, authorized: 15 }, budget: 3 },
    { id: "d-agri", name: "Agriculture Bureau", regionId: "r-county", parentId: "d-gov", staff: { actual: 30, authorized: 30 }, budget: 10 },
    { id: "d-met-station", name: "Weather station", regionId: "r-county", parentId: "d-met" },
    { id: "d-edu", name: "Education Bureau", regionId: "r-other" },
  ],
  functions: [
    { id: "f-weather", name: "Agricultural weather service" },
    { id: "f-farm", name: "Farm subsidies" },
    { id: "f-school", name: "Schools" },
  ],
  assignments: [
    { departmentId: "d-met", functionId: "f-weather", role: "lead" },
    { departmentId: "d-agri", functionId: "f-weather", role: "lead" },
    { departmentId: "d-agri", functionId: "f-farm", role: "lead" },
    { departmentId: "d-met", functionId: "f-farm", role: "support" },
    { departmentId: "d-edu", functionId: "f-school" },
  ],
  evidence: [
    { id: "e-id", name: "Identity card", issuerId: "d-met" },
    { id: "e-land", name: "Land contract", issuerId: "d-agri" },
  ],
  services: [
    {
      id: "s-forecast", name: "Farm forecast", departmentId: "d-met", partnerIds: ["d-agri"], functionIds: ["f-weather"], needIds: ["n-farm"],
      channels: [{ kind: "in_person", visits: 1 }], evidence: [{ evidenceId: "e-id", source: "citizen" }],
    },
    {
      id: "s-subsidy", name: "Farm subsidy", departmentId: "d-agri", partnerIds: ["d-met", "d-edu"], functionIds: ["f-farm"], needIds: ["n-farm"],
      channels: [{ kind: "in_person" }, { kind: "online", endToEnd: false }],
      evidence: [{ evidenceId: "e-id", source: "citizen" }, { evidenceId: "e-land", source: "citizen" }],
    },
    { id: "s-school", name: "School enrolment", departmentId: "d-edu", functionIds: ["f-school"], channels: [{ kind: "online" }] },
  ],
  needs: [
    { id: "n-farm", name: "Farming", kind: "business_event", journey: [{ serviceId: "s-subsidy" }, { serviceId: "s-forecast", after: ["s-subsidy"] }] },
  ],
  servicePoints: [{ id: "p-hall", name: "Service hall", regionId: "r-county", serviceIds: ["s-forecast", "s-subsidy"] }],
  travelCosts: [{ regionId: "r-county", pointId: "p-hall", cost: 5 }],
};
export const model = parseModel(input);
export const dept = (m: Model, id: string) => m.departments.find((d) => d.id === id);
export const service = (m: Model, id: string) => m.services.find((s) => s.id === id)!;
