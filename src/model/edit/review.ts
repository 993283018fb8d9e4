/**
 * Reviewing an edit
 * =================
 * A model derived from a valid one is checked without validating it all again: records that are new (not shared
 * with the base) are parsed, then the integrity rules run on the whole model. The result is remembered as
 * validated when its base was.
 */
import type { Draft } from "immer";
import type { Issue } from "../../errors.js";
import { issue } from "../../issues.js";
import { COLLECTIONS, type CollectionName, type Model } from "../../schemas/model.js";
import { checkIntegrity, type RawCollections } from "../integrity.js";
import { RECORD_ORDER, sameJson } from "../records.js";
import { parseMeta, parseRecord } from "../validate/parse-records.js";
import { invalidModel } from "../validate.js";
import { isValidatedModel, markValidated } from "../validated.js";
import { noteBase } from "../lineage.js";
import type { ModelRecipe } from "./immer.js";

/** What a review changes: a parsed meta, and collections with parsed records or restored order. */
interface Fixes {
  meta?: Model["meta"];
  collections: Map<CollectionName, unknown[]>;
}

/** Checks the integrity of a model built by the record edits (their records are parsed already). @internal */
export function checked(fn: string, base: Model, next: Model): Model {
  const issues: Issue[] = [];
  checkIntegrity(next as unknown as RawCollections, issues);
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) throw invalidModel(fn, errors);
  return derived(base, next);
}

/** The derived model, remembered as validated when its base was. @internal */
export function derived(base: Model, next: Model): Model {
  if (!isValidatedModel(base)) return next;
  noteBase(markValidated(next), base);
  return next;
}

/**
 * Checks a model derived from a valid base: records that are new (not shared with the base) are parsed again,
 * then references, duplicates and cycles of the whole model. Returns a recipe that swaps in parsed records and
 * restores canonical order when needed, or undefined when nothing needs fixing. Throws `invalid_model`. @internal
 */
export function review(fn: string, base: Model, next: Model): ModelRecipe | undefined {
  if (next === base) return undefined;
  const issues: Issue[] = [];
  if ((next as { schemaVersion: unknown }).schemaVersion !== 1) issues.push(issue("invalid_value", ["schemaVersion"], `"schemaVersion" must be 1.`));
  const fixes: Fixes = { collections: new Map() };
  if (next.meta !== base.meta && next.meta !== undefined) {
    const parsed = parseMeta(next.meta);
    issues.push(...parsed.issues);
    if (parsed.meta && !sameJson(parsed.meta, next.meta)) fixes.meta = parsed.meta;
  }
  const raw = {} as RawCollections;
  for (const c of COLLECTIONS) {
    const records = (next[c] ?? []) as readonly unknown[];
    raw[c] = records;
    if (records === base[c]) continue;
    if (!Array.isArray(records)) {
      issues.push(issue("invalid_type", [c], `"${c}" must be an array of records.`));
      raw[c] = [];
      continue;
    }
    const out = reviewCollection(c, base[c], records, issues);
    if (out) fixes.collections.set(c, out);
  }
  checkIntegrity(raw, issues);
  if (issues.some((i) => i.severity === "error")) throw invalidModel(fn, issues.filter((i) => i.severity === "error"));
  if (fixes.meta === undefined && fixes.collections.size === 0) return undefined;
  return (draft: Draft<Model>) => {
    if (fixes.meta !== undefined) draft.meta = fixes.meta as Draft<Model>["meta"];
    for (const [c, records] of fixes.collections) (draft as Record<CollectionName, unknown[]>)[c] = records;
  };
}

/** Parses the records of a collection not in its base; returns the collection fixed (parsed, sorted) if it must change. */
function reviewCollection(c: CollectionName, base: readonly unknown[], records: readonly unknown[], issues: Issue[]): unknown[] | undefined {
  const known = new Set<unknown>(base);
  const order = RECORD_ORDER[c];
  let out: unknown[] | undefined;
  let sorted = true;
  for (let i = 0; i < records.length; i++) {
    let record = records[i];
    if (!known.has(record)) {
      const parsed = parseRecord(c, record, i);
      issues.push(...parsed.issues);
      if (parsed.record && !sameJson(parsed.record, record)) {
        out ??= records.slice();
        out[i] = record = parsed.record;
      }
    }
    if (sorted && i > 0 && typeof record === "object" && record !== null) {
      const prev = records[i - 1];
      if (typeof prev === "object" && prev !== null && order(prev, record) > 0) sorted = false;
    }
  }
  return sorted ? out : (out ?? records.slice()).sort((a, b) => order(a as object, b as object));
}
