import { GovGraphError, type Issue } from "../errors.js";
import { invalidModel, validateModel } from "../model/validate.js";
import type { Model } from "../schemas/model.js";
import { modelJsonChunks } from "./json-stream.js";

/** Options of {@link stringifyModel}. */
export interface StringifyOptions {
  /** Spaces per level; 0 writes one line. */
  indent?: number;
}

/** Defaults of {@link StringifyOptions}. */
export const STRINGIFY_DEFAULTS = { indent: 2 } as const satisfies Required<StringifyOptions>;

/** An `invalid_json` issue: where in the text the JSON breaks (1-based line and column, UTF-16 code units). */
export interface JsonIssue extends Issue {
  line: number;
  column: number;
}

/**
 * Reads a model from JSON text and validates it. Throws `GovGraphError` `invalid_json` (with the line and column)
 * when the text is not JSON, and `invalid_model` (listing every issue) when the model is not valid.
 * @example
 * const model = parseModelJson(await (await fetch("model.json")).text());
 */
export function parseModelJson(text: string): Model {
  const fn = "parseModelJson";
  if (typeof text !== "string") {
    throw new GovGraphError("invalid_json", `${fn}: expected JSON text, got ${text === null ? "null" : typeof text}. Pass the file's contents as a string.`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte order mark is not JSON, but editors write it
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw jsonError(fn, text, body, error);
  }
  const result = validateModel(data, { adopt: true }); // the parsed objects are ours: adopted, not copied
  if (!result.ok || !result.model) throw invalidModel(fn, result.issues);
  return result.model;
}

function jsonError(fn: string, text: string, body: string, error: unknown): GovGraphError {
  const native = error instanceof Error ? error.message : String(error);
  const found = locateJsonError(body) ?? fromNativeMessage(body, native);
  const { line, column } = lineAndColumn(text, found.index + text.length - body.length);
  return _invalidJson(fn, line, column, found.reason, _jsonExcerpt(body, found.index), error);
}

/** The `invalid_json` error at a line and column, `near` being {@link _jsonExcerpt}'s text. @internal */
export function _invalidJson(fn: string, line: number, column: number, reason: string, near: string, cause: unknown): GovGraphError {
  const message = `${fn}: the text is not valid JSON at line ${line}, column ${column}: ${reason}${near}. Fix the JSON and try again.`;
  const issue: JsonIssue = { code: "invalid_json", path: [], pointer: "", message: `line ${line}, column ${column}: ${reason}`, severity: "error", line, column };
  return new GovGraphError("invalid_json", message, { issues: [issue], cause });
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

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/** ` (near "...")`: the text around an error index, or nothing at the end of the text. @internal */
export function _jsonExcerpt(text: string, index: number): string {
  if (index >= text.length || text.trim() === "") return "";
  const start = Math.max(0, index - 20);
  const snippet = text.slice(start, index + 20).replace(/\s+/g, " ");
  return ` (near ${JSON.stringify(snippet)})`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);

/**
 * Finds the first syntax error of a JSON text, with a reason a person understands (a trailing comma, an unclosed
 * bracket). Iterative, so deep nesting cannot overflow the stack. Returns undefined for valid JSON. @internal
 */
export function locateJsonError(text: string): { index: number; reason: string } | undefined {
  const n = text.length;
  const stack: string[] = [];
  let expect: "value" | "valueOrEnd" | "afterComma" | "key" | "keyOrEnd" | "after" = "value";
  let i = 0;
  const fail = (reason: string, at = i) => ({ index: at, reason });
  for (;;) {
    while (i < n && WHITESPACE.has(text[i]!)) i++;
    if (i >= n) {
      if (expect === "after" && stack.length === 0) return undefined;
      if (n === 0 || text.trim() === "") return fail("the text is empty", 0);
      return fail(stack.length ? `unexpected end of the text, ${stack.length} bracket(s) still open` : "unexpected end of the text");
    }
    const ch = text[i]!;
    if (expect === "after") {
      const top = stack[stack.length - 1];
      if (top === undefined) return fail(`unexpected ${JSON.stringify(ch)} after the end of the JSON value`);
      if (ch === ",") {
        i++;
        expect = top === "{" ? "key" : "afterComma";
      } else if ((top === "{" && ch === "}") || (top === "[" && ch === "]")) {
        stack.pop();
        i++;
      } else return fail(`expected "," or "${top === "{" ? "}" : "]"}" but found ${JSON.stringify(ch)}`);
      continue;
    }
    if (expect === "key" || expect === "keyOrEnd") {
      if (ch === "}") {
        if (expect === "key") return fail('a trailing comma before "}"');
        stack.pop();
        i++;
        expect = "after";
        continue;
      }
      if (ch !== '"') return fail(`expected a double-quoted property name but found ${JSON.stringify(ch)}`);
      const end = scanString(text, i);
      if (typeof end !== "number") return end;
      i = end;
      while (i < n && WHITESPACE.has(text[i]!)) i++;
      if (text[i] !== ":") return fail(i >= n ? "unexpected end of the text after a property name" : `expected ":" after a property name but found ${JSON.stringify(text[i])}`);
      i++;
      expect = "value";
      continue;
    }
    if (ch === "]" && expect === "valueOrEnd") {
      stack.pop();
      i++;
      expect = "after";
      continue;
    }
    if (ch === "]" && expect === "afterComma") return fail('a trailing comma before "]"');
    if (ch === "{" || ch === "[") {
      stack.push(ch);
      i++;
      expect = ch === "{" ? "keyOrEnd" : "valueOrEnd";
      continue;
    }
    expect = "after";
    if (ch === '"') {
      const end = scanString(text, i);
      if (typeof end !== "number") return end;
      i = end;
    } else if (ch === "-" || (ch >= "0" && ch <= "9")) {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) return fail(`a malformed number`);
      i = NUMBER.lastIndex;
    } else if (text.startsWith("true", i)) i += 4;
    else if (text.startsWith("false", i)) i += 5;
    else if (text.startsWith("null", i)) i += 4;
    else {
      const word = /[A-Za-z_$][\w$]*/y;
      word.lastIndex = i;
      const found = word.exec(text)?.[0];
      return found
        ? fail(`unexpected ${JSON.stringify(found.slice(0, 20))} where a value should be (text needs double quotes; true, false and null are lower case; NaN and Infinity are not JSON)`)
        : fail(`unexpected ${JSON.stringify(ch)} where a value should be`);
    }
  }
}

function scanString(text: string, start: number): number | { index: number; reason: string } {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { index: i, reason: c === 0x0a ? "a line break inside a string (write \\n)" : "a control character inside a string" };
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { index: i, reason: "a malformed \\u escape" };
        i += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
      else return { index: i, reason: `an invalid escape "\\${e ?? ""}"` };
    }
  }
  return { index: text.length, reason: "the text ends inside a string" };
}

/**
 * Writes a model as JSON with a fixed key order (each entity's fields in schema order, `attributes` keys sorted)
 * and records in canonical order, so the same model always gives the same bytes;
 * `parseModelJson(stringifyModel(model))` deep-equals the model.
 * @example
 * const text = stringifyModel(model, { indent: 0 });
 */
export function stringifyModel(model: Model, options: StringifyOptions = {}): string {
  const { indent } = { ...STRINGIFY_DEFAULTS, ...options };
  let text = "";
  for (const chunk of modelJsonChunks(model, { indent, chunkSize: Infinity })) text += chunk;
  return text;
}
