/**
 * Models built to hit the scale cliffs of the analyses: many departments leading one function in one region, a very
 * deep region chain (and the flat model of the same size), and many regions and service points at one location.
 * Shared by test/hostile/cliffs.test.ts (scaled down) and bench/cliffs.ts (full size).
 */
import { parseModel, type Model, type ModelInput } from "../../src/index.js";

type Input = Required<Pick<ModelInput, "regions" | "departments" | "functions" | "assignments" | "services" | "needs" | "servicePoints">>;

const pad = (i: number) => String(i).padStart(7, "0");

/** A made-up word for record `i` (names that are not near-duplicates of each other, unlike "Work 1", "Work 2"). */
function word(i: number): string {
  let h = (i + 1) * 0x9e3779b1;
  let out = "";
  for (let k = 0; k < 10; k++) {
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) >>> 0;
    out += String.fromCharCode(97 + (h % 26));
  }
  return out;
}

/**
 * `holders` departments of one region all leading `f`, each also leading a function of its own and supporting `g`,
 * with one service each (the same function and audience: service duplication too) meeting the need `n`.
 */
export function holdersInput(holders: number): ModelInput {
  const m: Input = {
    regions: [{ id: "r", name: "Region" }],
    functions: [
      { id: "f", name: "Licensing" },
      { id: "g", name: "Inspection" },
    ],
    departments: [],
    assignments: [],
    services: [],
    needs: [{ id: "n", name: "Need", kind: "need" }],
    servicePoints: [],
  };
  for (let i = 0; i < holders; i++) {
    const d = `d${pad(i)}`;
    m.departments.push({ id: d, name: `Department ${i}`, regionId: "r" });
    m.functions.push({ id: `own${pad(i)}`, name: word(i) });
    m.assignments.push({ departmentId: d, functionId: "f", role: "lead" }, { departmentId: d, functionId: "g", role: "support" });
    m.assignments.push({ departmentId: d, functionId: `own${pad(i)}`, role: "lead" });
    m.services.push({ id: `s${pad(i)}`, name: `Licence ${i}`, departmentId: d, functionIds: ["f"], needIds: ["n"], channels: [{ kind: "online" }] });
  }
  return { schemaVersion: 1, ...m };
}

/**
 * `size` regions, as a chain `depth` deep (each region the parent of the next) or flat (one root, the others its
 * children), with a department in each leading a function of its own and providing a service for it. The
 * departments of the root and of the last region both lead `shared` (a vertical duplication across the chain).
 */
export function chainInput(size: number, shape: "chain" | "flat"): ModelInput {
  const m: Input = { regions: [], functions: [{ id: "shared", name: "Shared work" }], departments: [], assignments: [], services: [], needs: [], servicePoints: [] };
  m.needs.push({ id: "n", name: "Need", kind: "need" });
  for (let i = 0; i < size; i++) {
    const parentId = i === 0 ? undefined : shape === "chain" ? `r${pad(i - 1)}` : `r${pad(0)}`;
    m.regions.push({ id: `r${pad(i)}`, name: `Region ${i}`, ...(parentId ? { parentId } : {}), population: 10 });
    m.departments.push({ id: `d${pad(i)}`, name: `Department ${i}`, regionId: `r${pad(i)}` });
    m.functions.push({ id: `f${pad(i)}`, name: word(i) });
    m.assignments.push({ departmentId: `d${pad(i)}`, functionId: `f${pad(i)}`, role: "lead" });
    if (i === 0 || i === size - 1) m.assignments.push({ departmentId: `d${pad(i)}`, functionId: "shared", role: "lead" });
    m.services.push({ id: `s${pad(i)}`, name: `Service ${i}`, departmentId: `d${pad(i)}`, functionIds: [`f${pad(i)}`], needIds: i % 1000 === 0 ? ["n"] : [], channels: [{ kind: "in_person" }] });
  }
  return { schemaVersion: 1, ...m };
}

/**
 * `regions` leaf regions under one root and `points` service points, all at one location; the points offer one
 * in-person service meeting need `n` (demand: the regions' population), each with a capacity.
 */
export function colocatedInput(regions: number, points: number): ModelInput {
  const location = { lat: 10, lon: 20 };
  const m: Input = {
    regions: [{ id: "root", name: "Root", location }],
    functions: [{ id: "f", name: "Work" }],
    departments: [{ id: "d", name: "Department", regionId: "root" }],
    assignments: [{ departmentId: "d", functionId: "f", role: "lead" }],
    services: [{ id: "s", name: "Service", departmentId: "d", functionIds: ["f"], needIds: ["n"], channels: [{ kind: "in_person" }] }],
    needs: [{ id: "n", name: "Need", kind: "need" }],
    servicePoints: [],
  };
  for (let i = 0; i < regions; i++) m.regions.push({ id: `r${pad(i)}`, name: `Region ${i}`, parentId: "root", location, population: 100 + (i % 7) });
  for (let i = 0; i < points; i++) m.servicePoints.push({ id: `p${pad(i)}`, name: `Point ${i}`, regionId: `r${pad(i % regions)}`, serviceIds: ["s"], location, capacity: 50 + (i % 3) });
  return { schemaVersion: 1, ...m };
}

/** A validated model of an input above. */
export const build = (input: ModelInput): Model => parseModel(input);
