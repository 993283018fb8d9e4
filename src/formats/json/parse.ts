import { GovGraphError } from "../../errors.js";
import { invalidModel, validateAdoptedJson } from "../../model/validate.js";
import { OnePass } from "../../model/validate/one-pass.js";
import type { Model } from "../../schemas/model.js";
import { invalidJsonError, jsonExcerpt, lineAndColumn, locateJsonError } from "./json-error.js";

/**
 * Parses JSON text into a plain value, as `JSON.parse` does (a leading byte order mark skipped), but a syntax error
 * is a `GovGraphError` `invalid_json` saying where (its issue carries the `line` and `column`) and why (a trailing
 * comma, an unclosed bracket). Nothing is validated: use it for JSON that is not a model, such as scenario operations.
 * @example
 * const operations = parseJson(await (await fetch("operations.json")).text());
 */
export function parseJson(text: string): unknown {
  return readJson(text, "parseJson");
}

/**
 * Reads a model from JSON text and validates it. Throws `GovGraphError` `invalid_json` (with the line and column)
 * when the text is not JSON, and `invalid_model` (listing every issue) when the model is not valid.
 * @example
 * const model = parseModelJson(await (await fetch("model.json")).text());
 */
export function parseModelJson(text: string): Model {
  return modelOfParsedJson(readJson(text, "parseModelJson"), "parseModelJson");
}

/**
 * Validates a value govgraph parsed from JSON itself: its objects become the model's, not copied, and each id its
 * references name is held once (see `OnePass`). @internal
 */
export function modelOfParsedJson(data: unknown, fn: string): Model {
  const result = validateAdoptedJson(data, new OnePass(true, true));
  if (!result.ok || !result.model) throw invalidModel(fn, result.issues);
  return result.model;
}

/** JSON text to a plain value; a syntax error is `invalid_json` naming `fn`, the line and the column. @internal */
export function readJson(text: string, fn: string): unknown {
  if (typeof text !== "string") {
    throw new GovGraphError("invalid_json", `${fn}: expected JSON text, got ${text === null ? "null" : typeof text}. Pass the file's contents as a string.`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte order mark is not JSON, but editors write it
  try {
    return JSON.parse(body);
  } catch (error) {
    throw jsonError(fn, text, body, error);
  }
}

function jsonError(fn: string, text: string, body: string, error: unknown): GovGraphError {
  const native = error instanceof Error ? error.message : String(error);
  const found = locateJsonError(body) ?? fromNativeMessage(body, native);
  const { line, column } = lineAndColumn(text, found.index + text.length - body.length);
  return invalidJsonError(fn, line, column, found.reason, jsonExcerpt(body, found.index), error);
}

function fromNativeMessage(text: string, message: string): { index: number; reason: string } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    const lines = text.split("\n").slice(0, Number(lc[1]) - 1);
    return { index: lines.reduce((n, l) => n + l.length + 1, 0) + Number(lc[2]) - 1, reason: message };
  }
  const at = /position (\d+)/.exec(message);
  return { index: at ? Number(at[1]) : text.length, reason: message };
}

