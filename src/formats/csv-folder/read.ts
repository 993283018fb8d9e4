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
import { checkArgument, describeArgument, type ArgumentRule } from "../../guard.js";

/** Options of {@link fromCsvFolder}. */
export interface CsvFolderOptions {
  /** Throw on any error (default), or leave out what is wrong (a cell, a list item, a row) and map the rest. */
  strict?: boolean;
}

/** Defaults of {@link fromCsvFolder}. */
export const CSV_FOLDER_DEFAULTS = { strict: true } as const satisfies Required<CsvFolderOptions>;

const FN = "fromCsvFolder";

/** A file of a CSV folder: its text, or a function returning it (called when its table is read, maybe twice). */
export type CsvFolderFile = string | (() => string);

/** An object whose every value is a file's text or a function returning it. */
const isFileTable: ArgumentRule = (v) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return `must be an object of file names and texts, got ${describeArgument(v)}`;
  for (const name of Object.keys(v)) {
    const file = (v as Record<string, unknown>)[name];
    if (typeof file !== "string" && typeof file !== "function") return `must be an object of file names and texts; the file ${JSON.stringify(name)} is ${describeArgument(file)}`;
  }
  return undefined;
};

function checkFiles(files: unknown): Readonly<Record<string, CsvFolderFile>> {
  if (typeof files !== "object" || files === null || Array.isArray(files)) {
    throw new GovGraphError("invalid_input", `${FN}: expected an object of file names and texts, got ${Array.isArray(files) ? "an array" : typeof files}. Pass { "regions.csv": text, ... }.`);
  }
  const bad = Object.keys(files).filter((name) => !["string", "function"].includes(typeof (files as Record<string, unknown>)[name]));
  if (bad.length > 0) throw new GovGraphError("invalid_input", `${FN}: the file ${JSON.stringify(bad[0])} is not text. Pass each file's contents as a string.`);
  if (!CSV_FOLDER_FILES.some((name) => Object.hasOwn(files, name))) {
    throw new GovGraphError("invalid_input", `${FN}: none of the files is part of a govgraph CSV folder. Pass some of ${CSV_FOLDER_FILES.join(", ")}.`);
  }
  return files as Record<string, CsvFolderFile>;
}

/** A file's text, read now when it is given as a function. */
function textOf(files: Readonly<Record<string, CsvFolderFile>>, name: string): string {
  const file = files[name]!;
  const text = typeof file === "function" ? file() : file;
  if (typeof text !== "string") throw new GovGraphError("invalid_input", `${FN}: the file ${JSON.stringify(name)} is not text. Pass each file's contents as a string.`);
  return text;
}

/** Every file read into new drafts, one file at a time, with the problems found in the cells. */
function readFiles(files: Readonly<Record<string, CsvFolderFile>>): { drafts: Drafts; issues: CsvIssue[] } {
  const drafts = newDrafts();
  const issues: CsvIssue[] = [];
  for (const name of Object.keys(files)) {
    if (!CSV_FOLDER_FILES.includes(name)) issues.push(csvIssue(name, 1, "", "unknown_file", `not a file of a govgraph CSV folder; ignored`, "warning"));
  }
  if (Object.hasOwn(files, META_FILE)) readMeta(drafts, textOf(files, META_FILE), issues);
  for (const table of TABLES) if (Object.hasOwn(files, table.file)) readTable(drafts, table, textOf(files, table.file), issues);
  return { drafts, issues };
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
 * A file may be given as a function returning its text: it is called when the file is read (again if the folder
 * has errors), so that a large folder is never held as text all at once.
 * @example
 * const { model, issues } = fromCsvFolder({ "meta.json": meta, "regions.csv": regions, "departments.csv": departments });
 * const large = fromCsvFolder({ "assignments.csv": () => readFileSync("model/assignments.csv", "utf8"), ... });
 */
export function fromCsvFolder(files: Readonly<Record<string, CsvFolderFile>>, options: CsvFolderOptions = {}): CsvImportResult {
  checkArgument(FN, "files", files, isFileTable, 'Pass { "regions.csv": text, ... }');
  const { strict } = resolveOptions(CSV_FOLDER_DEFAULTS, options, FN);
  const checked = checkFiles(files);
  let { drafts, issues } = readFiles(checked);
  if (!issues.some((i) => i.severity === "error")) {
    // The drafts are ours: validation may keep their objects rather than copy them.
    const result = validateModel(drafts.input, { adopt: true });
    if (result.ok && result.model) {
      issues.push(...placed(drafts, result.issues, new Set(issues.map((i) => `${i.file}\0${i.line}\0${i.column}`))));
      return { model: result.model, issues: sortCsvIssues(issues, CSV_FOLDER_FILES) };
    }
    // Those drafts were given away: read the files again to find and leave out what is wrong.
    ({ drafts, issues } = readFiles(checked));
  }
  return mapWithErrors(drafts, issues, strict);
}

/** Validates the drafts, again and again, leaving out what each error points at (or throwing, when strict). */
function mapWithErrors(drafts: Drafts, issues: CsvIssue[], strict: boolean): CsvImportResult {
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
