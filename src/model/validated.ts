import type { Model } from "../schemas/model.js";
import { deepFreeze } from "./freeze.js";

/** The frozen models govgraph validated or derived from validated ones (by edits and scenarios). */
const validated = new WeakSet<object>();

/** Freezes a model that passed validation (all through) and remembers it as valid. @internal */
export function markValidated(model: Model): Model {
  validated.add(deepFreeze(model));
  return model;
}

/**
 * Remembers as valid a model whose records, meta and everything in them are frozen already (as the record checkers
 * leave them): freezes only the model and its collections, without walking the records again. @internal
 */
export function markValidatedFrozen(model: Model): Model {
  for (const value of Object.values(model)) if (typeof value === "object" && value !== null) Object.freeze(value);
  validated.add(Object.freeze(model));
  return model;
}

/**
 * True for a model returned by `validateModel`, `parseModel`, `parseModelJson`, `generateModel`, `applyScenario`
 * or an edit function: valid, canonical and frozen, so it need not be checked again (model/require-model.ts).
 * A cheap test (a set lookup), never a
 * validation: a copy of a valid model is not recognised. @internal
 */
export function isValidatedModel(value: unknown): value is Model {
  return typeof value === "object" && value !== null && validated.has(value);
}
