import { exampleCounty, GovGraphError, type Issue, type Model, type ValidationResult } from "../index.js";
import type { CliIo } from "./io.js";
import { readModelFile } from "./read-model-file.js";

export { LARGE_FILE_BYTES } from "./read-model-file.js";

/** A model read from a file (or the bundled example) and validated. @internal */
export interface LoadedModel {
  /** The file it came from, or "bundled example". */
  source: string;
  /** The model's name (`meta.name`), or its source when it has none. */
  name: string;
  model: Model;
  /** Warnings (a model with errors is never returned). */
  issues: Issue[];
}

/**
 * Reads and validates a model: a JSON file, or the bundled example when no file is given. A directory (a CSV folder)
 * is `unsupported_format`; a model with errors throws `invalid_model` listing every issue.
 * @internal
 */
export function loadModel(io: CliIo, file: string | undefined): LoadedModel {
  // The bundled example is validated once, where the library defines it (its tests prove it has no issue).
  if (file === undefined) return loaded("bundled example", exampleCounty, []);
  if (io.isDirectory(file)) {
    throw new GovGraphError(
      "unsupported_format",
      `loadModel: ${file} is a directory, and this version reads models from JSON files only. Pass a model JSON file.`,
    );
  }
  return checked(file, readModelFile(io, file));
}

/**
 * The two files of a command taking `[first] second` (compare, scenario): with one file only, the first is the
 * bundled example (`undefined`). @internal
 */
export function exampleOr(positionals: readonly string[]): [first: string | undefined, second: string | undefined] {
  const [first, second] = positionals;
  return second === undefined ? [undefined, first] : [first, second];
}

function checked(source: string, result: ValidationResult): LoadedModel {
  if (!result.ok || !result.model) {
    const errors = result.issues.filter((i) => i.severity === "error").length;
    throw new GovGraphError("invalid_model", `${source}: the model has ${errors} error(s). Fix them and try again.`, {
      issues: result.issues,
    });
  }
  return loaded(source, result.model, result.issues);
}

const loaded = (source: string, model: Model, issues: Issue[]): LoadedModel => ({ source, name: model.meta?.name ?? source, model, issues });
