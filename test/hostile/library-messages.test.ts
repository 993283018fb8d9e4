/**
 * The bad calls the hostile-input review found, each with the exact error a caller now gets: a GovGraphError with a
 * code, a message that names the function and the argument, and the issues.
 */
import { describe, expect, it } from "vitest";
import {
  applyModelPatches,
  applyScenario,
  buildScorecard,
  compareModels,
  exampleCounty,
  findDuplication,
  floatingCatchment,
  generateModel,
  GovGraphError,
  produceModel,
  scoreCoverage,
  scorecard,
  stringifyModel,
  suggestConsolidation,
  type Model,
} from "../../src/index.js";
import { plainTiny, tiny } from "./library-hostile.js";

/** The code and message of the GovGraphError `run` throws. */
function refusal(run: () => unknown): [string, string] {
  try {
    run();
  } catch (error) {
    if (error instanceof GovGraphError) return [error.code, error.message];
    throw error;
  }
  throw new Error("expected a GovGraphError, got a result");
}

describe("bad arguments get a GovGraphError naming the function and the argument", () => {
  it("a model that is null, or has an empty service", () => {
    expect(refusal(() => scoreCoverage(null as never))).toMatchInlineSnapshot(`
      [
        "invalid_model",
        "scoreCoverage: the model has 1 error (all listed in issues), the first at /: The model must be a JSON object with "schemaVersion": 1 and its collections, not null. Fix the issues listed in error.issues.",
      ]
    `);
    expect(refusal(() => findDuplication({ ...plainTiny(), services: [{}] } as never))[1]).toMatch(
      /^findDuplication: the model has \d+ errors \(all listed in issues\), the first at \/services\/0\/id: The record at services\[0\]: "id" is required/,
    );
  });

  it("null options", () => {
    expect(refusal(() => findDuplication(tiny, null as never))).toEqual([
      "invalid_input",
      "findDuplication: options must be an object, got null. Pass an object such as {} or leave it out.",
    ]);
    expect(refusal(() => generateModel(null as never))[1]).toMatch(/^generateModel: options must be an object, got null/);
    expect(refusal(() => stringifyModel(tiny, { indent: 1e9 }))[1]).toBe(
      "stringifyModel: option indent must be an integer in [0, 10], got 1000000000. Fix the options and try again.",
    );
  });

  it("each function names itself, its deprecated alias included, and the argument that is wrong", () => {
    expect(refusal(() => scorecard(null as never))[1]).toMatch(/^scorecard: the model has 1 error/);
    expect(refusal(() => buildScorecard(null as never))[1]).toMatch(/^buildScorecard: the model has 1 error/);
    expect(refusal(() => suggestConsolidation(null as never))[1]).toMatch(/^suggestConsolidation: the model has 1 error/);
    expect(refusal(() => compareModels(tiny, null as never))[1]).toMatch(/^compareModels: the model given as after has 1 error .* not null\./);
    expect(refusal(() => floatingCatchment(null as never))).toEqual([
      "invalid_input",
      "floatingCatchment: argument input must be an object { demand, supply, costs, ... }, got null. Pass { demand, supply, costs, method?, maxCost?, weight? }.",
    ]);
  });

  it("a recipe that breaks the model gives invalid_model with the issues, and no model", () => {
    const [code, message] = refusal(() =>
      produceModel(tiny, (draft) => {
        (draft.services[0] as { id: unknown }).id = 5;
      }),
    );
    expect(code).toBe("invalid_model");
    // The id is a number, and the journey and the service point that named the old id now name nothing.
    expect(message).toBe(
      'produceModel: the model has 3 errors (all listed in issues), the first at /services/0/id: The record at services[0]: "id" must be a string, not a number. Fix the issues listed in error.issues.',
    );
    expect(refusal(() => produceModel(tiny, () => null as never))[1]).toMatch(/^produceModel: the model has 1 error .*The result must be a model object, not null/);
  });

  it("malformed patches, and patches that do not fit the model, give invalid_input", () => {
    expect(refusal(() => applyModelPatches(tiny, [{ op: "frob" as never, path: ["meta"] }]))).toEqual([
      "invalid_input",
      'applyModelPatches: argument patches must be an array of immer patches; item 0 must be an immer patch { op, path, value? }; its field op must be one of add, remove, replace, got "frob". Pass the patches or inverse patches that editWithPatches or applyScenario returned.',
    ]);
    expect(refusal(() => applyModelPatches(tiny, [{ op: "replace", path: ["nope", 3, "x"], value: 1 }]))).toEqual([
      "invalid_input",
      "applyModelPatches: immer refused the change (Cannot apply patch, path doesn't resolve: nope/3/x). Pass patches made from this model.",
    ]);
    expect(refusal(() => applyModelPatches(tiny, [{ op: "add", path: ["__proto__", "polluted"], value: 1 }]))[0]).toBe("invalid_input");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a scenario on null or on an unvalidated invalid model is refused; a valid plain model is validated, then changed", () => {
    expect(refusal(() => applyScenario(null as never, []))[1]).toMatch(/^applyScenario: the model has 1 error/);
    expect(refusal(() => applyScenario({ ...plainTiny(), services: [{}] } as never, []))[0]).toBe("invalid_model");
    const plain = plainTiny() as unknown as Model;
    const { model } = applyScenario(plain, [{ op: "retireService", serviceId: "open-shop" }]);
    expect(Object.isFrozen(model)).toBe(true);
    expect(model.services.find((s) => s.id === "open-shop")!.status).toBe("retired");
    expect(Object.isFrozen(plain)).toBe(false);
  });

  it("a valid model that govgraph did not validate is analysed as its validated copy", () => {
    expect(findDuplication(plainTiny() as unknown as Model)).toEqual(findDuplication(tiny));
    expect(scoreCoverage(JSON.parse(stringifyModel(exampleCounty)) as Model)).toEqual(scoreCoverage(exampleCounty));
  });
});
