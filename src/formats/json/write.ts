import { canonicalize } from "../../model/records.js";
import { COLLECTIONS, type Model } from "../../schemas/model.js";
import { inRange, integerIn, resolveOptions } from "../../options.js";
import { arrange, getLayouts } from "./layout.js";
import { requireModel } from "../../model/require-model.js";
import { checkArgument, isFunction } from "../../guard.js";

const BATCH = 512;
// JSON.stringify indents by 10 spaces at most.
const INDENT = integerIn(0, 10);

/** Options of {@link stringifyModel}. */
export interface StringifyOptions {
  /** Spaces per level (0 to 10); 0 writes one line. */
  indent?: number;
}

/** Defaults of {@link StringifyOptions}. */
export const STRINGIFY_DEFAULTS = { indent: 2 } as const satisfies Required<StringifyOptions>;

/** Options of {@link writeModelStream}. */
export interface WriteModelStreamOptions {
  /** Spaces per level (0 to 10), as `stringifyModel`'s `indent`; 0 writes one line. */
  indent?: number;
  /** Characters gathered before each call of `write`; the last chunk may be shorter. */
  chunkSize?: number;
}

/** Defaults of {@link writeModelStream}. */
export const WRITE_MODEL_STREAM_DEFAULTS = { indent: 2, chunkSize: 1 << 20 } as const satisfies Required<WriteModelStreamOptions>;

/**
 * Writes a model as JSON with a fixed key order (each entity's fields in schema order, `attributes` keys sorted)
 * and records in canonical order, so the same model always gives the same bytes;
 * `parseModelJson(stringifyModel(model))` deep-equals the model.
 * @example
 * const text = stringifyModel(model, { indent: 0 });
 */
export function stringifyModel(model: Model, options: StringifyOptions = {}): string {
  model = requireModel("stringifyModel", model);
  const { indent } = resolveOptions<Required<StringifyOptions>>(STRINGIFY_DEFAULTS, options, "stringifyModel", { indent: INDENT });
  let text = "";
  for (const chunk of chunks(model, indent, Infinity)) text += chunk;
  return text;
}

/**
 * Writes a model as JSON through a callback, one record at a time, never holding the whole text. The bytes are
 * exactly those of `stringifyModel(model, { indent })`: records in canonical order, each entity's fields in schema
 * order, `attributes` keys sorted, no final newline. Chunks arrive in order; join them to get the file.
 * @example
 * import { openSync, writeSync, closeSync } from "node:fs";
 * const fd = openSync("nation.json", "w");
 * writeModelStream(generateModel({ size: "nation", seed: 1 }).model, (chunk) => writeSync(fd, chunk));
 * closeSync(fd);
 */
export function writeModelStream(model: Model, write: (chunk: string) => void, options: WriteModelStreamOptions = {}): void {
  model = requireModel("writeModelStream", model);
  checkArgument("writeModelStream", "write", write, isFunction, "Pass a function that takes each chunk of text");
  for (const chunk of chunks(model, ...streamOptions(options, "writeModelStream"))) write(chunk);
}

/**
 * The chunks {@link writeModelStream} writes, as a lazy iterable: the next chunk is made only when asked for, so
 * a consumer can wait for a stream to drain between chunks.
 * @example
 * for (const chunk of modelJsonChunks(model)) if (!out.write(chunk)) await once(out, "drain");
 */
export function modelJsonChunks(model: Model, options: WriteModelStreamOptions = {}): Generator<string, void, undefined> {
  model = requireModel("modelJsonChunks", model);
  return chunks(model, ...streamOptions(options, "modelJsonChunks"));
}

function streamOptions(options: WriteModelStreamOptions, fn: string): [indent: number, chunkSize: number] {
  const o = resolveOptions<Required<WriteModelStreamOptions>>(WRITE_MODEL_STREAM_DEFAULTS, options, fn, { indent: INDENT, chunkSize: inRange(1, Infinity) });
  return [o.indent, o.chunkSize];
}

function* chunks(model: Model, indent: number, chunkSize: number): Generator<string, void, undefined> {
  const space = indent > 0 ? indent : undefined;
  const nl1 = space ? `\n${" ".repeat(indent)}` : "";
  const colon = space ? ": " : ":";
  const nest = (json: string, pad: string) => (space && json.includes("\n") ? json.replaceAll("\n", pad) : json);
  const { records, meta } = getLayouts();
  const canonical = canonicalize(model);
  let buffer = `{${nl1}"schemaVersion"${colon}${JSON.stringify(canonical.schemaVersion)}`;
  if (canonical.meta !== undefined) buffer += `,${nl1}"meta"${colon}${nest(JSON.stringify(arrange(canonical.meta, meta), null, space), nl1)}`;
  for (const c of COLLECTIONS) {
    const list = (canonical[c] ?? []) as readonly unknown[];
    buffer += `,${nl1}${JSON.stringify(c)}${colon}`;
    if (list.length === 0) {
      buffer += "[]";
      continue;
    }
    const layout = records[c];
    buffer += "[";
    // A batch of records stringified inside a two-level wrapper comes out with the exact indentation of the
    // whole document: one native call per batch, no re-indenting.
    const batch = Math.max(1, Math.min(BATCH, list.length));
    for (let start = 0; start < list.length; start += batch) {
      const arranged = list.slice(start, start + batch).map((record) => arrange(record, layout));
      const json = JSON.stringify({ x: arranged }, null, space);
      const open = json.indexOf("[");
      const close = json.lastIndexOf("]");
      buffer += (start === 0 ? "" : ",") + json.slice(open + 1, space ? json.lastIndexOf("\n", close) : close);
      if (buffer.length >= chunkSize) {
        yield buffer;
        buffer = "";
      }
    }
    buffer += `${nl1}]`;
  }
  buffer += space ? "\n}" : "}";
  yield buffer;
}
