/**
 * Fast path of record validation
 * ==============================
 * A checker compiled once from each zod record schema (walking its definition: strict objects, strings with a
 * minimum length, finite numbers with bounds and integer checks, booleans, null, enums, literals, arrays, records,
 * unions, optional and default), which accepts only values zod accepts and returns the same output, frozen.
 * Anything it does not accept, or any schema feature it does not know, goes to zod, which reports the issues: the
 * checker never decides that a record is invalid. In "adopt" mode (JSON text we parsed ourselves) it fills
 * defaults and freezes the parsed objects in place instead of copying them, which is what keeps `parseModelJson`
 * within 2.5x of `JSON.parse` on the province tier.
 * @internal
 */
import type { z } from "zod";
import { deepFreeze } from "./freeze.js";

/** Returned by a checker for any value it does not accept. @internal */
export const FAIL: unique symbol = Symbol("fail");

/** Checks one value; returns the output (frozen) or {@link FAIL}. @internal */
export type Checker = (value: unknown) => unknown;

type Def = {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  defaultValue?: unknown;
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

class Unsupported extends Error {}

/** Compiles a checker for a record schema, or undefined when the schema uses something the fast path does not know. @internal */
export function compileChecker(schema: z.ZodType, adopt: boolean): Checker | undefined {
  try {
    return compile(schema, adopt);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An object whose keys are all its own and which inherits nothing a key could read (as JSON.parse makes them). */
function hasPlainPrototype(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function compile(schema: z.ZodType, adopt: boolean): Checker {
  const def = defOf(schema);
  switch (def.type) {
    case "string":
      return compileString(def);
    case "number":
      return compileNumber(def);
    case "boolean":
      noChecks(def);
      return (v) => (typeof v === "boolean" ? v : FAIL);
    case "null":
      return (v) => (v === null ? v : FAIL);
    case "enum":
      return oneOf(new Set(Object.values(def.entries ?? {})));
    case "literal":
      return oneOf(new Set(def.values ?? []));
    case "union":
      return compileUnion(def, adopt);
    case "array":
      return compileArray(def, adopt);
    case "record":
      return compileRecord(def, adopt);
    case "object":
      return compileObject(def, adopt);
    default:
      throw new Unsupported();
  }
}

function oneOf(allowed: Set<unknown>): Checker {
  return (v) => (allowed.has(v) ? v : FAIL);
}

function minLength(def: Def): number {
  let min = 0;
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === "min_length" && typeof c.minimum === "number") min = Math.max(min, c.minimum);
    else throw new Unsupported();
  }
  return min;
}

function compileString(def: Def): Checker {
  const min = minLength(def);
  return (v) => (typeof v === "string" && v.length >= min ? v : FAIL);
}

/** The minimum length of a string schema, checked inline by its callers; -1 for any other schema. */
function stringMin(schema: z.ZodType): number {
  const def = defOf(schema);
  return def.type === "string" ? minLength(def) : -1;
}

/**
 * A number's checks folded into one lower and one upper bound (the stricter of each kind) and whether it must be a
 * safe integer, compared inline: no call per bound on each of a large model's numbers.
 */
function compileNumber(def: Def): Checker {
  let lo = -Infinity;
  let loStrict = false;
  let hi = Infinity;
  let hiStrict = false;
  // z.int() and its kin carry their format on the schema itself, not among its checks.
  const own = def as Def & { check?: unknown; format?: unknown };
  if (own.check !== undefined && !(own.check === "number_format" && own.format === "safeint")) throw new Unsupported();
  let integer = own.check !== undefined;
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if ((c.check === "greater_than" || c.check === "less_than") && Number.isNaN(c.value)) throw new Unsupported(); // zod then refuses every number
    if (c.check === "greater_than" && typeof c.value === "number") {
      if (c.value > lo || (c.value === lo && !c.inclusive)) [lo, loStrict] = [c.value, !c.inclusive];
    } else if (c.check === "less_than" && typeof c.value === "number") {
      if (c.value < hi || (c.value === hi && !c.inclusive)) [hi, hiStrict] = [c.value, !c.inclusive];
    } else if (c.check === "number_format" && c.format === "safeint") integer = true;
    else throw new Unsupported();
  }
  return (v) =>
    typeof v === "number" && Number.isFinite(v) && (loStrict ? v > lo : v >= lo) && (hiStrict ? v < hi : v <= hi) && (!integer || Number.isSafeInteger(v)) ? v : FAIL;
}

function compileUnion(def: Def, adopt: boolean): Checker {
  const options = (def.options ?? []).map((o) => compile(o, adopt));
  return (v) => {
    for (const option of options) {
      const out = option(v);
      if (out !== FAIL) return out;
    }
    return FAIL;
  };
}

function compileArray(def: Def, adopt: boolean): Checker {
  noChecks(def);
  const element = compile(def.element!, adopt);
  const min = stringMin(def.element!);
  if (adopt && min >= 0) {
    return (v) => {
      if (!Array.isArray(v)) return FAIL;
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (typeof item !== "string" || item.length < min) return FAIL;
      }
      return Object.freeze(v);
    };
  }
  return (v) => {
    if (!Array.isArray(v)) return FAIL;
    const out = adopt ? v : new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const item = element(v[i]);
      if (item === FAIL) return FAIL;
      if (!adopt) out[i] = item;
    }
    return Object.freeze(out);
  };
}

function compileRecord(def: Def, adopt: boolean): Checker {
  const key = defOf(def.keyType!);
  if (key.type !== "string" || key.checks?.length) throw new Unsupported();
  const value = compile(def.valueType!, adopt);
  return (v) => {
    if (!isPlainObject(v)) return FAIL;
    const out: Record<string, unknown> = adopt ? v : {};
    for (const k in v) {
      if (!Object.hasOwn(v, k)) return FAIL;
      const item = value(v[k]);
      if (item === FAIL) return FAIL;
      if (!adopt) Object.defineProperty(out, k, { value: item, enumerable: true, writable: true, configurable: true });
    }
    return Object.freeze(out);
  };
}

function noChecks(def: Def): void {
  if (def.checks?.length) throw new Unsupported();
}

interface Field {
  key: string;
  mode: "required" | "optional" | "default";
  check: Checker;
  schema: z.ZodType;
  /** The schema without optional or default. */
  inner: z.ZodType;
}

function compileObject(def: Def, adopt: boolean): Checker {
  // Only strict objects: a stripping object would drop unknown keys, which the fast path does not do.
  if (!def.catchall || defOf(def.catchall).type !== "never") throw new Unsupported();
  const fields: Field[] = Object.entries(def.shape ?? {}).map(([key, schema]) => {
    const d = defOf(schema);
    if (d.type === "optional") return { key, mode: "optional", check: compile(d.innerType!, adopt), schema, inner: d.innerType! };
    if (d.type === "default") return { key, mode: "default", check: compile(d.innerType!, adopt), schema, inner: d.innerType! };
    return { key, mode: "required", check: compile(schema, adopt), schema, inner: schema };
  });
  if (fields.some((f) => f.key === "__proto__")) throw new Unsupported();
  return adopt ? adoptingObject(fields) : copyingObject(fields);
}

/**
 * Checks an object's own keys and fills defaults in place; the object itself is the output. Records of one
 * collection mostly have the same keys in the same order: the keys of the last object are remembered with their
 * fields, so a key is found by comparing it with the one at its place before (the keys of for...in are unique
 * strings, compared by address), and looked up only when it differs. String fields are checked inline.
 */
function adoptingObject(fields: readonly Field[]): Checker {
  if (fields.length > 30) throw new Unsupported(); // the fields seen are bits of one number
  const index = new Map(fields.map((f, i) => [f.key, i]));
  const checks = fields.map((f) => f.check);
  const mins = fields.map((f) => stringMin(f.inner));
  let required = 0;
  for (let i = 0; i < fields.length; i++) if (fields[i]!.mode === "required") required |= 1 << i;
  // A default is frozen, so every record lacking the field can share it.
  const defaults = fields.flatMap((f, i) => (f.mode === "default" ? [{ bit: 1 << i, key: f.key, value: deepFreeze(defOf(f.schema).defaultValue) }] : []));
  const lastKeys: string[] = [];
  const lastFields: number[] = [];
  return (v) => {
    if (!isPlainObject(v) || !hasPlainPrototype(v)) return FAIL;
    let seen = 0;
    let at = 0;
    for (const k in v) {
      let i: number;
      if (lastKeys[at] === k) i = lastFields[at]!;
      else {
        const found = index.get(k);
        if (found === undefined) return FAIL;
        lastKeys[at] = k;
        lastFields[at] = i = found;
      }
      at++;
      const item = v[k];
      if (item === undefined) continue; // as if absent
      const min = mins[i]!;
      if (min >= 0) {
        if (typeof item !== "string" || item.length < min) return FAIL;
      } else if (checks[i]!(item) === FAIL) return FAIL;
      seen |= 1 << i;
    }
    if ((seen & required) !== required) return FAIL;
    for (let d = 0; d < defaults.length; d++) {
      if ((seen & defaults[d]!.bit) !== 0) continue;
      if (Object.isFrozen(v)) return FAIL; // given frozen: zod makes the copy with the default
      v[defaults[d]!.key] = defaults[d]!.value;
    }
    return Object.freeze(v);
  };
}

/** Checks each field of the schema and builds a new object in schema order. */
function copyingObject(fields: readonly Field[]): Checker {
  const known = new Set(fields.map((f) => f.key));
  return (v) => {
    if (!isPlainObject(v)) return FAIL;
    for (const k in v) if (!known.has(k)) return FAIL;
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const item = v[field.key];
      if (item === undefined) {
        if (field.mode === "required") return FAIL;
        if (field.mode === "default") out[field.key] = Object.freeze(defOf(field.schema).defaultValue);
        else if (field.key in v) out[field.key] = undefined;
        continue;
      }
      const checked = field.check(item);
      if (checked === FAIL) return FAIL;
      out[field.key] = checked;
    }
    return Object.freeze(out);
  };
}
