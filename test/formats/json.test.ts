import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryModel, arbitraryShuffledModel } from "../arbitraries.js";
import { GovGraphError, parseModel, parseModelJson, stringifyModel, validateModel, type JsonIssue } from "../../src/index.js";

function jsonError(text: string): { message: string; line: number; column: number } {
  try {
    parseModelJson(text);
  } catch (error) {
    expect(error).toBeInstanceOf(GovGraphError);
    expect((error as GovGraphError).code).toBe("invalid_json");
    const issue = (error as GovGraphError).issues[0] as JsonIssue;
    return { message: (error as GovGraphError).message, line: issue.line, column: issue.column };
  }
  throw new Error("expected invalid_json");
}

const tiny = {
  schemaVersion: 1,
  regions: [
    { name: "West", id: "west", parentId: "county" },
    { location: { lon: 110.2, lat: 30.1 }, id: "county", name: "County" },
  ],
  departments: [{ regionId: "county", name: "Government", id: "gov", attributes: { zeta: 1, alpha: "a", mid: null } }],
  services: [{ channels: [{ visits: 1, kind: "in_person" }], departmentId: "gov", name: "Register", id: "reg" }],
  assignments: [],
};

describe("parseModelJson", () => {
  it("reads and validates a model file", () => {
    const text = readFileSync(join(import.meta.dirname, "../fixtures/prototype-ids.json"), "utf8");
    const model = parseModelJson(text);
    expect(model.regions.map((r) => r.id)).toEqual(["__proto__", "constructor", "toString"]);
  });

  it("gives invalid_json with the line and column of an empty, truncated or trailing-comma text", () => {
    expect(jsonError("")).toMatchInlineSnapshot(`
      {
        "column": 1,
        "line": 1,
        "message": "parseModelJson: the text is not valid JSON at line 1, column 1: the text is empty. Fix the JSON and try again.",
      }
    `);
    expect(jsonError('{\n  "schemaVersion": 1,\n  "regions": [')).toMatchInlineSnapshot(`
      {
        "column": 15,
        "line": 3,
        "message": "parseModelJson: the text is not valid JSON at line 3, column 15: unexpected end of the text, 2 bracket(s) still open. Fix the JSON and try again.",
      }
    `);
    expect(jsonError('{\n  "schemaVersion": 1,\n  "regions": [{ "id": "a", "name": "A" },]\n}')).toMatchInlineSnapshot(`
      {
        "column": 42,
        "line": 3,
        "message": "parseModelJson: the text is not valid JSON at line 3, column 42: a trailing comma before "]" (near " \\"a\\", \\"name\\": \\"A\\" },] }"). Fix the JSON and try again.",
      }
    `);
    expect(jsonError('{ "schemaVersion": 1, }')).toMatchInlineSnapshot(`
      {
        "column": 23,
        "line": 1,
        "message": "parseModelJson: the text is not valid JSON at line 1, column 23: a trailing comma before "}" (near "\\"schemaVersion\\": 1, }"). Fix the JSON and try again.",
      }
    `);
    expect(jsonError('{ "schemaVersion": NaN }').column).toBe(20);
    expect(jsonError('{ "a": 1 } {').message).toContain("after the end of the JSON value");
  });

  it("counts a byte order mark in the column and otherwise ignores it", () => {
    expect(parseModelJson('\uFEFF{ "schemaVersion": 1 }').regions).toEqual([]);
    expect(jsonError('\uFEFF{ "schemaVersion": 1, }')).toMatchObject({ line: 1, column: 24 });
  });

  it("handles 10,000 unclosed brackets without overflowing the stack", () => {
    expect(jsonError("[".repeat(10_000))).toMatchObject({ line: 1, column: 10_001 });
  });

  it("throws invalid_model listing every issue when the JSON is fine but the model is not", () => {
    try {
      parseModelJson('{ "schemaVersion": 1, "departments": [{ "id": "d", "name": "", "regionId": "r" }] }');
      expect.unreachable();
    } catch (error) {
      expect((error as GovGraphError).code).toBe("invalid_model");
      expect((error as GovGraphError).issues.map((i) => i.code)).toEqual(["too_small", "unknown_reference"]);
    }
  });
});

describe("stringifyModel", () => {
  it("writes fields in schema order, attributes sorted, records in id order, every collection present", () => {
    expect(stringifyModel(parseModel(tiny))).toMatchInlineSnapshot(`
      "{
        "schemaVersion": 1,
        "regions": [
          {
            "id": "county",
            "name": "County",
            "location": {
              "lat": 30.1,
              "lon": 110.2
            }
          },
          {
            "id": "west",
            "name": "West",
            "parentId": "county"
          }
        ],
        "segments": [],
        "departments": [
          {
            "id": "gov",
            "name": "Government",
            "regionId": "county",
            "attributes": {
              "alpha": "a",
              "mid": null,
              "zeta": 1
            }
          }
        ],
        "functions": [],
        "assignments": [],
        "services": [
          {
            "id": "reg",
            "name": "Register",
            "departmentId": "gov",
            "functionIds": [],
            "needIds": [],
            "segmentIds": [],
            "channels": [
              {
                "kind": "in_person",
                "visits": 1
              }
            ]
          }
        ],
        "needs": [],
        "evidence": [],
        "servicePoints": [],
        "travelCosts": []
      }"
    `);
  });

  it("gives the same bytes for the same model however its input was ordered", () => {
    const reordered = { ...tiny, regions: [...tiny.regions].reverse() };
    expect(stringifyModel(parseModel(reordered))).toBe(stringifyModel(parseModel(tiny)));
    expect(stringifyModel(parseModel(tiny), { indent: 0 })).not.toContain("\n");
  });

  it("keeps an attribute named __proto__ as data through a round trip", () => {
    const model = parseModelJson('{ "schemaVersion": 1, "segments": [{ "id": "s", "name": "S", "attributes": { "__proto__": "x", "a": 1 } }] }');
    const text = stringifyModel(model, { indent: 0 });
    expect(text).toContain('"attributes":{"__proto__":"x","a":1}');
    const again = parseModelJson(text);
    expect(Object.getOwnPropertyDescriptor(again.segments[0]!.attributes, "__proto__")?.value).toBe("x");
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("round-trips: parseModelJson(stringifyModel(m)) deep-equals m", () => {
    fc.assert(
      fc.property(arbitraryModel(), fc.constantFrom(0, 2), (input, indent) => {
        const model = parseModel(input);
        expect(parseModelJson(stringifyModel(model, { indent }))).toStrictEqual(model);
      }),
      { numRuns: 150 },
    );
  });

  it("record order in the input does not change the bytes", () => {
    fc.assert(
      fc.property(arbitraryShuffledModel(), ([a, b]) => {
        expect(stringifyModel(validateModel(b).model!)).toBe(stringifyModel(validateModel(a).model!));
      }),
      { numRuns: 100 },
    );
  });
});
