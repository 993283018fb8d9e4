/**
 * Adding and updating records
 * ===========================
 * One record at a time, keeping the model valid, canonical and frozen; the input model is never changed.
 */
import { GovGraphError } from "../../errors.js";
import type { CollectionName, Model } from "../../schemas/model.js";
import { compareKeys, isPairCollection, keyLabel, recordKey } from "../records.js";
import { parseRecord } from "../validate/parse-records.js";
import { invalidModel } from "../validate.js";
import { immer } from "./immer.js";
import { collectionOrThrow, inputKey, insertionPoint, normalizeKey, notFound, positionOf, type RecordInput, type RecordKey } from "./lookup.js";
import { checked } from "./review.js";
import { requireModel } from "../require-model.js";
import { checkArgument, isJsonData } from "../../guard.js";

type Collections = Record<CollectionName, unknown[]>;

/**
 * Adds a record to a collection, returning a new frozen model in canonical order; the input is untouched.
 * Throws `invalid_operation` when the id (or key pair) is taken and `invalid_model` when the record is invalid or
 * refers to records that do not exist.
 * @example
 * const next = addRecord(model, "segments", { id: "seg-elderly", name: "Elderly" });
 */
export function addRecord<C extends CollectionName>(model: Model, collection: C, record: RecordInput<C>): Model {
  const fn = "addRecord";
  model = requireModel(fn, model);
  collectionOrThrow(fn, collection);
  checkArgument(fn, "record", record, isJsonData("a record"), `Pass a record of ${String(collection)}, such as docs/model.md describes`);
  const records = model[collection] as readonly unknown[];
  const key = inputKey(collection, record);
  let at = records.length;
  if (key !== undefined) {
    const taken = positionOf(model, collection, key);
    if (taken >= 0) {
      throw new GovGraphError(
        "invalid_operation",
        `${fn}: ${collection} already has the ${keyLabel(collection, key)}. Use updateRecord to change it, or choose another ${isPairCollection(collection) ? "pair" : "id"}.`,
        { path: [collection, taken] },
      );
    }
    at = insertionPoint(records, collection, key);
  }
  const parsed = parseRecord(collection, record, at);
  if (!parsed.record) throw invalidModel(fn, parsed.issues);
  const next = immer.produce(model, (draft) => {
    (draft as Collections)[collection] = [...records.slice(0, at), parsed.record, ...records.slice(at)];
  });
  return checked(fn, model, next);
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
  model = requireModel(fn, model);
  collectionOrThrow(fn, collection);
  checkArgument(fn, "patch", patch, isJsonData("an object of fields"), "Pass the fields to change, such as { fee: 0 }");
  const k = normalizeKey(fn, collection, key);
  const at = positionOf(model, collection, k);
  if (at < 0) throw notFound(fn, collection, key);
  const merged: Record<string, unknown> = { ...((model[collection] as readonly unknown[])[at] as object) };
  for (const field of Object.keys(patch as object)) {
    const value = (patch as Record<string, unknown>)[field];
    if (value === undefined) delete merged[field];
    else Object.defineProperty(merged, field, { value, enumerable: true, writable: true, configurable: true });
  }
  if (compareKeys(recordKey(collection, merged), k) !== 0) {
    throw new GovGraphError(
      "invalid_operation",
      `${fn}: the patch changes the ${isPairCollection(collection) ? "key pair" : "id"} of the ${keyLabel(collection, key)}. Remove the record and add a new one instead.`,
      { path: [collection, at] },
    );
  }
  const parsed = parseRecord(collection, merged, at);
  if (!parsed.record) throw invalidModel(fn, parsed.issues);
  const next = immer.produce(model, (draft) => {
    (draft as Collections)[collection][at] = parsed.record;
  });
  return next === model ? model : checked(fn, model, next);
}
