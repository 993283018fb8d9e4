/**
 * Editing with immer recipes
 * ==========================
 * Any change at all, written as an immer recipe on a draft of the model, checked and put back in canonical order;
 * with immer patches both ways when asked.
 */
import type { Draft, Patch } from "immer";
import { GovGraphError } from "../../errors.js";
import { checkArgument, describeArgument, hasFields, isArrayOf, isFunction, isJsonData, isOneOf, type ArgumentRule } from "../../guard.js";
import type { Model } from "../../schemas/model.js";
import { invalidModel } from "../validate.js";
import { requireModel } from "../require-model.js";
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
  const fn = "editWithPatches";
  model = requireModel(fn, model);
  checkArgument(fn, "recipe", recipe, isFunction, "Pass a function that changes the draft, such as (draft) => { draft.meta = { name: \"x\" }; }");
  usePatches();
  const [next, patches, inverse] = runImmer(fn, () => immer.produceWithPatches(model, recipe));
  const fixes = review(fn, model, modelOrThrow(fn, next));
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
  const fn = "produceModel";
  model = requireModel(fn, model);
  checkArgument(fn, "recipe", recipe, isFunction, "Pass a function that changes the draft, such as (draft) => { draft.meta = { name: \"x\" }; }");
  return checkedResult(fn, model, runImmer(fn, () => immer.produce(model, recipe)));
}

const isPathKey: ArgumentRule = (v) => (typeof v === "string" || (typeof v === "number" && Number.isInteger(v) && v >= 0) ? undefined : `must be a string or an index, got ${describeArgument(v)}`);
const isPatch = hasFields({ op: isOneOf(["add", "remove", "replace"]), path: isArrayOf(isPathKey, "keys") }, "an immer patch { op, path, value? }");
const isPatchList: ArgumentRule = (v) => isArrayOf(isPatch, "immer patches")(v) ?? isJsonData("a list of patches")({ patches: v });

/**
 * Applies immer patches (from {@link editWithPatches} or a scenario) with the private instance, checking the result.
 * Malformed patches, or patches that do not fit the model, throw `invalid_input`; a result that is not a valid
 * model throws `invalid_model`.
 * @example
 * const restored = applyModelPatches(next, inverse);
 */
export function applyModelPatches(model: Model, patches: readonly Patch[]): Model {
  const fn = "applyModelPatches";
  model = requireModel(fn, model);
  checkArgument(fn, "patches", patches, isPatchList, "Pass the patches or inverse patches that editWithPatches or applyScenario returned");
  usePatches();
  return checkedResult(fn, model, runImmer(fn, () => immer.applyPatches(model, patches)));
}

function checkedResult(fn: string, model: Model, next: unknown): Model {
  const result = modelOrThrow(fn, next);
  const fixes = review(fn, model, result);
  return derived(model, fixes ? immer.produce(result, fixes) : result);
}

/** Runs immer, turning its own errors (a recipe that returns a value and changes its draft, a patch whose path does not resolve) into `invalid_input`; the recipe's own errors pass through. */
function runImmer<T>(fn: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith("[Immer]")) throw error;
    const detail = error.message.replace(/^\[Immer\]\s*/, "").replace(/\.?\s*$/, "");
    const [argument, fix] = fn === "applyModelPatches" ? ["patches", "Pass patches made from this model"] : ["recipe", "Change the draft in place and return nothing, or return a whole new model"];
    const message = `${fn}: immer refused the change (${detail}). ${fix}.`;
    throw new GovGraphError("invalid_input", message, { cause: error, issues: [{ code: "invalid_argument", path: [argument], pointer: `/${argument}`, message, severity: "error" }] });
  }
}

/** The result of a recipe or patches, when it is a model object; else `invalid_model` saying what came back. */
function modelOrThrow(fn: string, next: unknown): Model {
  if (typeof next === "object" && next !== null && !Array.isArray(next)) return next as Model;
  const issue = { code: "invalid_type", path: [], pointer: "", message: `The result must be a model object, not ${describeArgument(next)}.`, severity: "error" as const };
  throw invalidModel(fn, [issue]);
}
