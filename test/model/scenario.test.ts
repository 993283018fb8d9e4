import { readFileSync } from "node:fs";
import { applyPatches } from "immer";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  applyScenario,
  canonicalize,
  compareModels,
  exampleCounty,
  GovGraphError,
  parseModel,
  validateModel,
  type Model,
  type ScenarioOperationInput,
} from "../../src/index.js";
import { arbitraryModel } from "../arbitraries.js";
import { model } from "./scenario/county.js";

describe("applyScenario", () => {
  it("returns patches both ways: the inverse restores the input exactly", () => {
    const ops: ScenarioOperationInput[] = [
      { op: "mergeDepartments", ids: ["d-met", "d-agri"], into: "d-agri" },
      { op: "digitizeService", serviceId: "s-forecast" },
      { op: "closeServicePoint", pointId: "p-hall" },
    ];
    const result = applyScenario(model, ops);
    expect(applyPatches(result.model, result.inversePatches)).toEqual(model);
    expect(applyPatches(model, result.patches)).toEqual(result.model);
    expect(Object.isFrozen(result.model.services)).toBe(true);
  });

  it("keeps random scenarios valid, canonical and exactly undoable", () => {
    const scenario = (m: Model) =>
      fc.gen().map((g) => {
        const pick = <T>(items: readonly T[]): T => items[g(fc.nat, items.length - 1)]!;
        const ops: ScenarioOperationInput[] = [];
        const depts = m.departments.map((d) => d.id as string);
        for (let k = g(fc.integer, { min: 1, max: 4 }); k > 0; k--) {
          const kind = g(fc.nat, 6);
          if (kind === 0 && m.services.length) ops.push({ op: "digitizeService", serviceId: pick(m.services).id });
          else if (kind === 1 && m.services.length) ops.push({ op: "retireService", serviceId: pick(m.services).id });
          else if (kind === 2 && m.evidence.length) ops.push({ op: "reuseEvidence", evidenceId: pick(m.evidence).id });
          else if (kind === 3) ops.push({ op: "setStaff", departmentId: pick(depts), actual: g(fc.nat, 50) });
          else if (kind === 4 && m.assignments.length && depts.length > 1) {
            const a = pick(m.assignments);
            ops.push({ op: "transferFunction", functionId: a.functionId, from: a.departmentId, to: pick(depts.filter((d) => d !== a.departmentId)) });
            break;
          } else if (kind === 5 && depts.length > 1) {
            const ids = g(fc.shuffledSubarray<string>, depts, { minLength: 2, maxLength: Math.min(3, depts.length) });
            ops.push({ op: "mergeDepartments", ids, into: pick(ids) });
            break;
          } else if (kind === 6 && m.servicePoints.length) {
            ops.push({ op: "closeServicePoint", pointId: pick(m.servicePoints).id });
            break;
          }
        }
        return ops;
      });
    fc.assert(
      fc.property(
        arbitraryModel().chain((i) => {
          const m = parseModel(i);
          return scenario(m).map((ops) => [m, ops] as const);
        }),
        ([m, ops]) => {
          const result = applyScenario(m, ops);
          expect(validateModel(JSON.parse(JSON.stringify(result.model))).issues.filter((i) => i.severity === "error")).toEqual([]);
          expect(canonicalize(result.model)).toEqual(result.model);
          expect(applyPatches(result.model, result.inversePatches)).toEqual(m);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("applyScenario on a model govgraph did not validate", () => {
  const ops: ScenarioOperationInput[] = [{ op: "digitizeService", serviceId: "s-school" }];

  it("validates it first: a valid plain copy gives the same result as the validated model", () => {
    const plain = JSON.parse(JSON.stringify(model)) as Model;
    const result = applyScenario(plain, ops);
    expect(result.model).toEqual(applyScenario(model, ops).model);
    expect(applyPatches(result.model, result.inversePatches)).toEqual(model);
    expect(Object.isFrozen(plain)).toBe(false);
  });

  it("throws invalid_model with every issue when it is not valid, instead of returning it frozen", () => {
    const broken = { ...JSON.parse(JSON.stringify(model)), servicePoints: [{ id: "p", name: "P", regionId: "atlantis", serviceIds: ["s-ghost"] }] };
    const error = (() => {
      try {
        applyScenario(broken, []);
      } catch (e) {
        return e as GovGraphError;
      }
    })();
    expect(error).toBeInstanceOf(GovGraphError);
    expect(error!.code).toBe("invalid_model");
    expect(error!.issues.map((i) => `${i.code} ${i.pointer}`)).toEqual([
      "unknown_reference /servicePoints/0/regionId",
      "unknown_reference /servicePoints/0/serviceIds/0",
      "unknown_reference /travelCosts/0/pointId",
    ]);
    expect(Object.isFrozen(broken)).toBe(false);
  });

  it("throws a GovGraphError for something that is not a model at all", () => {
    for (const value of [null, undefined, 42, [], "model"]) {
      expect(() => applyScenario(value as never, []), String(value)).toThrow(GovGraphError);
      expect(() => applyScenario(value as never, []), String(value)).toThrow(/^applyScenario: the model has 1 error/);
    }
  });
});

describe("docs/scenarios.md", () => {
  const doc = readFileSync(new URL("../../docs/scenarios.md", import.meta.url), "utf8");
  const jsonBlocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as ScenarioOperationInput[]);
  const outputs = [...doc.matchAll(/```\n\$ govgraph scenario [^\n]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const reuse: ScenarioOperationInput[] = exampleCounty.evidence.filter((e) => e.issuerId !== undefined).map((e) => ({ op: "reuseEvidence", evidenceId: e.id }));
  const fmt = (x: number | null) => (x === null ? "–" : Number.isInteger(x) ? String(x) : x.toFixed(3));

  it("quotes the scorecard rows the cookbook's scenarios really print", () => {
    const scenarios = [jsonBlocks[0]!, jsonBlocks[1]!, reuse];
    expect(outputs).toHaveLength(3);
    scenarios.forEach((ops, k) => {
      const report = compareModels(exampleCounty, applyScenario(exampleCounty, ops).model);
      const rows: [string, { before: number | null; after: number | null }][] = [
        ...Object.entries(report.scorecard.pillars),
        ["composite", report.scorecard.composite],
      ];
      let checked = 0;
      for (const [name, d] of rows) {
        const line = outputs[k]!.split("\n").find((l) => l.startsWith(name + " "));
        if (!line) continue;
        expect(line.trim().split(/\s+/).slice(1, 3)).toEqual([fmt(d.before), fmt(d.after)]);
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(2);
    });
  });
});
