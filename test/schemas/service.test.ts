import { describe, expect, it } from "vitest";
import { isActiveService, Service, ServiceStatus } from "../../src/index.js";

describe("isActiveService", () => {
  it("counts a service with no status or status active, and no planned or retired one", () => {
    const verdicts = [undefined, ...ServiceStatus.options].map((status) => [status ?? "(none)", isActiveService({ status })]);
    expect(verdicts).toEqual([
      ["(none)", true],
      ["active", true],
      ["planned", false],
      ["retired", false],
    ]);
  });
});

describe("Service", () => {
  it("fills its list defaults and keeps the user's own tags and attributes", () => {
    const service = Service.parse({ id: "s1", name: "Birth certificate", departmentId: "d1", tags: ["civil"], attributes: { code: 7 } });
    expect(service).toEqual({
      id: "s1",
      name: "Birth certificate",
      departmentId: "d1",
      functionIds: [],
      needIds: [],
      segmentIds: [],
      channels: [],
      tags: ["civil"],
      attributes: { code: 7 },
    });
  });

  it("rejects a field it does not know, naming it", () => {
    const result = Service.safeParse({ id: "s1", name: "Birth certificate", departmentId: "d1", owner: "d2" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.code, i.code === "unrecognized_keys" ? i.keys : []])).toEqual([["unrecognized_keys", ["owner"]]]);
  });
});
