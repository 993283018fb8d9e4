/**
 * Removing records
 * ================
 * Who refers to a record, and removing it: refused while it is referred to, or with everything that depends on it
 * (`cascade`, see cascade.ts).
 */
import { GovGraphError } from "../../errors.js";
import { capitalize, counted, dotPath, issue } from "../../issues.js";
import { resolveOptions } from "../../options.js";
import type { CollectionName, Model } from "../../schemas/model.js";
import { forEachReference, isPairCollection, keyLabel, pairObject, recordKey, REFERENCE_FIELDS, referencePath } from "../records.js";
import { applyPlan, cascadePlan } from "./cascade.js";
import { immer } from "./immer.js";
import { collectionOrThrow, normalizeKey, notFound, positionOf, type RecordKey } from "./lookup.js";
import { checked } from "./review.js";
import { requireModel } from "../require-model.js";

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

/**
 * Lists every record that refers to the given one, with the field, in collection and document order.
 * @example
 * findReferrers(model, "departments", "d-met").map((r) => `${r.collection} ${r.field}`)
 */
export function findReferrers<C extends CollectionName>(model: Model, collection: C, key: RecordKey<C>): Referrer[] {
  model = requireModel("findReferrers", model);
  collectionOrThrow("findReferrers", collection);
  normalizeKey("findReferrers", collection, key);
  if (isPairCollection(collection) || typeof key !== "string") return [];
  const out: Referrer[] = [];
  for (const ref of REFERENCE_FIELDS) {
    if (ref.to !== collection) continue;
    const records = model[ref.from] as readonly unknown[];
    forEachReference(ref, records, (id, r, i, j) => {
      if (id !== key) return;
      const inRecord = referencePath(ref, i, j);
      out.push({ collection: ref.from, key: referrerKey(ref.from, records[r]), field: dotPath(inRecord), path: [ref.from, r, ...inRecord] });
    });
  }
  return out;
}

function referrerKey(collection: CollectionName, record: unknown): string | Record<string, string> {
  const key = recordKey(collection, record);
  return typeof key === "string" ? key : pairObject(collection as "assignments" | "travelCosts", key);
}

/**
 * Removes one record. When other records refer to it, throws `referenced` naming every referrer (collection, id,
 * field), unless `{ cascade: true }`: then records that cannot exist without it are removed too and references to
 * it are stripped (see docs/validation.md). Throws `not_found` for an unknown key.
 * @example
 * const next = removeRecord(model, "functions", "f-weather", { cascade: true });
 */
export function removeRecord<C extends CollectionName>(model: Model, collection: C, key: RecordKey<C>, options?: RemoveOptions): Model {
  const fn = "removeRecord";
  model = requireModel(fn, model);
  const { cascade } = resolveOptions(REMOVE_DEFAULTS, options, fn);
  collectionOrThrow(fn, collection);
  const k = normalizeKey(fn, collection, key);
  const at = positionOf(model, collection, k);
  if (at < 0) throw notFound(fn, collection, key);
  if (!cascade && typeof k === "string") {
    const referrers = findReferrers(model, collection, k as RecordKey<C>);
    if (referrers.length > 0) throw referenced(fn, collection, k, at, referrers);
  }
  const removed = cascadePlan(model, collection, at);
  const next = immer.produce(model, (draft) => applyPlan(model, draft as Record<CollectionName, unknown[]>, removed));
  return checked(fn, model, next);
}

/** The `referenced` error: every referrer in `issues`, the first five in the message. */
function referenced(fn: string, collection: CollectionName, id: string, at: number, referrers: readonly Referrer[]): GovGraphError {
  const target = keyLabel(collection, id);
  const shown = referrers.slice(0, 5).map((r) => `${keyLabel(r.collection, r.key)} (${r.field})`).join(", ");
  const issues = referrers.map((r) => issue("referenced", r.path, `${capitalize(keyLabel(r.collection, r.key))} refers to ${target} in ${r.field}.`));
  return new GovGraphError(
    "referenced",
    `${fn}: ${target} has ${counted(referrers.length, "reference")} to it: ${shown}${referrers.length > 5 ? ", ..." : ""}. Change or remove them first, or pass { cascade: true }.`,
    { path: [collection, at], issues },
  );
}
