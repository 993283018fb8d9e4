import fc from "fast-check";
import { applyPatches, enablePatches } from "immer";
import { describe, expect, it } from "vitest";
import { arbitraryModel } from "../../arbitraries.js";
import {
  addRecord,
  applyModelPatches,
  COLLECTIONS,
  editWithPatches,
  GovGraphError,
  parseModel,
  produceModel,
  removeRecord,
  stringifyModel,
  updateRecord,
  type CollectionName,
  type Model,
} from "../../../src/index.js";
import { county, failure } from "./county.js";

describe("editWithPatches and produceModel", () => {
  enablePatches();

  it("returns patches that redo the edit and inverse patches that undo it exactly", () => {
    const [next, patches, inverse] = editWithPatches(county, (draft) => {
      draft.services[0]!.fee = 12;
      draft.functions.push({ id: "aaa", name: "First by id" } as never);
    });
    expect(next.functions.map((f) => f.id)).toEqual(["aaa", "birth", "license"]);
    expect(applyPatches(county, patches)).toEqual(next);
    expect(applyModelPatches(next, inverse)).toEqual(county);
    expect(applyPatches(next, inverse)).toEqual(county);
  });

  it("parses what the recipe added (defaults filled) and refuses an invalid result, leaving the input alone", () => {
    const next = produceModel(county, (draft) => {
      draft.segments.push({ id: "elderly", name: "Elderly" } as never);
      draft.services.push({ id: "zz", name: "Home care", departmentId: "gov", channels: [{ kind: "outreach" }] } as never);
    });
    expect(next.services.find((s) => s.id === "zz")).toMatchObject({ functionIds: [], needIds: [], segmentIds: [] });
    const error = failure(() =>
      produceModel(county, (draft) => {
        draft.departments[0]!.regionId = "atlantis" as never;
      }),
    );
    expect(error.code).toBe("invalid_model");
    expect(error.issues.map((i) => i.pointer)).toEqual(["/departments/0/regionId"]);
    expect(county.departments.find((d) => d.id === "clinic")?.regionId).toBe("east");
  });
});

/** One random edit on a valid model: add, update or remove (with cascade) a record of a random collection. */
function randomEdit(model: Model, pick: number, cascade: boolean): Model {
  const nonEmpty = COLLECTIONS.filter((c) => model[c].length > 0);
  const c = nonEmpty[pick % nonEmpty.length]! as CollectionName;
  const record = model[c][pick % model[c].length] as unknown as Record<string, string>;
  const key = c === "assignments" ? { departmentId: record.departmentId!, functionId: record.functionId! } : c === "travelCosts" ? { regionId: record.regionId!, pointId: record.pointId! } : record.id!;
  try {
    switch (pick % 3) {
      case 0:
        return removeRecord(model, c, key as never, { cascade });
      case 1:
        return updateRecord(model, c, key as never, { tags: ["edited"] } as never);
      default:
        return addRecord(model, "segments", { id: `new-${pick}`, name: "New" });
    }
  } catch (error) {
    if (error instanceof GovGraphError) return model;
    throw error;
  }
}

describe("properties", () => {
  it("edits never mutate their input, and what they return is valid", () => {
    fc.assert(
      fc.property(arbitraryModel(), fc.nat(1000), fc.boolean(), (input, pick, cascade) => {
        const model = parseModel(input);
        const before = structuredClone(model);
        const next = randomEdit(model, pick, cascade);
        expect(model).toStrictEqual(before);
        expect(parseModel(JSON.parse(stringifyModel(next)))).toStrictEqual(next);
      }),
      { numRuns: 200 },
    );
  });

  it("inverse patches restore the model", () => {
    fc.assert(
      fc.property(arbitraryModel(), fc.nat(1000), (input, pick) => {
        const model = parseModel(input);
        const [next, , inverse] = editWithPatches(model, (draft) => {
          const regions = draft.regions;
          regions[pick % regions.length]!.name = "Renamed";
          draft.segments.unshift({ id: "\uffff-last", name: "Sorted to the end" } as never);
        });
        expect(next.segments.at(-1)?.id).toBe("\uffff-last");
        expect(applyModelPatches(next, inverse)).toStrictEqual(model);
      }),
      { numRuns: 100 },
    );
  });
});