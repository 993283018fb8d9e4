/**
 * The model layer's immer
 * =======================
 * A private instance: our settings never change the caller's immer, and theirs never change ours. immer's patches
 * plugin is global; it is switched on the first time patches are needed, not on import.
 */
import { enablePatches, Immer, type Draft, type Patch } from "immer";
import type { Model } from "../../schemas/model.js";

/** The private immer instance (auto-freezing). @internal */
export const immer = new Immer({ autoFreeze: true });

/** A function that changes a draft of the model. @internal */
export type ModelRecipe = (draft: Draft<Model>) => void;

let patchesEnabled = false;

/** Switches immer's patches plugin on, once. @internal */
export function usePatches(): void {
  if (!patchesEnabled) {
    enablePatches();
    patchesEnabled = true;
  }
}

/** The raw `produceWithPatches` of the private instance (no check of the result), for scenarios. @internal */
export function produceWithPatches(model: Model, recipe: ModelRecipe): [Model, Patch[], Patch[]] {
  usePatches();
  const [next, patches, inverse] = immer.produceWithPatches(model, recipe);
  return [next, patches, inverse];
}
