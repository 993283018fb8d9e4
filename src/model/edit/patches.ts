/**
 * Editing with immer recipes
 * ==========================
 * Any change at all, written as an immer recipe on a draft of the model, checked and put back in canonical order;
 * with immer patches both ways when asked.
 */
import type { Draft, Patch } from "immer";
import type { Model } from "../../schemas/model.js";
import { immer, usePatches } from "./immer.js";
import { derived, review } from "./review.js";

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
  if (!fixes) return [derived(model, next), patches, inverse];
  const [fixed, morePatches, moreInverse] = immer.produceWithPatches(next, fixes);
  return [derived(model, fixed), [...patches, ...morePatches], [...moreInverse, ...inverse]];
}

/**
 * Like {@link editWithPatches} without the patches: runs an immer recipe and returns the checked, canonical,
 * frozen model.
 * @example
 * const next = produceModel(model, (draft) => { draft.meta = { name: "After the merger" }; });
 */
export function produceModel(model: Model, recipe: (draft: Draft<Model>) => void): Model {
  return checkedResult("produceModel", model, immer.produce(model, recipe));
}

/**
 * Applies immer patches (from {@link editWithPatches} or a scenario) with the private instance, checking the result.
 * @example
 * const restored = applyModelPatches(next, inverse);
 */
export function applyModelPatches(model: Model, patches: readonly Patch[]): Model {
  usePatches();
  return checkedResult("applyModelPatches", model, immer.applyPatches(model, patches));
}

function checkedResult(fn: string, model: Model, next: Model): Model {
  const fixes = review(fn, model, next);
  return derived(model, fixes ? immer.produce(next, fixes) : next);
}
