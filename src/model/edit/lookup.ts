/**
 * Finding records to edit
 * =======================
 * The keys the edit functions accept, checked, and where a key's record is (or would go) in its collection.
 */
import { GovGraphError } from "../../errors.js";
import { issue, quote } from "../../issues.js";
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
import { describeArgument } from "../../guard.js";

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
    const name = typeof collection === "string" ? quote(collection) : describeArgument(collection);
    throw argumentError("invalid_operation", "collection", `${fn}: there is no collection ${name}. Use one of ${COLLECTIONS.join(", ")}.`);
  }
}

/** The key a caller passed, as a {@link RecordKeyValue}; throws `invalid_operation` when it has the wrong shape. @internal */
export function normalizeKey(fn: string, collection: CollectionName, key: unknown): RecordKeyValue {
  if (isPairCollection(collection)) {
    const [k1, k2] = PAIR_KEYS[collection];
    const pair = pairOf(key, k1, k2);
    if (pair) return pair;
    throw argumentError("invalid_operation", "key", `${fn}: ${collection} are addressed by {${k1}, ${k2}}, not ${describeArgument(key)}. Pass both ids.`);
  }
  if (typeof key === "string") return key;
  throw argumentError("invalid_operation", "key", `${fn}: ${collection} are addressed by their id string, not ${describeArgument(key)}. Pass the id.`);
}

/** An error about one argument, with its issue. */
function argumentError(code: "invalid_operation" | "not_found", argument: string, message: string): GovGraphError {
  return new GovGraphError(code, message, { path: [argument], issues: [issue(code, [argument], message)] });
}

/** The two ids of a pair key, read once (a hostile object gives undefined, not an exception). */
function pairOf(key: unknown, k1: string, k2: string): [string, string] | undefined {
  try {
    if (typeof key !== "object" || key === null) return undefined;
    const [a, b] = [(key as Record<string, unknown>)[k1], (key as Record<string, unknown>)[k2]];
    return typeof a === "string" && typeof b === "string" ? [a, b] : undefined;
  } catch {
    return undefined;
  }
}

/** The key of a record as a caller wrote it, when its key fields are strings. @internal */
export function inputKey(collection: CollectionName, record: unknown): RecordKeyValue | undefined {
  if (typeof record !== "object" || record === null) return undefined;
  const key: RecordKeyValue | undefined = recordKey(collection, record);
  const parts = typeof key === "string" ? [key] : key;
  return Array.isArray(parts) && parts.every((part) => typeof part === "string") ? key : undefined;
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
  return argumentError("not_found", "key", `${fn}: there is no ${keyLabel(collection, key)} in ${collection}. Check the ${isPairCollection(collection) ? "ids" : "id"}.`);
}
