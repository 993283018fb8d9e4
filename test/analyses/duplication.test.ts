import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findDuplication, GovGraphError, parseModel, type Model } from "../../src/index.js";

const fixture = (name: string): Model =>
  parseModel(JSON.parse(readFileSync(new URL(`../fixtures/duplication/${name}.json`, import.meta.url), "utf8")));

describe("findDuplication on tiny fixtures", () => {
  it("does not call two counties, each with its own bureau, duplication or fragmentation", () => {
    const report = findDuplication(fixture("two-counties-each-with-own-bureau"));
    expect(report.duplication).toEqual([]);
    expect(report.fragmentation).toEqual([]);
    expect(report.overlap).toEqual([]);
    expect(report.summary).toMatchObject({ heldFunctions: 1, duplicatedFunctions: 0, duplicatedShare: { value: 0 }, fragmentedShare: { value: 0 } });
  });

  it("finds a provincial department and a county bureau leading the same permit as vertical duplication", () => {
    const report = findDuplication(fixture("county-bureau-and-provincial-department"));
    expect(report.duplication).toMatchInlineSnapshot(`
      [
        {
          "departmentIds": [
            "east-env",
            "prov-env",
          ],
          "id": "discharge-permit",
          "kind": "function",
          "regionIds": [
            "east",
            "prov",
          ],
          "scope": "vertical",
        },
      ]
    `);
    // Fragmentation is reported once, at the county (not again for West County, which has no department).
    expect(report.fragmentation).toEqual([
      { kind: "function", id: "discharge-permit", regionId: "east", departmentIds: ["east-env", "prov-env"], hhi: 0.5, effectiveNumber: 2 },
    ]);
    expect(report.overlap).toEqual([]);
    expect(report.summary).toMatchObject({ duplicatedFunctions: 1, duplicatedShare: { value: 1, numerator: 1, denominator: 1 }, duplication: 1 });
    expect(findDuplication(fixture("county-bureau-and-provincial-department"), { scope: "horizontal" }).duplication).toEqual([]);
  });

  it("finds two bureaus of one county licensing the same stalls, and weighs fragmentation by volume", () => {
    const report = findDuplication(fixture("two-bureaus-license-the-same-activity"));
    expect(report.duplication).toMatchInlineSnapshot(`
      [
        {
          "departmentIds": [
            "health",
            "market",
          ],
          "id": "food-stall-licence",
          "kind": "function",
          "regionIds": [
            "county",
          ],
          "scope": "horizontal",
        },
        {
          "departmentIds": [
            "health",
            "market",
          ],
          "ids": [
            "health-stall-licence",
            "market-stall-licence",
          ],
          "kind": "service",
          "scope": "horizontal",
          "shared": {
            "functionIds": [
              "food-stall-licence",
            ],
            "regionIds": [
              "county",
            ],
            "segmentIds": [
              "business",
            ],
          },
        },
      ]
    `);
    // Shares 300/400 and 100/400: HHI = 0.75^2 + 0.25^2 = 0.625, effective number 1.6.
    expect(report.fragmentation).toEqual([
      { kind: "function", id: "food-stall-licence", regionId: "county", departmentIds: ["health", "market"], hhi: 0.625, effectiveNumber: 1.6 },
    ]);
    expect(report.summary).toMatchObject({ duplicatedFunctions: 1, duplicatedServices: 2, duplication: 2 });
    expect(findDuplication(fixture("two-bureaus-license-the-same-activity"), { scope: "vertical" }).duplication).toEqual([]);
  });

  it("does not count a supporting role as duplication; fragmentation follows the roles option", () => {
    const model = fixture("support-role-is-not-duplication");
    const report = findDuplication(model);
    expect(report.duplication).toEqual([]);
    expect(report.fragmentation.map((f) => f.departmentIds)).toEqual([["agriculture", "water"]]);
    expect(findDuplication(model, { roles: ["lead"] }).fragmentation).toEqual([]);
  });

  it("finds services repeated by two departments for the same audience, not for another audience or county", () => {
    const report = findDuplication(fixture("services-repeated-by-two-departments"));
    const services = report.duplication.filter((d) => d.kind === "service");
    expect(services).toEqual([
      {
        kind: "service",
        ids: ["care-subsidy-ca", "care-subsidy-health"],
        departmentIds: ["civil-affairs", "health"],
        scope: "horizontal",
        shared: { functionIds: ["care-subsidy"], segmentIds: ["elderly"], regionIds: ["east"] },
      },
    ]);
    // Three departments of East County hold or serve the function; West County is its own jurisdiction.
    expect(report.fragmentation).toEqual([
      {
        kind: "function",
        id: "care-subsidy",
        regionId: "east",
        departmentIds: ["civil-affairs", "health", "veterans-affairs"],
        hhi: 0.333333,
        effectiveNumber: 3,
      },
    ]);
  });

  it("reports departments sharing most functions as overlap with the shared functions", () => {
    const report = findDuplication(fixture("overlapping-departments"));
    expect(report.duplication).toEqual([]);
    expect(report.overlap).toEqual([
      { departmentIds: ["culture", "sports"], score: 0.5, basis: "functions", shared: ["events", "venues"] },
    ]);
    expect(findDuplication(fixture("overlapping-departments"), { overlapThreshold: 0.6 }).overlap).toEqual([]);
    expect(findDuplication(fixture("overlapping-departments"), { roles: ["lead"] }).overlap).toEqual([]);
  });

  it("finds near-duplicate function names in English, French (accents, case) and Chinese", () => {
    const report = findDuplication(fixture("near-duplicate-function-names"));
    expect(report.nearDuplicateFunctions.map((x) => x.functionIds)).toEqual([
      ["f-business-licence", "f-business-licence-2"],
      ["f-permis", "f-permis-2"],
      ["f-yingye", "f-yingye-2"],
    ]);
    expect(report.nearDuplicateFunctions[1]!.similarity).toBe(1);
    expect(findDuplication(fixture("near-duplicate-function-names"), { nearDuplicateThreshold: 1 }).nearDuplicateFunctions).toHaveLength(1);
  });

  it("skips the parts left out of include", () => {
    const report = findDuplication(fixture("two-bureaus-license-the-same-activity"), { include: ["fragmentation"] });
    expect(report.duplication).toEqual([]);
    expect(report.fragmentation).toHaveLength(1);
    // Not looked for is not "none found": the counts of the parts left out are null, their shares not computed.
    expect(report.summary).toMatchObject({ duplication: null, duplicatedFunctions: null, duplicatedServices: null, overlap: null, nearDuplicateFunctions: null, fragmentation: 1 });
    expect(report.summary.notComputed).toEqual(["duplication", "overlap", "nearDuplicateFunctions"]);
    expect(report.summary.duplicatedShare).toMatchObject({ value: null, reason: "not_computed" });
    expect(report.summary.fragmentedShare.value).toBe(1);
  });

  it("refuses bad options and non-models with a message naming the fix", () => {
    const model = fixture("overlapping-departments");
    expect(() => findDuplication(model, { overlapThreshold: 2 })).toThrow(
      "findDuplication: option overlapThreshold must be a number in (0, 1], got 2. Fix the options and try again.",
    );
    expect(() => findDuplication(model, { scope: "diagonal" as never, include: ["everything" as never] })).toThrow(
      /^findDuplication: option scope must be one of horizontal, vertical, both, got "diagonal" \(and 1 more, listed in issues\)/,
    );
    expect(() => findDuplication(model, { threshold: 0.5 } as never)).toThrow(/^findDuplication: unknown option "threshold"/);
    expect(() => findDuplication({} as Model)).toThrow(GovGraphError);
    const dangling = { ...model, assignments: [{ departmentId: "nobody", functionId: "events", role: "lead" }] } as unknown as Model;
    expect(() => findDuplication(dangling)).toThrow(/^findDuplication: the model has 1 error \(all listed in issues\), the first at \/assignments\/0\/departmentId: .*"nobody"/);
  });
});

describe("findDuplication options", () => {
  it("takes a near-duplicate threshold as low as 0.05 (the banding stays finite)", () => {
    const report = findDuplication(fixture("near-duplicate-function-names"), { nearDuplicateThreshold: 0.05 });
    expect(report.nearDuplicateFunctions.length).toBeGreaterThanOrEqual(findDuplication(fixture("near-duplicate-function-names")).nearDuplicateFunctions.length);
    expect(report.nearDuplicateFunctions.every((n) => n.similarity >= 0.05)).toBe(true);
  });


  it("keeps the default of an option given as undefined", () => {
    const model = fixture("two-bureaus-license-the-same-activity");
    expect(findDuplication(model, { scope: undefined, roles: undefined })).toEqual(findDuplication(model));
    const every = { overlapThreshold: undefined, nearDuplicateThreshold: undefined, scope: undefined, roles: undefined, include: undefined, seed: undefined };
    expect(findDuplication(model, every)).toEqual(findDuplication(model));
  });
});
