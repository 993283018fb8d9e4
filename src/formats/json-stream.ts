import type { z } from "zod";
import { canonicalize, compareIds } from "../model/records.js";
import { RECORD_SCHEMAS } from "../model/validate/parse-records.js";
import { COLLECTIONS, ModelMeta, type Model } from "../schemas/model.js";

const BATCH = 512;

/** Options of {@link writeModelStream}. */
export interface WriteModelStreamOptions {
  /** Spaces per level, as `stringifyModel`'s `indent`; 0 writes one line. */
  indent?: number;
  /** Characters gathered before each call of `write`; the last chunk may be shorter. */
  chunkSize?: number;
}

/** Defaults of {@link writeModelStream}. */
export const WRITE_MODEL_STREAM_DEFAULTS = { indent: 2, chunkSize: 1 << 20 } as const satisfies Required<WriteModelStreamOptions>;

type Layout =
  | { kind: "object"; keys: readonly (readonly [string, Layout | undefined])[] }
  | { kind: "array"; element: Layout | undefined }
  | { kind: "record" };

/** Key order from a zod schema: object fields in schema order, user records (`attributes`) sorted. @internal */
function layoutOf(schema: z.ZodType): Layout | undefined {
  const def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; in?: z.ZodType } } })._zod.def;
  switch (def.type) {
    case "optional":
    case "default":
    case "nullable":
    case "readonly":
    case "prefault":
      return layoutOf(def.innerType!);
    case "pipe":
      return layoutOf(def.in!);
    case "array":
      return { kind: "array", element: layoutOf(def.element!) };
    case "record":
      return { kind: "record" };
    case "object":
      return { kind: "object", keys: Object.entries(def.shape!).map(([key, value]) => [key, layoutOf(value)] as const) };
    default:
      return undefined;
  }
}

let layouts: { records: Record<string, Layout | undefined>; meta: Layout | undefined } | undefined;
const getLayouts = () =>
  (layouts ??= {
    records: Object.fromEntries(COLLECTIONS.map((c) => [c, layoutOf(RECORD_SCHEMAS[c] as z.ZodType)])),
    meta: layoutOf(ModelMeta),
  });

function arrange(value: unknown, layout: Layout | undefined): unknown {
  if (layout === undefined || typeof value !== "object" || value === null) return value;
  if (layout.kind === "array") {
    if (!Array.isArray(value) || layout.element === undefined) return value;
    return value.map((item) => arrange(item, layout.element));
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (layout.kind === "record") {
    for (const key of Object.keys(source).sort(compareIds)) {
      if (key === "__proto__") Object.defineProperty(out, key, { value: source[key], enumerable: true, writable: true, configurable: true });
      else out[key] = source[key];
    }
    return out;
  }
  for (const [key, inner] of layout.keys) {
    const item = source[key];
    if (item !== undefined && Object.hasOwn(source, key)) out[key] = arrange(item, inner);
  }
  return out;
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
  for (const chunk of modelJsonChunks(model, options)) write(chunk);
}

/**
 * The chunks {@link writeModelStream} writes, as a lazy iterable: the next chunk is made only when asked for, so
 * a consumer can wait for a stream to drain between chunks.
 * @example
 * for (const chunk of modelJsonChunks(model)) if (!out.write(chunk)) await once(out, "drain");
 */
export function* modelJsonChunks(model: Model, options: WriteModelStreamOptions = {}): Generator<string, void, undefined> {
  const { indent, chunkSize } = { ...WRITE_MODEL_STREAM_DEFAULTS, ...options };
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
