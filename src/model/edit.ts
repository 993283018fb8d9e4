import { enablePatches, Immer, type Draft, type Patch } from "immer";
import type { z } from "zod";
import { GovGraphError, toPointer, type Issue } from "../errors.js";
import { COLLECTIONS, type CollectionName, type Model } from "../schemas/model.js";
import { compareIds } from "./canonical.js";
import { checkIntegrity, dotPath, type RawCollections } from "./integrity.js";
import { forEachReference, PAIR_KEYS, quote, RECORD_NAMES, recordLabel, REFERENCE_FIELDS, referencePath, type ReferenceField } from "./references.js";
import { _parseMeta, _parseRecord, invalidModel, type RECORD_SCHEMAS } from "./validate.js";

// A private instance: our settings never change the caller's immer, and theirs never change ours.
const immer = new Immer({ autoFreeze: true });
let patchesEnabled = false;

/** immer's patches plugin is global; it is switched on the first time patches are needed, not on import. */
function usePatches(): void {
  if (!patchesEnabled) {
    enablePatches();
    patchesEnabled = true;
  }
}

type PairCollection = keyof typeof PAIR_KEYS;

/** How a record is addressed: its `id`, or its pair of ids for assignments and travel costs. */
export type RecordKey<C extends CollectionName> = C extends "assignments"
  ? { departmentId: string; functionId: string }
  : C extends "travelCosts"
    ? { regionId: string; pointId: string }
    : string;

/** A record as it may be written before validation (defaults may be left out). */
export type RecordInput<C extends CollectionName> = z.input<(typeof RECORD_SCHEMAS)[C]>;

/** Options of {@link removeRecord}. */
export interface RemoveOptions {
  /** Also remove or strip everything that refers to the record (see docs/validation.md for exactly what). */
  cascade?: boolean;
}

/** Defaults of {@link RemoveOptions}. */
export const REMOVE_DEFAULTS = { cascade: false } as const satisfies Required<RemoveOptions>;

/** A record that refers to another, and where. */
export interface Referrer {
  collection: CollectionName;
  /** The referring record's id, or its key pair. */
  key: string | Record<string, string>;
  /** The referring field inside the record, such as `journey[2].after[0]`. */
  field: string;
  /** Where it is from the model's root. */
  path: (string | number)[];
}

const isPair = (c: CollectionName): c is PairCollection => c === "assignments" || c === "travelCosts";

function keyOf(c: CollectionName, record: unknown): string | [string, string] {
  const r = record as Record<string, string>;
  if (isPair(c)) return [r[PAIR_KEYS[c][0]]!, r[PAIR_KEYS[c][1]]!];
  return r.id!;
}

function compareKeys(a: string | [string, string], b: string | [string, string]): number {
  if (typeof a === "string") return compareIds(a, b as string);
  const [a1, a2] = a;
  const [b1, b2] = b as [string, string];
  return compareIds(a1, b1) || compareIds(a2, b2);
}

function keyText(c: CollectionName, key: unknown): string {
  if (typeof key === "string") return `${RECORD_NAMES[c]} ${quote(key)}`;
  return recordLabel(c, key, -1);
}

function normalizeKey(fn: string, c: CollectionName, key: unknown): string | [string, string] {
  if (isPair(c)) {
    const [k1, k2] = PAIR_KEYS[c];
    const k = key as Record<string, unknown> | null;
    if (typeof k === "object" && k !== null && typeof k[k1] === "string" && typeof k[k2] === "string") return [k[k1] as string, k[k2] as string];
    throw new GovGraphError("invalid_operation", `${fn}: ${c} are addressed by {${k1}, ${k2}}, not ${JSON.stringify(key) ?? String(key)}. Pass both ids.`);
  }
  if (typeof key === "string") return key;
  throw new GovGraphError("invalid_operation", `${fn}: ${c} are addressed by their id string, not ${JSON.stringify(key) ?? String(key)}. Pass the id.`);
}

/** Position of each key in a (frozen, hence cacheable) collection array. */
const positions = new WeakMap<readonly unknown[], Map<string, number> | Map<string, Map<string, number>>>();

function positionOf(model: Model, c: CollectionName, key: string | [string, string]): number {
  const records = model[c] as readonly unknown[];
  let index = positions.get(records);
  if (!index) {
    if (isPair(c)) {
      const pairs = new Map<string, Map<string, number>>();
      records.forEach((r, i) => {
        const [a, b] = keyOf(c, r) as [string, string];
        let inner = pairs.get(a);
        if (!inner) pairs.set(a, (inner = new Map()));
        inner.set(b, i);
      });
      index = pairs;
    } else index = new Map(records.map((r, i) => [(r as { id: string }).id, i]));
    positions.set(records, index);
  }
  if (typeof key === "string") return (index as Map<string, number>).get(key) ?? -1;
  return (index as Map<string, Map<string, number>>).get(key[0])?.get(key[1]) ?? -1;
}

/** Where a record with this key goes in its canonical collection (binary search). */
function insertionPoint(records: readonly unknown[], c: CollectionName, key: string | [string, string]): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(keyOf(c, records[mid]), key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Adds a record to a collection, returning a new frozen model in canonical order; the input is untouched.
 * Throws `invalid_operation` when the id (or key pair) is taken and `invalid_model` when the record is invalid or
 * refers to records that do not exist.
 * @example
 * const next = addRecord(model, "segments", { id: "seg-elderly", name: "Elderly" });
 */
export function addRecord<C extends CollectionName>(model: Model, collection: C, record: RecordInput<C>): Model {
  const fn = "addRecord";
  collectionOrThrow(fn, collection);
  const records = model[collection] as readonly unknown[];
  const rawKey = isPair(collection) || (typeof record === "object" && record !== null && typeof (record as { id?: unknown }).id === "string")
    ? keyOf(collection, record)
    : undefined;
  let at = records.length;
  if (rawKey !== undefined && (typeof rawKey === "string" || (typeof rawKey[0] === "string" && typeof rawKey[1] === "string"))) {
    if (positionOf(model, collection, rawKey) >= 0) {
      throw new GovGraphError(
        "invalid_operation",
        `${fn}: ${collection} already has the ${keyText(collection, typeof rawKey === "string" ? rawKey : record)}. Use updateRecord to change it, or choose another ${isPair(collection) ? "pair" : "id"}.`,
        { path: [collection, positionOf(model, collection, rawKey)] },
      );
    }
    at = insertionPoint(records, collection, rawKey);
  }
  const parsed = _parseRecord(collection, record, at);
  if (!parsed.record) throw invalidModel(fn, parsed.issues);
  const next = immer.produce(model, (draft) => {
    (draft as Record<CollectionName, unknown[]>)[collection] = [...records.slice(0, at), parsed.record, ...records.slice(at)];
  });
  return checked(fn, next);
}

/**
 * Changes fields of one record: `patch` is merged over the record (a field set to `undefined` is removed), then
 * the record is validated again. The id (or key pair) cannot change: remove and add instead.
 * Throws `not_found`, `invalid_operation` or `invalid_model`.
 * @example
 * const next = updateRecord(model, "services", "s-birth-cert", { fee: 0 });
 * const support = updateRecord(model, "assignments", { departmentId: "d-edu", functionId: "f-schools" }, { role: "support" });
 */
export function updateRecord<C extends CollectionName>(
  model: Model,
  collection: C,
  key: RecordKey<C>,
  patch: Partial<RecordInput<C>>,
): Model {
  const fn = "updateRecord";
  collectionOrThrow(fn, collection);
  const k = normalizeKey(fn, collection, key);
  const at = positionOf(model, collection, k);
  if (at < 0) throw notFound(fn, collection, key);
  const old = (model[collection] as readonly unknown[])[at] as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...old };
  for (const field of Object.keys(patch as object)) {
    const value = (patch as Record<string, unknown>)[field];
    if (value === undefined) delete merged[field];
    else Object.defineProperty(merged, field, { value, enumerable: true, writable: true, configurable: true });
  }
  if (compareKeys(keyOf(collection, merged), k) !== 0) {
    throw new GovGraphError(
      "invalid_operation",
      `${fn}: the patch changes the ${isPair(collection) ? "key pair" : "id"} of the ${keyText(collection, key)}. Remove the record and add a new one instead.`,
      { path: [collection, at] },
    );
  }
  const parsed = _parseRecord(collection, merged, at);
  if (!parsed.record) throw invalidModel(fn, parsed.issues);
  const next = immer.produce(model, (draft) => {
    (draft as Record<CollectionName, unknown[]>)[collection][at] = parsed.record;
  });
  return next === model ? model : checked(fn, next);
}

/**
 * Lists every record that refers to the given one, with the field, in collection and document order.
 * @example
 * findReferrers(model, "departments", "d-met").map((r) => `${r.collection} ${r.field}`)
 */
export function findReferrers<C extends CollectionName>(model: Model, collection: C, key: RecordKey<C>): Referrer[] {
  collectionOrThrow("findReferrers", collection);
  if (isPair(collection) || typeof key !== "string") return [];
  const out: Referrer[] = [];
  for (const ref of REFERENCE_FIELDS) {
    if (ref.to !== collection) continue;
    const records = model[ref.from] as readonly unknown[];
    for (let r = 0; r < records.length; r++) {
      forEachReference(ref, records[r], (id, i, j) => {
        if (id !== key) return;
        const inRecord = referencePath(ref, i, j);
        out.push({ collection: ref.from, key: referrerKey(ref.from, records[r]), field: dotPath(inRecord), path: [ref.from, r, ...inRecord] });
      });
    }
  }
  return out;
}

function referrerKey(c: CollectionName, record: unknown): string | Record<string, string> {
  const k = keyOf(c, record);
  if (typeof k === "string") return k;
  const [a, b] = PAIR_KEYS[c as PairCollection];
  return { [a]: k[0], [b]: k[1] };
}

/**
 * Removes one record. When other records refer to it, throws `referenced` naming every referrer (collection, id,
 * field), unless `{ cascade: true }`: then records that cannot exist without it are removed too and references to
 * it are stripped (see docs/validation.md). Throws `not_found` for an unknown key.
 * @example
 * const next = removeRecord(model, "functions", "f-weather", { cascade: true });
 */
export function removeRecord<C extends CollectionName>(
  model: Model,
  collection: C,
  key: RecordKey<C>,
  options: RemoveOptions = {},
): Model {
  const fn = "removeRecord";
  const { cascade } = { ...REMOVE_DEFAULTS, ...options };
  collectionOrThrow(fn, collection);
  const k = normalizeKey(fn, collection, key);
  const at = positionOf(model, collection, k);
  if (at < 0) throw notFound(fn, collection, key);
  if (!cascade && typeof k === "string") {
    const referrers = findReferrers(model, collection, k as RecordKey<C>);
    if (referrers.length > 0) {
      const shown = referrers.slice(0, 5).map((r) => `${keyText(r.collection, r.key)} (${r.field})`).join(", ");
      const issues: Issue[] = referrers.map((r) => ({
        code: "referenced",
        path: r.path,
        pointer: toPointer(r.path),
        message: `${capitalize(keyText(r.collection, r.key))} refers to ${keyText(collection, k)} in ${r.field}.`,
        severity: "error",
      }));
      throw new GovGraphError(
        "referenced",
        `${fn}: ${keyText(collection, k)} has ${referrers.length} reference${referrers.length === 1 ? "" : "s"} to it: ${shown}${referrers.length > 5 ? ", ..." : ""}. Change or remove them first, or pass { cascade: true }.`,
        { path: [collection, at], issues },
      );
    }
  }
  const removed = cascadePlan(model, collection, at);
  const next = immer.produce(model, (draft) => applyPlan(model, draft as Record<CollectionName, unknown[]>, removed));
  return checked(fn, next);
}

/** Positions to remove per collection: the record, and with it everything that cannot exist without it. */
function cascadePlan(model: Model, collection: CollectionName, at: number): Map<CollectionName, Set<number>> {
  const removed = new Map<CollectionName, Set<number>>([[collection, new Set([at])]]);
  let fresh = new Map<CollectionName, Set<string>>();
  if (!isPair(collection)) fresh.set(collection, new Set([(model[collection][at] as { id: string }).id]));
  while (fresh.size > 0) {
    const round = new Map<CollectionName, Set<string>>();
    for (const ref of REFERENCE_FIELDS) {
      const gone = fresh.get(ref.to);
      if (!gone || !REQUIRED.has(ref)) continue;
      const records = model[ref.from] as readonly unknown[];
      for (let r = 0; r < records.length; r++) {
        forEachReference(ref, records[r], (id) => {
          if (!gone.has(id)) return;
          const set = removed.get(ref.from) ?? new Set<number>();
          removed.set(ref.from, set);
          if (set.has(r)) return;
          set.add(r);
          if (!isPair(ref.from)) {
            const ids = round.get(ref.from) ?? new Set<string>();
            round.set(ref.from, ids.add((records[r] as { id: string }).id));
          }
        });
      }
    }
    fresh = round;
  }
  return removed;
}

/** Reference fields a record cannot exist without: removing their target removes the record. */
const REQUIRED = new Set<ReferenceField>(
  REFERENCE_FIELDS.filter(
    (f) =>
      f.path.length === 1 &&
      ((f.from === "departments" && f.path[0] === "regionId") ||
        (f.from === "services" && f.path[0] === "departmentId") ||
        (f.from === "servicePoints" && f.path[0] === "regionId") ||
        isPair(f.from)),
  ),
);

function applyPlan(model: Model, draft: Record<CollectionName, unknown[]>, removed: Map<CollectionName, Set<number>>): void {
  const goneIds = new Map<CollectionName, Set<string>>();
  for (const [c, positions] of removed) {
    if (isPair(c)) continue;
    goneIds.set(c, new Set([...positions].map((i) => (model[c][i] as { id: string }).id)));
  }
  // The nearest surviving ancestor takes the children of a removed region or department.
  const survivor = (c: "regions" | "departments", id: string | undefined): string | undefined => {
    const gone = goneIds.get(c);
    let current = id;
    let guard = 0;
    while (current !== undefined && gone?.has(current) && guard++ <= model[c].length) {
      const at = positionOf(model, c, current);
      current = (model[c][at] as { parentId?: string }).parentId;
    }
    return current;
  };
  for (const c of COLLECTIONS) {
    const records = model[c] as readonly Record<string, unknown>[];
    const drop = removed.get(c);
    const touched = touchedRecords(model, c, goneIds);
    if (!drop && touched.size === 0) continue;
    const clean = (i: number) => stripReferences(c, records[i]!, goneIds, survivor);
    if (drop) {
      const out: unknown[] = [];
      for (let i = 0; i < records.length; i++) if (!drop.has(i)) out.push(touched.has(i) ? clean(i) : records[i]);
      draft[c] = out;
    } else {
      for (const i of touched) draft[c][i] = clean(i);
    }
  }
}

/** Positions of records in `c` holding a reference to a removed id. */
function touchedRecords(model: Model, c: CollectionName, goneIds: Map<CollectionName, Set<string>>): Set<number> {
  const touched = new Set<number>();
  for (const ref of REFERENCE_FIELDS) {
    const gone = ref.from === c ? goneIds.get(ref.to) : undefined;
    if (!gone) continue;
    const records = model[c] as readonly unknown[];
    for (let r = 0; r < records.length; r++) {
      forEachReference(ref, records[r], (id) => {
        if (gone.has(id)) touched.add(r);
      });
    }
  }
  return touched;
}

/** A copy of a record without its references to removed ids (the cascade rules of docs/validation.md). */
function stripReferences(
  c: CollectionName,
  record: Record<string, unknown>,
  goneIds: Map<CollectionName, Set<string>>,
  survivor: (c: "regions" | "departments", id: string | undefined) => string | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record };
  const gone = (to: CollectionName, id: unknown) => typeof id === "string" && (goneIds.get(to)?.has(id) ?? false);
  const set = (key: string, value: unknown) => {
    if (value === undefined) delete out[key];
    else out[key] = value;
  };
  for (const ref of REFERENCE_FIELDS) {
    if (ref.from !== c || !goneIds.has(ref.to)) continue;
    const [first, , inner] = ref.path as [string, string?, string?];
    const value = out[first];
    if (ref.path.length > 1 && !Array.isArray(value)) continue;
    if (ref.path.length === 1) {
      if (!gone(ref.to, value)) continue;
      if (first === "parentId") set(first, survivor(c as "regions" | "departments", value as string));
      else set(first, undefined); // evidence.issuerId
    } else if (ref.path.length === 2) {
      set(first, (value as string[]).filter((id) => !gone(ref.to, id)));
    } else if (ref.path.length === 3) {
      // an entry naming a removed record goes: evidence requirement, demand row, journey step
      set(first, (value as Record<string, unknown>[]).filter((item) => !gone(ref.to, item[inner!])));
    } else {
      set(
        first,
        (value as Record<string, unknown>[]).map((item) => {
          const list = item[inner!] as string[] | undefined;
          if (!list?.some((id) => gone(ref.to, id))) return item;
          return { ...item, [inner!]: list.filter((id) => !gone(ref.to, id)) };
        }),
      );
    }
  }
  return out;
}

/**
 * Runs an immer recipe on the model with the private immer instance and returns the new model with immer patches
 * both ways. The result is checked (records changed or added by the recipe are parsed again, references, cycles)
 * and put back in canonical order; those fixes are part of the patches, so `applyPatches(model, patches)` gives
 * the result and `applyPatches(result, inversePatches)` gives the input back. Throws `invalid_model` when the
 * recipe leaves the model invalid.
 * @example
 * const [next, patches, inverse] = editWithPatches(model, (draft) => { draft.services[0]!.fee = 0; });
 */
export function editWithPatches(model: Model, recipe: (draft: Draft<Model>) => void): [Model, Patch[], Patch[]] {
  usePatches();
  const [next, patches, inverse] = immer.produceWithPatches(model, recipe);
  const fixes = review("editWithPatches", model, next);
  if (!fixes) return [next, patches, inverse];
  const [fixed, morePatches, moreInverse] = immer.produceWithPatches(next, fixes);
  return [fixed, [...patches, ...morePatches], [...moreInverse, ...inverse]];
}

/**
 * Like {@link editWithPatches} without the patches: runs an immer recipe and returns the checked, canonical,
 * frozen model.
 * @example
 * const next = produceModel(model, (draft) => { draft.meta = { name: "After the merger" }; });
 */
export function produceModel(model: Model, recipe: (draft: Draft<Model>) => void): Model {
  const next = immer.produce(model, recipe);
  const fixes = review("produceModel", model, next);
  return fixes ? immer.produce(next, fixes) : next;
}

/**
 * Applies immer patches (from {@link editWithPatches} or a scenario) with the private instance, checking the result.
 * @example
 * const restored = applyModelPatches(next, inverse);
 */
export function applyModelPatches(model: Model, patches: readonly Patch[]): Model {
  usePatches();
  const next = immer.applyPatches(model, patches);
  const fixes = review("applyModelPatches", model, next);
  return fixes ? immer.produce(next, fixes) : next;
}

/** The raw `produceWithPatches` of the model layer's private immer instance, for scenarios. @internal */
export function _produceWithPatches(model: Model, recipe: (draft: Draft<Model>) => void): [Model, Patch[], Patch[]] {
  usePatches();
  const [next, patches, inverse] = immer.produceWithPatches(model, recipe);
  return [next, patches, inverse];
}

/**
 * Checks a model derived from a valid base: records that are new (not shared with the base) are parsed again,
 * then references, duplicates and cycles of the whole model. Returns a recipe that swaps in parsed records and
 * restores canonical order when needed, or undefined when nothing needs fixing.
 */
function review(fn: string, base: Model, next: Model): ((draft: Draft<Model>) => void) | undefined {
  if (next === base) return undefined;
  const issues: Issue[] = [];
  if ((next as { schemaVersion: unknown }).schemaVersion !== 1) {
    issues.push({ code: "invalid_value", path: ["schemaVersion"], pointer: "/schemaVersion", message: `"schemaVersion" must be 1.`, severity: "error" });
  }
  const fix: { meta?: Model["meta"]; collections: Map<CollectionName, unknown[]> } = { collections: new Map() };
  if (next.meta !== base.meta && next.meta !== undefined) {
    const parsed = _parseMeta(next.meta);
    issues.push(...parsed.issues);
    if (parsed.meta && !sameJson(parsed.meta, next.meta)) fix.meta = parsed.meta;
  }
  const raw = {} as RawCollections;
  for (const c of COLLECTIONS) {
    const records = (next[c] ?? []) as readonly unknown[];
    raw[c] = records;
    if (records === base[c]) continue;
    if (!Array.isArray(records)) {
      issues.push({ code: "invalid_type", path: [c], pointer: `/${c}`, message: `"${c}" must be an array of records.`, severity: "error" });
      raw[c] = [];
      continue;
    }
    const known = new Set<unknown>(base[c] as readonly unknown[]);
    let out: unknown[] | undefined;
    let sorted = true;
    for (let i = 0; i < records.length; i++) {
      let record = records[i];
      if (!known.has(record)) {
        const parsed = _parseRecord(c, record, i);
        issues.push(...parsed.issues);
        if (parsed.record && !sameJson(parsed.record, record)) {
          out ??= records.slice();
          out[i] = record = parsed.record;
        }
      }
      if (sorted && i > 0 && typeof record === "object" && record !== null) {
        const prev = records[i - 1];
        if (typeof prev === "object" && prev !== null && compareKeys(keyOf(c, prev), keyOf(c, record)) > 0) sorted = false;
      }
    }
    if (!sorted) out = (out ?? records.slice()).sort((a, b) => compareKeys(keyOf(c, a), keyOf(c, b)));
    if (out) fix.collections.set(c, out);
  }
  checkIntegrity(raw, issues);
  if (issues.some((i) => i.severity === "error")) throw invalidModel(fn, issues.filter((i) => i.severity === "error"));
  if (fix.meta === undefined && fix.collections.size === 0) return undefined;
  return (draft) => {
    if (fix.meta !== undefined) draft.meta = fix.meta as Draft<Model>["meta"];
    for (const [c, records] of fix.collections) (draft as Record<CollectionName, unknown[]>)[c] = records;
  };
}

/** Checks the integrity of a model built by the record edits (their records are parsed already). */
function checked(fn: string, next: Model): Model {
  const issues: Issue[] = [];
  checkIntegrity(next as unknown as RawCollections, issues);
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) throw invalidModel(fn, errors);
  return next;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

function collectionOrThrow(fn: string, c: string): void {
  if (!(COLLECTIONS as readonly string[]).includes(c)) {
    throw new GovGraphError("invalid_operation", `${fn}: there is no collection ${quote(c)}. Use one of ${COLLECTIONS.join(", ")}.`);
  }
}

function notFound(fn: string, c: CollectionName, key: unknown): GovGraphError {
  return new GovGraphError("not_found", `${fn}: there is no ${keyText(c, key)} in ${c}. Check the ${isPair(c) ? "ids" : "id"}.`);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
