/**
 * CSV folder, reading
 * ===================
 * `fromCsvFolder` reads the files `toCsvFolder` writes (or a folder a person made by hand with some of them) back
 * into a valid model, every problem reported at its file, line and column. See docs/csv.md.
 * @module
 */
import { GovGraphError, type Issue } from "../../errors.js";
import { validateModel } from "../../model/validate.js";
import { resolveOptions } from "../../options.js";
import type { Model } from "../../schemas/model.js";
import { locateJsonError } from "../json/json-error.js";
import { locate, newDrafts, readTable, type Drafts } from "./drafts.js";
import { csvIssue, refuseOnErrors, sortCsvIssues, type CsvImportResult, type CsvIssue } from "./issues.js";
import { prune } from "./prune.js";
import { CSV_FOLDER_FILES, META_FILE, TABLES } from "./tables.js";
import { checkArgument, isJsonData } from "../../guard.js";

/** Options of {@link fromCsvFolder}. */
export interface CsvFolderOptions {
  /** Throw on any error (default), or leave out what is wrong (a cell, a list item, a row) and map the rest. */
  strict?: boolean;
}

/** Defaults of {@link fromCsvFolder}. */
export const CSV_FOLDER_DEFAULTS = { strict: true } as const satisfies Required<CsvFolderOptions>;

const FN = "fromCsvFolder";

function checkFiles(files: unknown): Record<string, string> {
  if (typeof files !== "object" || files === null || Array.isArray(files)) {
    throw new GovGraphError("invalid_input", `${FN}: expected an object of file names and texts, got ${Array.isArray(files) ? "an array" : typeof files}. Pass { "regions.csv": text, ... }.`);
  }
  const bad = Object.keys(files).filter((name) => typeof (files as Record<string, unknown>)[name] !== "string");
  if (bad.length > 0) throw new GovGraphError("invalid_input", `${FN}: the file ${JSON.stringify(bad[0])} is not text. Pass each file's contents as a string.`);
  if (!CSV_FOLDER_FILES.some((name) => Object.hasOwn(files, name))) {
    throw new GovGraphError("invalid_input", `${FN}: none of the files is part of a govgraph CSV folder. Pass some of ${CSV_FOLDER_FILES.join(", ")}.`);
  }
  return files as Record<string, string>;
}

/** Reads `meta.json` into the drafts: `schemaVersion` (must be 1) and `meta`. */
function readMeta(drafts: Drafts, text: string, issues: CsvIssue[]): void {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const found = locateJsonError(text) ?? { index: 0, reason: error instanceof Error ? error.message : String(error) };
    const before = text.slice(0, found.index).split("\n");
    issues.push(csvIssue(META_FILE, before.length, "", "invalid_json", `not valid JSON at column ${before[before.length - 1]!.length + 1}: ${found.reason}`));
    return;
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    issues.push(csvIssue(META_FILE, 1, "", "invalid_type", `expected a JSON object such as {"schemaVersion": 1, "meta": {"name": "..."}}`));
    return;
  }
  for (const [key, value] of Object.entries(data)) {
    if (key === "meta") drafts.input.meta = value;
    else if (key !== "schemaVersion") issues.push(csvIssue(META_FILE, 1, key, "unrecognized_keys", `unknown field; meta.json holds "schemaVersion" and "meta"`));
    else if (value !== 1) issues.push(csvIssue(META_FILE, 1, key, "invalid_value", `"schemaVersion" must be 1, not ${JSON.stringify(value)}; this version of govgraph reads schemaVersion 1`));
  }
}

/** The validation issues, placed at their file, line and column; a place already reported is not repeated. */
function placed(drafts: Drafts, issues: readonly Issue[], seen: Set<string>): CsvIssue[] {
  const out: CsvIssue[] = [];
  for (const issue of issues) {
    const { file, line, column } = locate(drafts, issue.path);
    const key = `${file}\0${line}\0${column}`;
    if (issue.severity === "error" && seen.has(key)) continue;
    seen.add(key);
    out.push(csvIssue(file, line, column, issue.code, issue.message, issue.severity));
  }
  return out;
}

/**
 * Reads a CSV folder (file name -> text, as {@link toCsvFolder} writes it) into a valid model. Every problem comes
 * back with its file, line and column: cells that cannot be read, unknown columns, nested rows whose owner is
 * missing, and everything `validateModel` finds (a dangling reference is reported at the cell that holds it).
 * Strict (the default) throws a `GovGraphError` (`invalid_input`) listing them all; `{ strict: false }` leaves out
 * what is wrong (the cell, the list item or the row) and returns the rest. Missing files are empty collections.
 * @example
 * const { model, issues } = fromCsvFolder({ "meta.json": meta, "regions.csv": regions, "departments.csv": departments });
 */
export function fromCsvFolder(files: Readonly<Record<string, string>>, options: CsvFolderOptions = {}): CsvImportResult {
  checkArgument(FN, "files", files, isJsonData("an object of file names and texts"), 'Pass { "regions.csv": text, ... }');
  const { strict } = resolveOptions(CSV_FOLDER_DEFAULTS, options, FN);
  const texts = checkFiles(files);
  const drafts = newDrafts();
  const issues: CsvIssue[] = [];
  for (const name of Object.keys(texts)) {
    if (!CSV_FOLDER_FILES.includes(name)) issues.push(csvIssue(name, 1, "", "unknown_file", `not a file of a govgraph CSV folder; ignored`, "warning"));
  }
  if (Object.hasOwn(texts, META_FILE)) readMeta(drafts, texts[META_FILE]!, issues);
  for (const table of TABLES) if (Object.hasOwn(texts, table.file)) readTable(drafts, table, texts[table.file]!, FN, issues);

  const seen = new Set(issues.map((i) => `${i.file}\0${i.line}\0${i.column}`));
  for (;;) {
    const result = validateModel(drafts.input);
    const found = placed(drafts, result.issues, seen);
    if (result.ok && result.model) {
      issues.push(...found);
      sortCsvIssues(issues, CSV_FOLDER_FILES);
      refuseOnErrors(FN, issues, strict);
      return { model: result.model as Model, issues };
    }
    issues.push(...found.filter((i) => i.severity === "error"));
    if (strict) {
      issues.push(...found.filter((i) => i.severity === "warning"));
      refuseOnErrors(FN, sortCsvIssues(issues, CSV_FOLDER_FILES), strict);
    }
    if (!prune(drafts, result.issues.filter((i) => i.severity === "error"))) {
      throw new GovGraphError("invalid_input", `${FN}: the files could not be mapped (${found[0]?.message ?? "unknown problem"}). Fix the problems listed in issues.`, { issues });
    }
  }
}
