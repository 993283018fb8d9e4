import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exampleCounty, findDuplication, generateModel, parseModel, suggestConsolidation, type Model } from "../../src/index.js";

const fixture = (name: string): Model =>
  parseModel(JSON.parse(readFileSync(new URL(`../fixtures/duplication/${name}.json`, import.meta.url), "utf8")));

describe("suggestConsolidation", () => {
  const model = fixture("merge-candidates-and-a-small-bureau");

  it("clusters duplicating and overlapping bureaus, with what a merge removes and the staff and budget involved", () => {
    const report = suggestConsolidation(model);
    expect(report.clusters).toMatchInlineSnapshot(`
      [
        {
          "budget": 12000,
          "departmentIds": [
            "health",
            "market",
          ],
          "links": 1,
          "meanOverlap": 0.5,
          "regionIds": [
            "county",
          ],
          "removesDuplication": [
            "food-inspection",
            "food-licence",
          ],
          "staff": {
            "actual": 118,
            "authorized": 130,
          },
          "unknown": {
            "actual": 0,
            "authorized": 0,
            "budget": 0,
          },
        },
        {
          "budget": null,
          "departmentIds": [
            "culture",
            "sports",
          ],
          "links": 1,
          "meanOverlap": 0.5,
          "regionIds": [
            "county",
          ],
          "removesDuplication": [],
          "staff": {
            "actual": 42,
            "authorized": null,
          },
          "unknown": {
            "actual": 0,
            "authorized": 2,
            "budget": 2,
          },
        },
      ]
    `);
    expect(report.summary.clusters).toBe(2);
  });

  it("folds the small meteorological bureau into its supervising office, and says why", () => {
    const report = suggestConsolidation(model);
    expect(report.smallDepartments).toMatchInlineSnapshot(`
      [
        {
          "departmentId": "sports",
          "functions": 3,
          "into": "culture",
          "reason": "highest_overlap",
          "score": 0.5,
          "staff": 12,
        },
        {
          "departmentId": "weather",
          "functions": 2,
          "into": "gov-office",
          "reason": "parent",
          "score": 0,
          "staff": 7,
        },
      ]
    `);
    expect(suggestConsolidation(model, { smallStaff: 5 }).smallDepartments.map((d) => d.departmentId)).not.toContain("weather");
  });

  it("is the same for the same seed and across record orders", () => {
    const reversed = parseModel({ ...model, departments: [...model.departments].reverse(), assignments: [...model.assignments].reverse() });
    expect(suggestConsolidation(reversed, { seed: 7 })).toEqual(suggestConsolidation(model, { seed: 7 }));
  });

  it("refuses bad options, naming them, and takes the default for options given as undefined", () => {
    expect(() => suggestConsolidation(model, { resolution: 0 })).toThrow(
      "suggestConsolidation: option resolution must be a number in (0, Infinity], got 0. Fix the options and try again.",
    );
    expect(() => suggestConsolidation(model, { seed: 1.5 })).toThrow(/^suggestConsolidation: option seed must be an integer/);
    expect(() => suggestConsolidation(model, { duplication: { clusters: [] } as never })).toThrow(/option duplication must be a report returned by findDuplication/);
    expect(() => suggestConsolidation(model, { treshold: 0.5 } as never)).toThrow(/^suggestConsolidation: unknown option "treshold"/);
    const undefinedOptions = { overlapThreshold: undefined, roles: undefined, seed: undefined, resolution: undefined, smallFunctions: undefined, smallStaff: undefined, duplication: undefined };
    expect(suggestConsolidation(model, undefinedOptions)).toEqual(suggestConsolidation(model));
  });
});

describe("suggestConsolidation with a duplication report", () => {
  const generated = generateModel({ size: "county", seed: 5 }).model;

  it.each([
    ["the example county", exampleCounty, {}],
    ["the example county, other options", exampleCounty, { overlapThreshold: 0.3, seed: 4, smallFunctions: 8 }],
    ["a generated county", generated, {}],
  ] as const)("gives the same suggestions as without it on %s", (_, m, options) => {
    expect(suggestConsolidation(m, { ...options, duplication: findDuplication(m) })).toEqual(suggestConsolidation(m, options));
  });

  it("gives the same suggestions when the report cannot stand in for consolidation's own analysis", () => {
    const m = exampleCounty;
    const expected = suggestConsolidation(m);
    // Other roles or scope, no overlap part, another model, or a copy of the report: the analysis runs again.
    expect(suggestConsolidation(m, { duplication: findDuplication(m, { roles: ["lead"] }) })).toEqual(expected);
    expect(suggestConsolidation(m, { duplication: findDuplication(m, { scope: "vertical" }) })).toEqual(expected);
    expect(suggestConsolidation(m, { duplication: findDuplication(m, { include: ["duplication"] }) })).toEqual(expected);
    expect(suggestConsolidation(m, { duplication: findDuplication(generated) })).toEqual(expected);
    expect(suggestConsolidation(m, { duplication: structuredClone(findDuplication(m)) })).toEqual(expected);
    expect(suggestConsolidation(m, { roles: ["lead"], duplication: findDuplication(m, { roles: ["lead"] }) })).toEqual(suggestConsolidation(m, { roles: ["lead"] }));
  });
});
