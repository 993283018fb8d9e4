import { GovGraphError, type Issue } from "../../errors.js";
import { counted } from "../../issues.js";
import { inRange, oneOf, resolveOptions } from "../../options.js";
import { invalidModel, sortIssues, validateAdoptedJson, type ValidationResult } from "../../model/validate.js";
import { OnePass } from "../../model/validate/one-pass.js";
import { COLLECTIONS, type CollectionName } from "../../schemas/model.js";
import type { ArrayListener } from "./batches.js";
import type { Model } from "../../schemas/model.js";
import { JsonByteReader } from "./byte-reader.js";
import type { JsonBytes } from "./byte-window.js";
import { duplicateKeyIssue } from "./duplicate-keys.js";
import { canBeExamined, checkArgument } from "../../guard.js";

export type { JsonBytes } from "./byte-window.js";

/** Options of {@link parseJsonBytes}, {@link parseModelJsonBytes} and {@link validateModelJsonBytes}. */
export interface ParseModelJsonBytesOptions {
  /**
   * Bytes of whole array elements decoded and parsed at a time (at least 1; at most 256 MB are used). The default,
   * 48 KB, keeps each batch's text an ordinary short-lived string in the young generation: a string of more than
   * 128 KB (64 K characters outside Latin-1) is given pages of its own, fresh memory on every batch (on the province
   * tier, batches of 128 KB or more take about 1.5 times as long as batches of 48 KB), and Node makes a decoded text
   * of more than about 1 MB an external string, each 64 MB of which asks the garbage collector for a full collection.
   */
  batchBytes?: number;
  /**
   * Which objects are checked for a key that appears twice (`duplicate_key`): `"top-level"` (the model's own keys,
   * which costs nothing) or `"all"` (every object, which scans every byte: about a fifth more time).
   */
  duplicateKeys?: "top-level" | "all";
}

/** Defaults of {@link ParseModelJsonBytesOptions}. */
export const PARSE_MODEL_JSON_BYTES_DEFAULTS = { batchBytes: 48 << 10, duplicateKeys: "top-level" } as const satisfies Required<ParseModelJsonBytesOptions>;

const RULES = { batchBytes: inRange(1, Infinity), duplicateKeys: oneOf(["top-level", "all"]) };

/**
 * Parses the UTF-8 bytes of a JSON file of any size (beyond the 512 MB a string can hold), whole or in chunks, into a
 * plain value, as `JSON.parse` of its text would (a leading byte order mark skipped), reading arrays in batches.
 * Throws `GovGraphError` `invalid_json` for a syntax error (line and column, as {@link parseJson} gives) or a
 * repeated key, `invalid_encoding` for bytes that are not UTF-8 (a UTF-16 file, a stray byte: the byte offset and
 * line). Nothing is validated.
 * @example
 * const data = parseJsonBytes(new Uint8Array(await file.arrayBuffer()));
 */
export function parseJsonBytes(bytes: JsonBytes, options: ParseModelJsonBytesOptions = {}): unknown {
  const fn = "parseJsonBytes";
  const { value, duplicates } = readJsonBytes(bytes, options, fn);
  if (duplicates.length > 0) {
    const first = `${duplicates[0]!.message}`;
    throw new GovGraphError("invalid_json", `${fn}: the JSON has ${counted(duplicates.length, "repeated key")} (all listed in issues), the first at ${first}`, { issues: duplicates });
  }
  return value;
}

/**
 * Reads a model from the UTF-8 bytes of a JSON file of any size (beyond the 512 MB a string can hold), whole or in
 * chunks, and validates it, exactly as {@link parseModelJson} does with the text: the same model, the same
 * `invalid_json` (line and column) and `invalid_model` errors; a repeated key is a `duplicate_key` issue of the
 * `invalid_model` error, and bytes that are not UTF-8 are `invalid_encoding`.
 * @example
 * const model = parseModelJsonBytes(new Uint8Array(await file.arrayBuffer()));
 */
export function parseModelJsonBytes(bytes: JsonBytes, options: ParseModelJsonBytesOptions = {}): Model {
  const fn = "parseModelJsonBytes";
  const result = validateBytes(bytes, options, fn);
  if (!result.ok || !result.model) throw invalidModel(fn, result.issues);
  return result.model;
}

/** The outcome of {@link validateModelJsonBytes}: the validation result and the JSON value it was given. */
export interface JsonBytesValidation extends ValidationResult {
  /**
   * The JSON value as read, whatever its issues (for a valid model, its objects are the model's, frozen): what a
   * caller reporting an invalid file can still count or recognise.
   */
  data: unknown;
}

/**
 * Reads a model from UTF-8 JSON bytes, whole or in chunks (an iterable that can start over, such as an array of
 * chunks, gives errors their line), and validates it: `{ ok, model, issues }` as {@link validateModel} gives, a
 * repeated key being a `duplicate_key` issue, and `data`, the value read. Throws only for bytes that are not a JSON
 * text (`invalid_json`), not UTF-8 (`invalid_encoding`) or hold a value too long for one string (`invalid_input`).
 * @example
 * const { ok, model, issues } = validateModelJsonBytes(bytes, { duplicateKeys: "all" });
 */
export function validateModelJsonBytes(bytes: JsonBytes, options: ParseModelJsonBytesOptions = {}): JsonBytesValidation {
  return validateBytes(bytes, options, "validateModelJsonBytes");
}

const COLLECTION_SET = new Set<string>(COLLECTIONS);

/** Gives a model's records to its one-pass validation as they are read, while they are in the processor's caches. */
function feeding(pass: OnePass): ArrayListener {
  return {
    elements: (key, elements) => {
      if (COLLECTION_SET.has(key)) pass.records(key as CollectionName, elements);
    },
    ended: (key) => {
      if (COLLECTION_SET.has(key)) pass.completed(key as CollectionName);
    },
  };
}

function validateBytes(bytes: JsonBytes, options: ParseModelJsonBytesOptions, fn: string): JsonBytesValidation {
  const pass = new OnePass(true, true);
  const { value, duplicates } = readJsonBytes(bytes, options, fn, feeding(pass));
  const result = validateAdoptedJson(value, pass);
  if (duplicates.length === 0) return { ...result, data: value };
  const issues = [...duplicates, ...result.issues];
  sortIssues(issues);
  return { ok: false, issues, data: value };
}

function readJsonBytes(bytes: JsonBytes, options: ParseModelJsonBytesOptions, fn: string, listener?: ArrayListener): { value: unknown; duplicates: Issue[] } {
  checkArgument(fn, "bytes", bytes, canBeExamined, "Pass new Uint8Array(await file.arrayBuffer())");
  const isIterable = typeof bytes === "object" && bytes !== null && typeof (bytes as Iterable<Uint8Array>)[Symbol.iterator] === "function" && typeof bytes !== "string";
  if (!(bytes instanceof Uint8Array) && !isIterable) {
    const got = bytes === null ? "null" : typeof bytes;
    throw new GovGraphError("invalid_json", `${fn}: expected the file's bytes as a Uint8Array (or an iterable of chunks), got ${got}. Pass new Uint8Array(await file.arrayBuffer()), or use ${fn.replace("Bytes", "")} for text.`);
  }
  const { batchBytes, duplicateKeys } = resolveOptions<Required<ParseModelJsonBytesOptions>>(PARSE_MODEL_JSON_BYTES_DEFAULTS, options, fn, RULES);
  const reader = new JsonByteReader(bytes, fn, Math.floor(batchBytes), duplicateKeys === "all", listener);
  const value = reader.document();
  const found = reader.duplicates;
  if (found.length === 0) return { value, duplicates: [] };
  const offsets = found.flatMap((d) => (d.at && d.firstAt ? [] : [d.offset, d.first]));
  const places = offsets.length > 0 ? reader.w.positions(offsets) : [];
  let k = 0;
  const duplicates = found.map((d) => (d.at && d.firstAt ? duplicateKeyIssue(d, d.at, d.firstAt) : duplicateKeyIssue(d, places[k++], places[k++])));
  return { value, duplicates };
}
