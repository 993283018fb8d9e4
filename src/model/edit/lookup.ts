/**
 * Finding records to edit
 * =======================
 * The keys the edit functions accept, checked, and where a key's record is (or would go) in its collection.
 */
import { GovGraphError } from "../../errors.js";
import { quote } from "../../issues.js";
import { COLLECTIONS, type CollectionName, type Model, type ModelInput } from "../../schemas/model.js";
import {
  compareKeys,
  isPairCollection,
  keyLabel,
  keyString,
  lowerBound,
  PAIR_KEYS,
  recordKey,
  type RecordKeyValue,
} from "../records.js";

/** How a record is addressed: its `id`, or its pair of ids for assignments and travel costs. */
export type RecordKey<C extends CollectionName> = C extends "assignments"
  ? { departmentId: string; functionId: string }
  : C extends "travelCosts"
    ? { regionId: string; pointId: string }
    : string;

/** A record as it may be written before validation (defaults may be left out). */
export type RecordInput<C extends CollectionName> = NonNullable<ModelInput[C]>[number];

/** Throws `invalid_operation` unless `collection` names a collection. @internal */
export function collectionOrThrow(fn: string, collection: string): void {
  if (!(COLLECTIONS as readonly string[]).includes(collection)) {
    throw new GovGraphError("invalid_operation", `${fn}: there is no collection ${quote(collection)}. Use one of ${COLLECTIONS.join(", ")}.`);
  }
}

/** The key a caller passed, as a {@link RecordKeyValue}; throws `invalid_operation` when it has the wrong shape. @internal */
export function normalizeKey(fn: string, collection: CollectionName, key: unknown): RecordKeyValue {
  const shown = JSON.stringify(key) ?? String(key);
  if (isPairCollection(collection)) {
    const [k1, k2] = PAIR_KEYS[collection];
    const k = key as Record<string, unknown> | null;
    if (typeof k === "object" && k !== null && typeof k[k1] === "string" && typeof k[k2] === "string") return [k[k1] as string, k[k2] as string];
    throw new GovGraphError("invalid_operation", `${fn}: ${collection} are addressed by {${k1}, ${k2}}, not ${shown}. Pass both ids.`);
  }
  if (typeof key === "string") return key;
  throw new GovGraphError("invalid_operation", `${fn}: ${collection} are addressed by their id string, not ${shown}. Pass the id.`);
}

/** The key of a record as a caller wrote it, when its key fields are strings. @internal */
export function inputKey(collection: CollectionName, record: unknown): RecordKeyValue | undefined {
  if (typeof record !== "object" || record === null) return undefined;
  const key = recordKey(collection, record);
  const parts = typeof key === "string" ? [key] : key;
  return parts.every((part) => typeof part === "string") ? key : undefined;
}

/** Position of each key in a (frozen, hence cacheable) collection array. */
const positions = new WeakMap<readonly unknown[], Map<string, number>>();

/** The position of the record with this key in the model, or -1. @internal */
export function positionOf(model: Model, collection: CollectionName, key: RecordKeyValue): number {
  const records = model[collection] as readonly unknown[];
  let index = positions.get(records);
  if (!index) {
    index = new Map();
    for (let i = 0; i < records.length; i++) index.set(keyString(recordKey(collection, records[i])), i);
    positions.set(records, index);
  }
  return index.get(keyString(key)) ?? -1;
}

/** Where a record with this key goes in its canonical collection. @internal */
export function insertionPoint(records: readonly unknown[], collection: CollectionName, key: RecordKeyValue): number {
  return lowerBound(records.length, (i) => compareKeys(recordKey(collection, records[i]), key) < 0);
}

/** The `not_found` error of a key. @internal */
export function notFound(fn: string, collection: CollectionName, key: unknown): GovGraphError {
  return new GovGraphError("not_found", `${fn}: there is no ${keyLabel(collection, key)} in ${collection}. Check the ${isPairCollection(collection) ? "ids" : "id"}.`);
}
