/**
 * Every function the entry points export, called with hostile arguments (fast-check): each call returns, or throws a
 * GovGraphError whose message starts with the function's name; never a TypeError, a RangeError or an error of a
 * dependency. The argument table below holds one valid call per function; a new export without a row fails here.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import * as report from "../../src/report/index.js";
import { breach, hostile, plainTiny, settle, tiny } from "./library-hostile.js";

const text = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const kenya = Object.fromEntries(["ministries.csv", "departments.csv", "agencies.csv", "services.csv"].map((f) => [f, text(`../fixtures/real/kenya-ecitizen/${f}`)]));
const index = api.indexModel(tiny);
const [, patches] = api.editWithPatches(tiny, (draft) => {
  draft.meta = { name: "Edited" };
});
const after = api.applyScenario(tiny, [{ op: "digitizeService", serviceId: "register-birth" }]).model;
const turtle = await api.toCpsvAp(tiny, { format: "turtle" });
const matrixCsv = "origin,destination,cost\na,s,5\nb,s,12\n";
const matrixAt = () => ({ demand: [{ id: "a" }, { id: "b" }], supply: [{ id: "s" }] });
const catchmentJson = JSON.stringify({ demand: [{ id: "a", value: 10 }], supply: [{ id: "s", value: 1 }], costs: [{ from: "a", to: "s", cost: 5 }] });
const located = [{ id: "a", lat: 30, lon: 110 }, { id: "b", lat: 30.1, lon: 110.1 }];

/** One valid call of a function: its arguments, which of them is an options object, and how to call it. */
interface Row {
  args: () => unknown[];
  /** The position of its options object, if it takes one (`null` there must be refused). */
  options?: number;
  /** Runs of each property: fewer for the calls that take tens of milliseconds. */
  runs?: number;
  construct?: boolean;
  iterate?: boolean;
}

const recipe = (draft: { meta?: unknown }) => {
  draft.meta = { name: "Edited" };
};

/** Every exported function (and the `weights` helpers), keyed by the name it is exported under. */
const TABLE: Record<string, Row> = {
  GovGraphError: { args: () => ["invalid_input", "x: something is wrong. Fix it."], construct: true },
  toPointer: { args: () => [["services", 0, "name"]] },
  validateModel: { args: () => [plainTiny(), {}], options: 1 },
  parseModel: { args: () => [plainTiny()] },
  formatIssues: { args: () => [api.validateModel({ schemaVersion: 2 }).issues] },
  addRecord: { args: () => [tiny, "segments", { id: "elderly", name: "Elderly" }] },
  updateRecord: { args: () => [tiny, "departments", "gov", { name: "County government" }] },
  removeRecord: { args: () => [tiny, "segments", "firms", { cascade: true }], options: 3 },
  findReferrers: { args: () => [tiny, "departments", "gov"] },
  editWithPatches: { args: () => [tiny, recipe] },
  produceModel: { args: () => [tiny, recipe] },
  applyModelPatches: { args: () => [tiny, patches] },
  canonicalize: { args: () => [plainTiny()] },
  compareIds: { args: () => ["a", "b"] },
  applyScenario: { args: () => [tiny, [{ op: "retireService", serviceId: "open-shop" }]] },
  generateModel: { args: () => [{ size: "county", seed: 1 }], options: 0, runs: 30 },
  parseJson: { args: () => ['{"a": [1, 2]}'] },
  parseModelJson: { args: () => [api.stringifyModel(tiny)] },
  parseJsonBytes: { args: () => [new TextEncoder().encode('{"a": 1}'), {}], options: 1 },
  parseModelJsonBytes: { args: () => [new TextEncoder().encode(api.stringifyModel(tiny)), {}], options: 1 },
  validateModelJsonBytes: { args: () => [new TextEncoder().encode(api.stringifyModel(tiny)), {}], options: 1 },
  formatCsvField: { args: () => ['Licence "A", B'] },
  formatCsvRecord: { args: () => [["id", "name"], "\n"] },
  stringifyModel: { args: () => [tiny, { indent: 2 }], options: 1 },
  writeModelStream: { args: () => [tiny, () => undefined, { chunkSize: 100 }], options: 2 },
  modelJsonChunks: { args: () => [tiny, { chunkSize: 100 }], options: 1, iterate: true },
  toJsonSchemas: { args: () => [], runs: 4 },
  schemaFileName: { args: () => ["govgraph.ServicePoint"] },
  fromFederalProgramInventory: { args: () => [text("../fixtures/real/us-fpi-excerpt.csv"), { strict: false }], options: 1, runs: 30 },
  fromGcServiceInventory: { args: () => [text("../fixtures/real/gc-si-excerpt.csv"), { strict: false }], options: 1, runs: 30 },
  fromKenyaEcitizen: { args: () => [{ ...kenya }, { strict: false }], options: 1, runs: 30 },
  toCsvFolder: { args: () => [tiny] },
  csvFolderChunks: { args: () => [tiny, { chunkSize: 100 }], options: 1, iterate: true },
  fromCsvFolder: { args: () => [api.toCsvFolder(tiny), {}], options: 1 },
  toGraphML: { args: () => [tiny] },
  graphmlChunks: { args: () => [tiny, { chunkSize: 100 }], options: 1, iterate: true },
  toGexf: { args: () => [tiny, { iterations: 0 }], options: 1, runs: 30 },
  toMermaid: { args: () => [tiny, {}], options: 1 },
  fromHsds: { args: () => [text("../fixtures/hsds/service_full-excerpt.json"), { strict: false }], options: 1, runs: 30 },
  toHsds: { args: () => [tiny, {}], options: 1 },
  toCpsvAp: { args: () => [tiny, { format: "turtle" }], options: 1, runs: 30 },
  fromCpsvAp: { args: () => [turtle, { strict: false }], options: 1, runs: 30 },
  indexModel: { args: () => [tiny] },
  getRow: { args: () => [index.departmentFunctions, 0] },
  getDegree: { args: () => [index.departmentFunctions, 0] },
  row: { args: () => [index.departmentFunctions, 0] },
  degree: { args: () => [index.departmentFunctions, 0] },
  toGraph: { args: () => [tiny] },
  nodeKey: { args: () => ["department", "gov"] },
  edgeKey: { args: () => ["holds", "gov", "birth-cert", "lead"] },
  analyzeJourneys: { args: () => [tiny, {}], options: 1 },
  scoreOpenness: { args: () => [tiny] },
  scoreTransparency: { args: () => [tiny] },
  analyzeStaffing: { args: () => [tiny, {}], options: 1 },
  findDuplication: { args: () => [tiny, {}], options: 1 },
  floatingCatchment: { args: () => [{ demand: [{ id: "a", value: 10 }], supply: [{ id: "s", value: 1 }], costs: [{ from: "a", to: "s", cost: 5 }] }] },
  parseCostMatrix: { args: () => [matrixCsv, matrixAt(), { header: true }], options: 2 },
  readCostMatrix: { args: () => [[matrixCsv.slice(0, 30), matrixCsv.slice(30)], matrixAt(), {}], options: 2 },
  createCostMatrixReader: { args: () => [matrixAt(), { delimiter: "," }], options: 1 },
  parseCatchmentJson: { args: () => [catchmentJson] },
  suggestConsolidation: { args: () => [tiny, {}], options: 1, runs: 30 },
  travelCosts: { args: () => [index, { maxCost: 30 }], options: 1 },
  buildTravelCosts: { args: () => [index, { maxCost: 30 }], options: 1 },
  greatCircleKm: { args: () => [located[0], located[1]] },
  geoCosts: { args: () => [located, located, { maxCost: 50 }], options: 2 },
  buildGeoCosts: { args: () => [located, located, { maxCost: 50 }], options: 2 },
  scoreCoverage: { args: () => [tiny, {}], options: 1 },
  buildScorecard: { args: () => [tiny, {}], options: 1, runs: 30 },
  scorecard: { args: () => [tiny, {}], options: 1, runs: 30 },
  compareModels: { args: () => [tiny, after, {}], options: 2, runs: 20 },
  isActiveService: { args: () => [tiny.services[0]] },
  "weights.step": { args: () => [{ 10: 1, 20: 0.5 }] },
  "weights.gravity": { args: () => [{ scale: 1, alpha: -1 }] },
  "weights.gaussian": { args: () => [{ sigma: 10 }] },
  renderReport: { args: () => [tiny, {}, { layoutIterations: 0 }], options: 2, runs: 12 },
};

const weights = api.weights as unknown as Record<string, unknown>;
const exported: [string, unknown][] = [
  ...Object.entries(api),
  ...Object.entries(report),
  ...Object.keys(weights).map((k): [string, unknown] => [`weights.${k}`, weights[k]]),
];
const functions = exported.filter(([, v]) => typeof v === "function") as [string, (...args: unknown[]) => unknown][];

describe("the argument table", () => {
  it("has a row for every exported function, and every row names one", () => {
    expect(functions.map(([name]) => name).filter((name) => !(name in TABLE))).toEqual([]);
    const names = new Set(functions.map(([name]) => name));
    expect(Object.keys(TABLE).filter((name) => !names.has(name))).toEqual([]);
  });

  it("holds calls that work: each row returns", async () => {
    for (const [name, fn] of functions) {
      const outcome = await settle(fn, TABLE[name]!.args(), TABLE[name]);
      expect(breach(name, outcome), name).toBeUndefined();
      expect("returned" in outcome, name).toBe(true);
    }
  });
});

describe.each(functions)("%s with hostile arguments", (name, fn) => {
  const row = TABLE[name] ?? { args: () => [] };
  const arity = Math.max(row.args().length, fn.length, 1);
  const runs = row.runs ?? 100;

  it("returns or throws a GovGraphError naming it, with one argument hostile", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(arity - 1), hostile, async (at, value) => {
        const args = row.args();
        args[at] = value.make();
        expect(breach(name, await settle(fn, args, row))).toBeUndefined();
      }),
      { numRuns: runs, seed: 20260101 },
    );
  });

  it("returns or throws a GovGraphError naming it, with every argument hostile", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: arity, maxLength: arity }), async (values) => {
        expect(breach(name, await settle(fn, values.map((v) => v.make()), row))).toBeUndefined();
      }),
      { numRuns: Math.ceil(runs / 2), seed: 20260102 },
    );
  });

  if (row.options !== undefined) {
    it("refuses null options with a GovGraphError naming it", async () => {
      const args = row.args();
      args[row.options!] = null;
      const outcome = await settle(fn, args, row);
      expect("threw" in outcome && outcome.threw).toBeInstanceOf(api.GovGraphError);
      expect(breach(name, outcome)).toBeUndefined();
    });
  }
});

describe("the cost matrix reader's methods with hostile arguments", () => {
  it("push refuses a chunk that is not text or bytes, and finish still reports in the reader's name", () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const reader = api.createCostMatrixReader(matrixAt());
        const chunk = value.make();
        const pushed = settleSync(() => reader.push(chunk as string));
        expect(breach("createCostMatrixReader", pushed)).toBeUndefined();
        expect(breach("createCostMatrixReader", settleSync(() => reader.finish()))).toBeUndefined();
      }),
      { numRuns: 100, seed: 20260103 },
    );
  });
});

function settleSync(f: () => unknown): { returned: unknown } | { threw: unknown } {
  try {
    return { returned: f() };
  } catch (error) {
    return { threw: error };
  }
}
