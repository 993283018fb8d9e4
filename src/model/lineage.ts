/**
 * Lineage
 * =======
 * Which validated model an edit or a scenario made a validated model from, and how a collection of the one differs
 * from the same collection of the other: records kept (the very same frozen objects), edited (the same key, another
 * object), added and removed. Analyses use it to reuse what they computed for the base model where the records they
 * read are the same objects (docs/scenarios.md, "What-if"). Both models are frozen and in canonical order, so the
 * difference is found by walking the two arrays side by side, comparing keys only where the objects differ.
 */
import type { CollectionName, Model } from "../schemas/model.js";
import { RECORD_ORDER, sameJson } from "./records.js";
import { isValidatedModel } from "./validated.js";

/**
 * The model each validated model was made from by an edit or a scenario, held weakly: a chain of edits does not keep
 * every earlier model (and what was computed for it) alive; reuse happens while the caller still holds the base.
 */
const bases = new WeakMap<Model, WeakRef<Model>>();

/** Records that the validated `next` was made from the validated `base` (a scenario or an edit). @internal */
export function noteBase(next: Model, base: Model): void {
  if (next !== base && isValidatedModel(next) && isValidatedModel(base)) bases.set(next, new WeakRef(base));
}

/** The validated model `model` was made from, when an edit or a scenario made it. @internal */
export function baseOf(model: Model): Model | undefined {
  return bases.get(model)?.deref();
}

/** How a collection of a model differs from the same collection of the model it was made from. @internal */
export interface CollectionDiff {
  /** The base model's collection. */
  readonly base: readonly object[];
  /** For each record of the edited collection, the position of the base record with the same key, or -1 (added). */
  readonly from: Int32Array;
  /** For each base record, the position of the edited record with the same key, or -1 (removed). */
  readonly to: Int32Array;
  /** Positions of the edited collection whose record is not the base's object (edited or added), ascending. */
  readonly changed: readonly number[];
  /** Positions of the base collection whose record is not kept as the same object (edited or removed), ascending. */
  readonly dropped: readonly number[];
  /** True when every record kept its key and position (none added or removed). */
  readonly inPlace: boolean;
}

/** Diffs by edited collection array, then by base array (frozen arrays cannot change). */
const diffs = new WeakMap<readonly object[], WeakMap<readonly object[], CollectionDiff>>();

/**
 * How collection `c` of `model` differs from that of `base` (the model it was made from, see {@link baseOf}); both
 * validated, hence frozen and in canonical order. @internal
 */
export function collectionDiff(model: Model, base: Model, c: CollectionName): CollectionDiff {
  const next = model[c] as readonly object[];
  const before = base[c] as readonly object[];
  let byBase = diffs.get(next);
  if (!byBase) diffs.set(next, (byBase = new WeakMap()));
  let diff = byBase.get(before);
  if (!diff) byBase.set(before, (diff = walk(next, before, RECORD_ORDER[c])));
  return diff;
}

/** Walks both arrays in canonical order: the same object is kept, the same key edited, a smaller key added or removed. */
function walk(next: readonly object[], base: readonly object[], order: (a: object, b: object) => number): CollectionDiff {
  const from = new Int32Array(next.length).fill(-1);
  const to = new Int32Array(base.length).fill(-1);
  const changed: number[] = [];
  const dropped: number[] = [];
  let i = 0;
  let j = 0;
  while (i < next.length && j < base.length) {
    if (next[i] === base[j]) {
      from[i] = j;
      to[j++] = i++;
      continue;
    }
    const c = order(next[i]!, base[j]!);
    if (c <= 0) changed.push(i);
    if (c >= 0) dropped.push(j);
    if (c === 0) {
      from[i] = j;
      to[j] = i;
    }
    if (c <= 0) i++;
    if (c >= 0) j++;
  }
  for (; i < next.length; i++) changed.push(i);
  for (; j < base.length; j++) dropped.push(j);
  const inPlace = next.length === base.length && changed.length === dropped.length && changed.every((p, k) => dropped[k] === p && from[p] === p);
  return { base, from, to, changed, dropped, inPlace };
}

/**
 * True when `c` of `model` holds its records at the same positions as `base`'s and each edited record has the same
 * values (equal as JSON) as its base record in every field of `fields`: what an analysis that reads only those
 * fields computed for the base holds for `model` too. @internal
 */
export function sameFields(model: Model, base: Model, c: CollectionName, fields: readonly string[]): boolean {
  if (model[c] === base[c]) return true;
  const diff = collectionDiff(model, base, c);
  if (!diff.inPlace) return false;
  const next = model[c] as readonly Record<string, unknown>[];
  const before = base[c] as readonly Record<string, unknown>[];
  return diff.changed.every((p) => fields.every((f) => sameJson(next[p]![f], before[p]![f])));
}

/**
 * A result kept by validated model in `kept`: the one computed for `model`, else the one computed for its base when
 * `unchanged(base)` says the inputs it reads are the same, else `compute()`; kept for `model` when it is validated
 * (frozen: it cannot change). Give callers a copy when the result is mutable. @internal
 */
export function keptResult<T extends object>(kept: WeakMap<Model, T>, model: Model, unchanged: (base: Model) => boolean, compute: () => T): T {
  let result = kept.get(model);
  if (result) return result;
  const base = baseOf(model);
  const before = base && kept.get(base);
  result = before && unchanged(base) ? before : compute();
  if (isValidatedModel(model)) kept.set(model, result);
  return result;
}
