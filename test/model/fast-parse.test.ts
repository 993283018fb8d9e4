import fc from "fast-check";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { arbitraryModel } from "../arbitraries.js";
import { COLLECTIONS, type CollectionName } from "../../src/index.js";
import { compileChecker, FAIL } from "../../src/model/fast-parse.js";
import { RECORD_SCHEMAS } from "../../src/model/validate/parse-records.js";

// The fast path must accept exactly what zod accepts and return what zod returns, or validation would differ
// between parseModelJson (fast path) and the schemas (and the JSON Schema files generated from them).

/** A record of a random valid model, then one random change: a field set to any JSON value, removed, or added. */
function mutatedRecord(model: unknown, c: CollectionName, pick: number, key: number, value: unknown, change: string): Record<string, unknown> | undefined {
  const records = (model as Record<string, unknown[]>)[c] ?? [];
  if (records.length === 0) return undefined;
  const record = structuredClone(records[pick % records.length]) as Record<string, unknown>;
  const keys = Object.keys(record);
  const target = keys[key % keys.length]!;
  if (change === "set") record[target] = value;
  else if (change === "delete") delete record[target];
  else if (change === "add") record[`extra${key % 3}`] = value;
  else if (change === "nested") {
    const inner = record[target];
    if (Array.isArray(inner)) inner[inner.length > 0 ? key % inner.length : 0] = value;
    else if (typeof inner === "object" && inner !== null) (inner as Record<string, unknown>)[Object.keys(inner)[0] ?? "x"] = value;
  }
  return record;
}

const changes = fc.tuple(fc.constantFrom(...COLLECTIONS), fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom("set", "delete", "add", "nested", "none"));

describe("the fast path of record validation", () => {
  it("compiles for every record schema", () => {
    for (const c of COLLECTIONS) {
      expect(compileChecker(RECORD_SCHEMAS[c], false), c).toBeTypeOf("function");
      expect(compileChecker(RECORD_SCHEMAS[c], true), c).toBeTypeOf("function");
    }
  });

  it("accepts a record exactly when zod does, with the same output, copying or adopting", () => {
    fc.assert(
      fc.property(arbitraryModel(), changes, (model, [c, pick, key, value, change]) => {
        const record = mutatedRecord(model, c, pick, key, value, change);
        if (record === undefined) return;
        const zod = RECORD_SCHEMAS[c].safeParse(record);
        const copied = compileChecker(RECORD_SCHEMAS[c], false)!(record);
        expect(copied !== FAIL).toBe(zod.success);
        if (zod.success) expect(copied).toStrictEqual(zod.data);
        const adopted = compileChecker(RECORD_SCHEMAS[c], true)!(structuredClone(record));
        expect(adopted !== FAIL).toBe(zod.success);
        if (zod.success) expect(adopted).toEqual(zod.data);
      }),
      { numRuns: 200, endOnFailure: true },
    );
  });

  it("rejects what JSON cannot carry: NaN, Infinity, holes, undefined for a required field", () => {
    const region = compileChecker(RECORD_SCHEMAS.regions, false)!;
    expect(region({ id: "a", name: "A", population: Number.NaN })).toBe(FAIL);
    expect(region({ id: "a", name: "A", population: Number.POSITIVE_INFINITY })).toBe(FAIL);
    expect(region({ id: "a", name: undefined })).toBe(FAIL);
    expect(region({ id: "a", name: "A", tags: [, "x"] })).toBe(FAIL); // eslint-disable-line no-sparse-arrays
    expect(region({ id: "a", name: "A", attributes: JSON.parse('{"__proto__": {"x": 1}}') })).toBe(FAIL);
    const kept = region({ id: "a", name: "A", attributes: JSON.parse('{"__proto__": "x"}') }) as { attributes: object };
    expect(Object.getOwnPropertyDescriptor(kept.attributes, "__proto__")?.value).toBe("x");
    expect(Object.getPrototypeOf(kept.attributes)).toBe(Object.prototype);
  });
  it("agrees with zod at and around every bound of a number: latitudes, shares, visits, amounts", () => {
    const values = [-181, -180.5, -180, -90.0001, -90, -1, -0.5, -Number.MIN_VALUE, -0, 0, Number.MIN_VALUE, 0.5, 1, 1.0001, 2.5, 90, 90.0001, 180, 180.5, 2 ** 53 - 1, 2 ** 53, 1e308];
    const cases: [CollectionName, (v: number) => Record<string, unknown>][] = [
      ["regions", (v) => ({ id: "r", name: "R", location: { lat: v, lon: 0 } })],
      ["regions", (v) => ({ id: "r", name: "R", location: { lat: 0, lon: v } })],
      ["regions", (v) => ({ id: "r", name: "R", population: v })],
      ["services", (v) => ({ id: "s", name: "S", departmentId: "d", quality: { satisfaction: v } })],
      ["services", (v) => ({ id: "s", name: "S", departmentId: "d", channels: [{ kind: "in_person", visits: v }] })],
      ["services", (v) => ({ id: "s", name: "S", departmentId: "d", fee: v })],
    ];
    for (const [c, make] of cases) {
      for (const value of values) {
        const zod = RECORD_SCHEMAS[c].safeParse(make(value)).success;
        expect(compileChecker(RECORD_SCHEMAS[c], false)!(make(value)) !== FAIL, `${c} ${JSON.stringify(make(value))}`).toBe(zod);
        expect(compileChecker(RECORD_SCHEMAS[c], true)!(make(value)) !== FAIL, `${c} ${JSON.stringify(make(value))}`).toBe(zod);
      }
    }
  });
  it("takes z.int() as a safe integer, and leaves to zod what it cannot fold: other formats, a NaN bound", () => {
    const int = compileChecker(z.strictObject({ n: z.int() }), false)!;
    expect(int({ n: 2 })).toEqual({ n: 2 });
    expect(int({ n: 2.5 })).toBe(FAIL);
    expect(int({ n: 2 ** 53 })).toBe(FAIL);
    expect(compileChecker(z.strictObject({ n: z.int32() }), false)).toBeUndefined();
    expect(compileChecker(z.strictObject({ n: z.number().min(Number.NaN) }), false)).toBeUndefined();
  });
});
