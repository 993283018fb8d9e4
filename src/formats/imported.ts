import { GovGraphError, type Issue } from "../errors.js";
import { validateModel } from "../model/validate.js";
import type { Model, ModelInput } from "../schemas/model.js";

/** A model mapped from a catalogue, with the records that could not be mapped (or were mapped with a warning). */
export interface ImportResult {
  model: Model;
  /** Each problem, with where it is in the input (a CSV line number as `path[0]`, or a file, line and column). */
  issues: Issue[];
}

/** Validates the model an importer mapped; an invalid one is the importer's bug, not the input's. @internal */
export function importedModel(fn: string, input: ModelInput): Model {
  const result = validateModel(input);
  if (!result.ok || !result.model) {
    throw new GovGraphError("invalid_model", `${fn}: the mapped model is invalid (${result.issues[0]?.message}). Report this as a bug with the input.`, {
      issues: result.issues,
    });
  }
  return result.model;
}
