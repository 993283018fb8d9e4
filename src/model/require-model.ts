/**
 * Requiring a model
 * =================
 * The entry check of every function that takes a model. A model that govgraph validated (`validateModel`,
 * `parseModel`, `parseModelJson`, `generateModel`, `exampleCounty`, an edit or a scenario of one) is recognised by a
 * set lookup and used as it is; anything else is validated first, which costs as much as `validateModel` (about the
 * time of one analysis): the caller gets the validated copy or an `invalid_model` error listing every issue.
 */
import type { Model } from "../schemas/model.js";
import { invalidModel, validateModel } from "./validate.js";
import { isValidatedModel } from "./validated.js";

/**
 * The model to work on: `value` itself when govgraph validated it, else its validated (frozen, canonical) copy.
 * Throws `invalid_model` naming `fn` and the argument, with every issue, when `value` is not a valid model.
 * @internal
 */
export function requireModel(fn: string, value: unknown, argument = "model"): Model {
  if (isValidatedModel(value)) return value;
  const result = validateModel(value);
  if (!result.ok || !result.model) throw invalidModel(fn, result.issues, argument);
  return result.model;
}
