import { describe, expect, it } from "vitest";
import { addRecord, stringifyModel, updateRecord } from "../../../src/index.js";
import { county, failure } from "./county.js";

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

