import type { z } from "zod";
import { compareIds } from "../../model/records.js";
import { RECORD_SCHEMAS } from "../../model/validate/parse-records.js";
import { COLLECTIONS, ModelMeta } from "../../schemas/model.js";

/** Where each key goes when a value is written: object fields in schema order, user records sorted. @internal */
export type Layout =
  | { kind: "object"; keys: readonly (readonly [string, Layout | undefined])[] }
  | { kind: "array"; element: Layout | undefined }
  | { kind: "record" };

/** Key order from a zod schema: object fields in schema order, user records (`attributes`) sorted. */
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

/** The layouts of each collection's records and of `meta`, built once from the zod schemas. @internal */
export const getLayouts = () =>
  (layouts ??= {
    records: Object.fromEntries(COLLECTIONS.map((c) => [c, layoutOf(RECORD_SCHEMAS[c] as z.ZodType)])),
    meta: layoutOf(ModelMeta),
  });

/** A copy of `value` with its keys in the order of `layout` (undefined fields dropped). @internal */
export function arrange(value: unknown, layout: Layout | undefined): unknown {
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
