import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryModel, arbitraryShuffledModel } from "../../arbitraries.js";
import { GovGraphError, modelJsonChunks, parseModel, parseModelJson, stringifyModel, validateModel, writeModelStream } from "../../../src/index.js";

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

describe("the writers' options", () => {
  const model = parseModel(tiny);

  it("take undefined as the default", () => {
    expect(stringifyModel(model, { indent: undefined })).toBe(stringifyModel(model));
    let text = "";
    writeModelStream(model, (chunk) => void (text += chunk), { indent: undefined, chunkSize: undefined });
    expect(text).toBe(stringifyModel(model));
  });

  it("refuse an unknown option or a bad value, naming the function and the option, before writing anything", () => {
    const written: string[] = [];
    const bad = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(GovGraphError);
        return (error as GovGraphError).message;
      }
      throw new Error("expected an error");
    };
    expect(bad(() => stringifyModel(model, { indent: 11 }))).toMatch(/^stringifyModel: option indent must be an integer in \[0, 10\], got 11/);
    expect(bad(() => stringifyModel(model, { indnet: 2 } as never))).toMatch(/^stringifyModel: unknown option "indnet"/);
    expect(bad(() => writeModelStream(model, (c) => void written.push(c), { chunkSize: 0 }))).toMatch(/^writeModelStream: option chunkSize must be a number in \[1, Infinity\]/);
    expect(bad(() => modelJsonChunks(model, { indent: "2" as never }))).toMatch(/^modelJsonChunks: option indent must be an integer/);
    expect(written).toEqual([]);
  });
});
