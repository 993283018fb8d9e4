import { describe, expect, it } from "vitest";
import {
  addRecord,
  applyModelPatches,
  applyScenario,
  editWithPatches,
  exampleCounty,
  parseModel,
  parseModelJson,
  produceModel,
  removeRecord,
  stringifyModel,
  updateRecord,
  validateModel,
} from "../../src/index.js";
import { isValidatedModel } from "../../src/model/validated.js";
import { county } from "./edit/county.js";

describe("isValidatedModel", () => {
  it("recognises every model govgraph validated or derived from one", () => {
    const text = stringifyModel(county);
    const [edited, , inverse] = editWithPatches(county, (draft) => {
      draft.regions[0]!.name = "Renamed";
    });
    const results = {
      validateModel: validateModel(JSON.parse(text)).model,
      adopted: validateModel(JSON.parse(text), { adopt: true }).model,
      parseModel: county,
      parseModelJson: parseModelJson(text),
      applyScenario: applyScenario(county, [{ op: "retireService", serviceId: "open-shop" }]).model,
      addRecord: addRecord(county, "segments", { id: "elderly", name: "Elderly" }),
      updateRecord: updateRecord(county, "regions", "east", { population: 5 }),
      removeRecord: removeRecord(county, "functions", "license", { cascade: true }),
      editWithPatches: edited,
      applyModelPatches: applyModelPatches(edited, inverse),
      produceModel: produceModel(county, (draft) => {
        draft.meta = { name: "County" };
      }),
      exampleCounty,
    };
    for (const [name, model] of Object.entries(results)) expect(isValidatedModel(model), name).toBe(true);
  });

  it("does not take a copy, an input or anything else for a validated model", () => {
    const input = JSON.parse(stringifyModel(county));
    validateModel(input);
    for (const value of [structuredClone(county), { ...county }, input, null, undefined, 1, "county", []]) expect(isValidatedModel(value)).toBe(false);
  });

  it("validates a model it never validated before editing it, so the edit is validated too", () => {
    const plain = JSON.parse(stringifyModel(parseModel(county)));
    expect(isValidatedModel(plain)).toBe(false);
    expect(isValidatedModel(addRecord(plain, "segments", { id: "elderly", name: "Elderly" }))).toBe(true);
    expect(() => addRecord({ ...plain, schemaVersion: 2 }, "segments", { id: "elderly", name: "Elderly" })).toThrow(/^addRecord: the model has 1 error/);
  });
});
