import { GovGraphError } from "../../errors.js";
import { inRange, resolveOptions } from "../../options.js";
import type { Model } from "../../schemas/model.js";
import { JsonByteReader } from "./byte-reader.js";
import { modelOfParsedJson } from "./parse.js";
import { canBeExamined, checkArgument } from "../../guard.js";

/** Options of {@link parseJsonBytes} and {@link parseModelJsonBytes}. */
export interface ParseModelJsonBytesOptions {
  /** Bytes of whole array elements decoded and parsed at a time (at least 1). */
  batchBytes?: number;
}

/** Defaults of {@link ParseModelJsonBytesOptions}. */
export const PARSE_MODEL_JSON_BYTES_DEFAULTS = { batchBytes: 16 << 20 } as const satisfies Required<ParseModelJsonBytesOptions>;

/**
 * Parses the UTF-8 bytes of a JSON file of any size (beyond the 512 MB a string can hold) into a plain value, as
 * `JSON.parse` of its text would (a leading byte order mark skipped), reading arrays in batches; a syntax error is a
 * `GovGraphError` `invalid_json` with the line and column, as {@link parseJson} gives. Nothing is validated.
 * @example
 * const data = parseJsonBytes(new Uint8Array(await file.arrayBuffer()));
 */
export function parseJsonBytes(bytes: Uint8Array, options: ParseModelJsonBytesOptions = {}): unknown {
  checkArgument("parseJsonBytes", "bytes", bytes, canBeExamined, "Pass new Uint8Array(await file.arrayBuffer())");
  return readJsonBytes(bytes, options, "parseJsonBytes");
}

/**
 * Reads a model from the UTF-8 bytes of a JSON file of any size (beyond the 512 MB a string can hold) and validates
 * it, exactly as {@link parseModelJson} does with the text: the same model, the same `invalid_json` (line and
 * column) and `invalid_model` errors.
 * @example
 * const model = parseModelJsonBytes(new Uint8Array(await file.arrayBuffer()));
 */
export function parseModelJsonBytes(bytes: Uint8Array, options: ParseModelJsonBytesOptions = {}): Model {
  const fn = "parseModelJsonBytes";
  checkArgument(fn, "bytes", bytes, canBeExamined, "Pass new Uint8Array(await file.arrayBuffer())");
  return modelOfParsedJson(readJsonBytes(bytes, options, fn), fn);
}

function readJsonBytes(bytes: Uint8Array, options: ParseModelJsonBytesOptions, fn: string): unknown {
  if (!(bytes instanceof Uint8Array)) {
    const got = bytes === null ? "null" : typeof bytes;
    throw new GovGraphError("invalid_json", `${fn}: expected the file's bytes as a Uint8Array, got ${got}. Pass new Uint8Array(await file.arrayBuffer()), or use ${fn.replace("Bytes", "")} for text.`);
  }
  const { batchBytes } = resolveOptions<Required<ParseModelJsonBytesOptions>>(PARSE_MODEL_JSON_BYTES_DEFAULTS, options, fn, { batchBytes: inRange(1, Infinity) });
  return new JsonByteReader(bytes, fn, Math.floor(batchBytes)).document();
}
