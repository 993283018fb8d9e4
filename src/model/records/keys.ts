/**
 * Record keys
 * ===========
 * How a record is addressed and named: by its `id`, or by a pair of ids for assignments
 * `(departmentId, functionId)` and travel costs `(regionId, pointId)`.
 */
import { quote } from "../../issues.js";
import type { CollectionName } from "../../schemas/model.js";

/** Collections whose records are keyed by a pair of ids instead of `id`, and the two fields. @internal */
export const PAIR_KEYS = {
  assignments: ["departmentId", "functionId"],
  travelCosts: ["regionId", "pointId"],
} as const satisfies Partial<Record<CollectionName, readonly [string, string]>>;

/** A collection keyed by a pair of ids. @internal */
export type PairCollection = keyof typeof PAIR_KEYS;

/** A collection keyed by `id`. @internal */
export type IdCollection = Exclude<CollectionName, PairCollection>;

/** A record key: an id, or `[departmentId, functionId]` / `[regionId, pointId]` for assignments and travel costs. */
export type RecordKeyValue = string | [string, string];

/** A field of a value not yet known to be a record (undefined when it is not an object). @internal */
export function fieldOf(record: unknown, key: string): unknown {
  return typeof record === "object" && record !== null ? (record as Record<string, unknown>)[key] : undefined;
}

/** True for a string that can be an id (not empty). @internal */
export function isId(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

/** True for the collections keyed by a pair of ids. @internal */
export function isPairCollection(collection: CollectionName): collection is PairCollection {
  return collection === "assignments" || collection === "travelCosts";
}

/** The key of a record of a collection, its fields read as they are (not checked). @internal */
export function recordKey(collection: CollectionName, record: unknown): RecordKeyValue {
  const r = record as Record<string, string>;
  if (!isPairCollection(collection)) return r.id!;
  const [first, second] = PAIR_KEYS[collection];
  return [r[first]!, r[second]!];
}

/** One string per key, for maps: the id, or the pair as `length:first` + `second` (unambiguous whatever the ids hold). @internal */
export function keyString(key: RecordKeyValue): string {
  return typeof key === "string" ? key : `${key[0].length}:${key[0]}${key[1]}`;
}

/** A pair key as the object of its two fields, such as `{ departmentId, functionId }`. @internal */
export function pairObject(collection: PairCollection, key: readonly [string, string]): Record<string, string> {
  const [first, second] = PAIR_KEYS[collection];
  return { [first]: key[0], [second]: key[1] };
}

/** Singular names of each collection's records, for messages. @internal */
export const RECORD_NAMES: Record<CollectionName, string> = {
  regions: "region",
  segments: "segment",
  departments: "department",
  functions: "function",
  assignments: "assignment",
  services: "service",
  needs: "need",
  evidence: "evidence type",
  servicePoints: "service point",
  travelCosts: "travel cost",
};

/**
 * How a record is named in messages: `service "s1"`, `assignment of function "f1" to department "d1"`, or
 * `the record at services[3]` (`index` -1: no position known). @internal
 */
export function recordLabel(collection: CollectionName, record: unknown, index = -1): string {
  const r = (typeof record === "object" && record !== null ? record : {}) as Record<string, unknown>;
  if (collection === "assignments" && typeof r.departmentId === "string" && typeof r.functionId === "string") {
    return `assignment of function ${quote(r.functionId)} to department ${quote(r.departmentId)}`;
  }
  if (collection === "travelCosts" && typeof r.regionId === "string" && typeof r.pointId === "string") {
    return `travel cost from region ${quote(r.regionId)} to service point ${quote(r.pointId)}`;
  }
  if (typeof r.id === "string" && r.id !== "") return `${RECORD_NAMES[collection]} ${quote(r.id)}`;
  return `the record at ${collection}[${index}]`;
}

/** How a key is named in messages: `service "s1"`, or the pair's {@link recordLabel}. @internal */
export function keyLabel(collection: CollectionName, key: unknown): string {
  if (typeof key === "string") return `${RECORD_NAMES[collection]} ${quote(key)}`;
  if (Array.isArray(key) && isPairCollection(collection)) return recordLabel(collection, pairObject(collection, key as [string, string]));
  return recordLabel(collection, key);
}
