/**
 * Requiring a model
 * =================
 * The entry check of every function that takes a model. A model that govgraph validated (`validateModel`,
 * `parseModel`, `parseModelJson`, `generateModel`, `exampleCounty`, an edit or a scenario of one) is recognised by a
 * set lookup and used as it is; anything else is validated first, which costs as much as `validateModel` (about the
 * time of one analysis): the caller gets the validated copy or an `invalid_model` error listing every issue.
 */
import { GovGraphError, toPointer, type Issue } from "../errors.js";
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

/**
 * Several models at once (`{ before, after }`), each as {@link requireModel} gives it; the same object given twice is
 * validated once. When some are invalid, one `invalid_model` error lists the issues of every invalid one, each path
 * starting with the argument's name. @internal
 */
export function requireModels(fn: string, models: Readonly<Record<string, unknown>>): Model[] {
  const out: Model[] = [];
  const seen = new Map<unknown, Model>();
  const failed: { argument: string; error: GovGraphError }[] = [];
  for (const [argument, value] of Object.entries(models)) {
    try {
      const model = seen.get(value) ?? requireModel(fn, value, argument);
      seen.set(value, model);
      out.push(model);
    } catch (error) {
      if (!(error instanceof GovGraphError)) throw error;
      failed.push({ argument, error });
    }
  }
  if (failed.length === 0) return out;
  if (failed.length === 1) throw failed[0]!.error;
  const issues: Issue[] = failed.flatMap(({ argument, error }) => error.issues.map((i) => ({ ...i, path: [argument, ...i.path], pointer: toPointer([argument, ...i.path]) })));
  const others = failed.slice(1).map(({ argument }) => argument).join(" and ");
  throw new GovGraphError("invalid_model", `${failed[0]!.error.message.replace(/ Fix the issues listed in error\.issues\.$/, "")} The model given as ${others} is not valid either. Fix the issues listed in error.issues (their paths start with the argument).`, { issues });
}
