import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseModel, suggestConsolidation, type Model } from "../../src/index.js";

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
        },
        {
          "budget": 0,
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
            "authorized": 0,
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

  it("refuses bad options", () => {
    expect(() => suggestConsolidation(model, { resolution: 0 })).toThrow(/suggestConsolidation: bad options: resolution must be positive/);
  });
});
