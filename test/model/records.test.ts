import fc from "fast-check";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import {
  canonicalize,
  compareIds,
  DepartmentId,
  EvidenceId,
  FunctionId,
  NeedId,
  parseModel,
  PointId,
  RegionId,
  SegmentId,
  ServiceId,
  type CollectionName,
  type Model,
} from "../../src/index.js";
import {
  compareKeys,
  forEachReference,
  keyLabel,
  keyString,
  lowerBound,
  recordKey,
  recordLabel,
  REFERENCE_FIELDS,
  referencePath,
  sameJson,
} from "../../src/model/records.js";
import { RECORD_SCHEMAS } from "../../src/model/validate/parse-records.js";
import { arbitraryModel } from "../arbitraries.js";

const ID_TARGETS = new Map<unknown, CollectionName>([
  [RegionId, "regions"],
  [SegmentId, "segments"],
  [DepartmentId, "departments"],
  [FunctionId, "functions"],
  [ServiceId, "services"],
  [NeedId, "needs"],
  [EvidenceId, "evidence"],
  [PointId, "servicePoints"],
]);

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every field of a schema holding ids of another collection, as `field`, `field[]`, `list[].field` or `list[].field[]`. */
function idFields(schema: z.ZodType, prefix = ""): [string, CollectionName][] {
  const target = ID_TARGETS.get(schema);
  if (target) return [[prefix, target]];
  const def = defOf(schema);
  if (def.type === "optional" || def.type === "default") return idFields(def.innerType!, prefix);
  if (def.type === "array") return idFields(def.element!, prefix + "[]");
  if (def.type !== "object") return [];
  return Object.entries(def.shape!).flatMap(([key, field]) => idFields(field, prefix ? `${prefix}.${key}` : key));
}

describe("REFERENCE_FIELDS", () => {
  it("lists every field of the record schemas that holds another collection's ids, and nothing else", () => {
    const fromSchemas = Object.entries(RECORD_SCHEMAS).flatMap(([from, schema]) =>
      idFields(schema as z.ZodType)
        .filter(([path]) => path !== "id")
        .map(([path, to]) => `${from}.${path} -> ${to}`),
    );
    expect(REFERENCE_FIELDS.map((f) => `${f.from}.${f.name} -> ${f.to}`)).toEqual(fromSchemas);
  });

  it("walks every id a record holds in a field, with where it is", () => {
    const need = { journey: [{ serviceId: "s1", after: ["s0", 7, "s2"] }, { serviceId: "s3" }] };
    const after = REFERENCE_FIELDS.find((f) => f.from === "needs" && f.name === "journey[].after[]")!;
    const seen: string[] = [];
    forEachReference(after, [null, need], (id, r, i, j) => seen.push(`${id} at ${r}/${referencePath(after, i, j).join("/")}`));
    expect(seen).toEqual(["s0 at 1/journey/0/after/0", "s2 at 1/journey/0/after/2"]);
  });
});

describe("record keys and order", () => {
  it("orders ids by UTF-16 code units, whatever the locale", () => {
    expect(["b", "a", "B", "é", "e", "10", "9"].sort(compareIds)).toEqual(["10", "9", "B", "a", "b", "e", "é"]);
  });

  it("keys assignments and travel costs by their pair of ids, others by id", () => {
    expect(recordKey("assignments", { departmentId: "d1", functionId: "f1", role: "lead" })).toEqual(["d1", "f1"]);
    expect(recordKey("travelCosts", { regionId: "r1", pointId: "p1", cost: 3 })).toEqual(["r1", "p1"]);
    expect(recordKey("services", { id: "s1" })).toBe("s1");
    expect(compareKeys(["d1", "f2"], ["d1", "f10"])).toBe(1);
  });

  it("gives distinct pairs distinct key strings, whatever characters the ids hold", () => {
    fc.assert(
      fc.property(fc.tuple(fc.string(), fc.string()), fc.tuple(fc.string(), fc.string()), (a, b) => {
        expect(keyString(a) === keyString(b)).toBe(a[0] === b[0] && a[1] === b[1]);
      }),
    );
  });

  it("names records and keys the same way in every message", () => {
    const assignment = { departmentId: "d1", functionId: "f1" };
    expect(recordLabel("assignments", assignment)).toBe('assignment of function "f1" to department "d1"');
    expect(keyLabel("assignments", ["d1", "f1"])).toBe(recordLabel("assignments", assignment));
    expect(keyLabel("evidence", "e1")).toBe('evidence type "e1"');
    expect(recordLabel("services", { name: "no id" }, 3)).toBe("the record at services[3]");
  });

  it("finds the first item not below a place by binary search", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 })), fc.integer({ min: -1, max: 21 }), (items, x) => {
        const sorted = [...items].sort((a, b) => a - b);
        expect(lowerBound(sorted.length, (i) => sorted[i]! < x)).toBe(sorted.filter((v) => v < x).length);
      }),
    );
  });

  it("canonicalize sorts what is out of order and keeps what is in order as the same array", () => {
    fc.assert(
      fc.property(arbitraryModel(), (input) => {
        const model = parseModel(input);
        const shuffled = { ...model, services: [...model.services].reverse(), assignments: [...model.assignments].reverse() } as Model;
        const canonical = canonicalize(shuffled);
        expect(canonical).toEqual(model);
        expect(canonical.regions).toBe(model.regions);
      }),
      { numRuns: 50 },
    );
  });

  it("compares records as JSON, whatever the order of their keys", () => {
    expect(sameJson({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });
});
