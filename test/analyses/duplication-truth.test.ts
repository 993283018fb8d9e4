import { describe, expect, it } from "vitest";
import { findDuplication, generateModel, type GenerateSize } from "../../src/index.js";

/** Precision and recall of findDuplication against what the generator planted, printed for the record. */
function score(size: GenerateSize, seed: number) {
  const { model, truth } = generateModel({ size, seed });
  const report = findDuplication(model);
  // Function duplication: a planted function counts as found when the findings name exactly its lead holders.
  const found = new Map<string, Set<string>>();
  for (const d of report.duplication) {
    if (d.kind !== "function") continue;
    const set = found.get(d.id) ?? new Set<string>();
    for (const id of d.departmentIds) set.add(id);
    found.set(d.id, set);
  }
  const planted = new Map(truth.duplicatedFunctions.map((x) => [x.functionId as string, [...x.departmentIds].sort().join(",")]));
  const hits = [...planted].filter(([f, depts]) => found.has(f) && [...found.get(f)!].sort().join(",") === depts).length;
  const duplicated = {
    planted: planted.size,
    reported: found.size,
    recall: planted.size === 0 ? 1 : hits / planted.size,
    precision: found.size === 0 ? 1 : [...found.keys()].filter((f) => planted.has(f)).length / found.size,
  };
  const near = new Set(report.nearDuplicateFunctions.map((x) => x.functionIds.join("|")));
  const plantedNear = new Set(truth.nearDuplicateFunctions.map((x) => [...x].sort().join("|")));
  const nearHits = [...plantedNear].filter((x) => near.has(x)).length;
  const nearDuplicates = {
    planted: plantedNear.size,
    reported: near.size,
    recall: plantedNear.size === 0 ? 1 : nearHits / plantedNear.size,
    precision: near.size === 0 ? 1 : nearHits / near.size,
    unplanted: [...near].filter((x) => !plantedNear.has(x)),
  };
  console.log(`${size} seed ${seed}:`, JSON.stringify({ duplicatedFunctions: duplicated, nearDuplicateFunctions: { ...nearDuplicates, unplanted: nearDuplicates.unplanted.length } }));
  return { duplicated, nearDuplicates };
}

describe("findDuplication against the generator's planted truth", () => {
  for (const size of ["county", "province"] as const) {
    it(`finds every planted duplicated function and near-duplicate name on the ${size} tier`, () => {
      const { duplicated, nearDuplicates } = score(size, 1);
      expect(duplicated.planted).toBeGreaterThan(0);
      // Every planted duplicate is found and nothing else is reported (measured: 1 and 1 on both tiers).
      expect([duplicated.recall, duplicated.precision]).toEqual([1, 1]);
      expect(nearDuplicates.planted).toBeGreaterThan(0);
      expect(nearDuplicates.unplanted).toEqual([]);
      expect([nearDuplicates.recall, nearDuplicates.precision]).toEqual([1, 1]);
    });
  }
});
