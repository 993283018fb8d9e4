import { join } from "node:path";
import { exampleCounty, GovGraphError, type Issue, type Model, type ValidationResult } from "../index.js";
import { readCsvFolderDir } from "./file-formats.js";
import { fileHead, folderFiles } from "./folder.js";
import { progress, type CliIo } from "./io.js";
import { readModelFile } from "./read-model-file.js";
import { formatCounted } from "./render/numbers.js";
import { notCsvFolderError } from "./sniff.js";

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
  const { data, ...result } = readModelFile(io, file);
  return { data, result };
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
    throw new GovGraphError("invalid_model", `${source}: the model has ${formatCounted(errors, "error")}. Fix ${errors === 1 ? "it" : "them"} and try again.`, {
      issues: result.issues,
    });
  }
  return loaded(source, result.model, result.issues);
}

const loaded = (source: string, model: Model, issues: Issue[]): LoadedModel => ({ source, name: model.meta?.name ?? source, model, issues });
