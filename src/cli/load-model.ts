import { exampleCounty, GovGraphError, parseJson, parseJsonBytes, validateModel, type Issue, type JsonIssue, type Model, type ValidationResult } from "../index.js";
import { progress, type CliIo } from "./io.js";

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
  return checked(file, readAndValidate(io, file).result);
}

/**
 * Reads and validates a model file whatever its issues: the data as parsed and the validation result (`validate`
 * reports an invalid model rather than failing). Malformed JSON throws `invalid_json`, as in {@link loadModel}.
 * @internal
 */
export function readAndValidate(io: CliIo, file: string): { data: unknown; result: ValidationResult } {
  if (io.isDirectory(file)) {
    throw new GovGraphError(
      "unsupported_format",
      `loadModel: ${file} is a directory, and this version reads models from JSON files only. Pass a model JSON file.`,
    );
  }
  progress(io, `reading ${file}...`);
  const data = io.readBytes && (io.fileSize?.(file) ?? 0) > LARGE_FILE_BYTES ? readLarge(io, file) : parseJsonFile(io.readFile(file), file);
  progress(io, `validating ${file}...`);
  return { data, result: adopt(data) };
}

/**
 * The two files of a command taking `[first] second` (compare, scenario): with one file only, the first is the
 * bundled example (`undefined`). @internal
 */
export function exampleOr(positionals: readonly string[]): [first: string | undefined, second: string | undefined] {
  const [first, second] = positionals;
  return second === undefined ? [undefined, first] : [first, second];
}

/** Validates data the CLI parsed itself: its objects become the model's, not copied. */
function adopt(data: unknown): ValidationResult {
  return validateModel(data, { adopt: true });
}

/** Files above this size (bytes) are read as bytes and parsed in batches: one string holds at most 512 MB. @internal */
export const LARGE_FILE_BYTES = 256 * 1024 * 1024;

/** Reads and parses a large model file in batches; the bytes are dropped on return. */
function readLarge(io: CliIo, file: string): unknown {
  const bytes = io.readBytes!(file);
  progress(io, `parsing ${file}...`);
  try {
    return parseJsonBytes(bytes);
  } catch (error) {
    throw located(file, error);
  }
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

/** The JSON text of a file parsed, its `invalid_json` error (line and column) saying `file:line:column`. @internal */
export function parseJsonFile(text: string, file: string): unknown {
  try {
    return parseJson(text);
  } catch (error) {
    throw located(file, error);
  }
}

/** An `invalid_json` error as `file:line:column: malformed JSON: reason`; any other error as it is. */
function located(file: string, error: unknown): unknown {
  const issue = error instanceof GovGraphError && error.code === "invalid_json" ? (error.issues[0] as JsonIssue | undefined) : undefined;
  if (!issue) return error;
  const reason = issue.message.replace(/^line \d+, column \d+: /, "");
  return new GovGraphError("invalid_json", `${file}:${issue.line}:${issue.column}: malformed JSON: ${reason}. Fix the JSON and try again.`, {
    issues: [issue],
    cause: error,
  });
}
