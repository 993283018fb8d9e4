import { join } from "node:path";
import { exampleCounty, GovGraphError, parseJson, parseJsonBytes, validateModel, type Issue, type JsonIssue, type Model, type ValidationResult } from "../index.js";
import { readCsvFolderDir } from "./file-formats.js";
import { fileHead, folderFiles } from "./folder.js";
import { progress, type CliIo } from "./io.js";
import { notCsvFolderError, notJsonError, otherJsonError, startsLikeJson } from "./sniff.js";

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
 * Reads and validates a model: a JSON file, a directory holding a CSV folder (docs/csv.md), or the bundled example
 * when no file is given. A file that is not JSON, or a directory that is no CSV folder, is `unsupported_format`
 * saying what it looks like and the `govgraph import` command that reads it; a model with errors throws
 * `invalid_model` (a CSV folder: `invalid_input`) listing every issue.
 * @internal
 */
export function loadModel(io: CliIo, file: string | undefined): LoadedModel {
  // The bundled example is validated once, where the library defines it (its tests prove it has no issue).
  if (file === undefined) return loaded("bundled example", exampleCounty, []);
  if (io.isDirectory(file)) return loadFolder(io, file);
  return checked(file, readAndValidate(io, file).result);
}

/**
 * Reads and validates a model whatever its issues: the data as parsed and the validation result (`validate`
 * reports an invalid model rather than failing; a CSV folder is read with `strict: false`, its issues kept).
 * Malformed JSON throws `invalid_json`, as in {@link loadModel}.
 * @internal
 */
export function readAndValidate(io: CliIo, file: string): { data: unknown; result: ValidationResult } {
  if (io.isDirectory(file)) {
    checkCsvFolder(io, file);
    const { model, issues } = readCsvFolderDir(io, file, false);
    const ok = !issues.some((i) => i.severity === "error");
    return { data: model, result: ok ? { ok, model, issues } : { ok, issues } };
  }
  progress(io, `reading ${file}...`);
  const data = io.readBytes && (io.fileSize?.(file) ?? 0) > LARGE_FILE_BYTES ? readLarge(io, file) : parseJsonFile(jsonText(io.readFile(file), file), file);
  const other = otherJsonError(file, data);
  if (other) throw other;
  progress(io, `validating ${file}...`);
  return { data, result: adopt(data) };
}

/** Refuses a directory that is no CSV folder, saying what it looks like. */
function checkCsvFolder(io: CliIo, dir: string): void {
  const names = Object.keys(folderFiles(io, dir));
  const other = notCsvFolderError(dir, Object.fromEntries(names.map((name) => [name, fileHead(io, join(dir, name))])));
  if (other) throw other;
  progress(io, `reading the CSV folder ${dir}...`);
}

/** Reads a CSV folder, each file read when its table is, validated by `fromCsvFolder` (strict). */
function loadFolder(io: CliIo, dir: string): LoadedModel {
  checkCsvFolder(io, dir);
  const { model, issues } = readCsvFolderDir(io, dir, true);
  return loaded(dir, model, issues);
}

/** The text of a model file, refused with what it looks like when it is no JSON. */
function jsonText(text: string, file: string): string {
  const head = text.slice(0, HEAD_CHARS);
  if (!startsLikeJson(head)) throw notJsonError(file, head);
  return text;
}

/** How much of a file is looked at to tell what it is. */
const HEAD_CHARS = 4096;

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
  const head = new TextDecoder().decode(bytes.subarray(0, HEAD_CHARS));
  if (!startsLikeJson(head)) throw notJsonError(file, head);
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
