/**
 * Record order
 * ============
 * The canonical order of every collection (by `id`; assignments by `(departmentId, functionId)`; travel costs by
 * `(regionId, pointId)`), compared by UTF-16 code units so that it is the same in every locale, and the one binary
 * search over records in that order.
 */
import { COLLECTIONS, type CollectionName, type Model } from "../../schemas/model.js";
import { PAIR_KEYS, type RecordKeyValue } from "./keys.js";
import { checkArgument, checkArguments, describeArgument, isString, type ArgumentRule } from "../../guard.js";
import { isValidatedModel } from "../validated.js";

/**
 * Orders ids by UTF-16 code units, the same in every locale.
 * @example
 * ["b", "a", "B"].sort(compareIds) // ["B", "a", "b"]
 */
export function compareIds(a: string, b: string): number {
  if (typeof a !== "string" || typeof b !== "string") checkArguments("compareIds", [["a", a, isString], ["b", b, isString]], "Pass two ids");
  return byCodeUnits(a, b);
}

/** {@link compareIds} without its argument check, for orders that may meet a record not validated yet. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders two keys of the same collection: ids, or pairs by their first id then their second. @internal */
export function compareKeys(a: RecordKeyValue, b: RecordKeyValue): number {
  if (typeof a === "string") return byCodeUnits(a, b as string);
  const [b1, b2] = b as [string, string];
  return byCodeUnits(a[0], b1) || byCodeUnits(a[1], b2);
}

type Row = Record<string, string>;
type RecordOrder = (a: object, b: object) => number;

const byId: RecordOrder = (a, b) => byCodeUnits((a as Row).id!, (b as Row).id!);

function byPair([first, second]: readonly [string, string]): RecordOrder {
  return (a, b) => byCodeUnits((a as Row)[first]!, (b as Row)[first]!) || byCodeUnits((a as Row)[second]!, (b as Row)[second]!);
}

/**
 * Whether `b` comes strictly after `a` in each collection's canonical order: one comparison of ids where
 * `RECORD_ORDER` may make two, and a pair's first ids compared by `===`, which is free when they are one shared string
 * (as validation leaves them). For checking that records come in order, record after record. @internal
 */
export const RECORD_ASCENDS: Readonly<Record<CollectionName, (a: object, b: object) => boolean>> = Object.fromEntries(
  COLLECTIONS.map((c) => [c, c in PAIR_KEYS ? pairAscends(PAIR_KEYS[c as keyof typeof PAIR_KEYS]) : idAscends]),
) as Record<CollectionName, (a: object, b: object) => boolean>;

function idAscends(a: object, b: object): boolean {
  return (a as Row).id! < (b as Row).id!;
}

function pairAscends([first, second]: readonly [string, string]): (a: object, b: object) => boolean {
  return (a, b) => {
    const x = (a as Row)[first]!;
    const y = (b as Row)[first]!;
    return x === y ? (a as Row)[second]! < (b as Row)[second]! : x < y;
  };
}

/** The canonical order of each collection's records. @internal */
export const RECORD_ORDER: Readonly<Record<CollectionName, RecordOrder>> = Object.fromEntries(
  COLLECTIONS.map((c) => [c, c in PAIR_KEYS ? byPair(PAIR_KEYS[c as keyof typeof PAIR_KEYS]) : byId]),
) as Record<CollectionName, RecordOrder>;

/**
 * The first index in `[0, length)` whose item is not `below` the sought place, in a list where every item below it
 * comes first (binary search; `length` when every item is below). @internal
 */
export function lowerBound(length: number, below: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Frozen arrays found in order, with the order they were checked against (a frozen array cannot change). */
const ordered = new WeakMap<readonly object[], RecordOrder>();

/**
 * Records that the frozen `next` holds records with the same keys at the same positions as the frozen `base` (an
 * edit that changed other fields only): in order when `base` was found in order. @internal
 */
export function shareOrder(next: readonly object[], base: readonly object[]): void {
  const order = ordered.get(base);
  if (order && next !== base && Object.isFrozen(next) && next.length === base.length) ordered.set(next, order);
}

/**
 * The records in `order`: the same array when they already are (no copy), else a sorted copy. A frozen array
 * found in order is remembered, so the unchanged collections of an edited model are not checked again.
 * @internal
 */
export function inOrder<T extends object>(records: readonly T[], order: RecordOrder): readonly T[] {
  if (ordered.get(records) === order) return records;
  for (let i = 1; i < records.length; i++) {
    if (order(records[i - 1]!, records[i]!) > 0) return [...records].sort(order);
  }
  if (Object.isFrozen(records)) ordered.set(records, order);
  return records;
}

/**
 * The model with every collection in canonical order: by `id`; assignments by (departmentId, functionId);
 * travel costs by (regionId, pointId). Collections already in order are kept as they are (no copy).
 * @example
 * canonicalize(model).departments.map((d) => d.id) // sorted by compareIds
 */
export function canonicalize(model: Model): Model {
  if (isValidatedModel(model as unknown)) return model;
  checkArgument("canonicalize", "model", model, isModelShape, "Pass a model with every collection, such as validateModel returns");
  const out = { ...model } as Record<CollectionName, readonly object[]>;
  for (const c of COLLECTIONS) out[c] = inOrder(model[c] as readonly object[], RECORD_ORDER[c]);
  return out as unknown as Model;
}

/** Every collection an array of records whose key fields are strings: what ordering needs (not a validation). */
const isModelShape: ArgumentRule = (v) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return `must be a model object, got ${describeArgument(v)}`;
  for (const c of COLLECTIONS) {
    const records: unknown = (v as Record<string, unknown>)[c];
    if (!Array.isArray(records)) return `must have every collection as an array, but ${c} is ${describeArgument(records)}`;
    const keys = c in PAIR_KEYS ? PAIR_KEYS[c as keyof typeof PAIR_KEYS] : ["id"];
    for (let i = 0; i < records.length; i++) {
      const r: unknown = records[i];
      const bad = typeof r !== "object" || r === null ? "is not a record" : keys.find((k) => typeof (r as Record<string, unknown>)[k] !== "string");
      if (bad !== undefined) return `must have records with string keys, but ${c}[${i}] ${bad === "is not a record" ? bad : `has no string ${bad}`}`;
    }
  }
  return undefined;
};

/** True when two records (or any JSON values) are equal as JSON, whatever the order of their keys. @internal */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
