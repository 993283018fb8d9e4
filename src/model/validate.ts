import type { z } from "zod";
import { GovGraphError, toPointer, type Issue } from "../errors.js";
import { Assignment } from "../schemas/assignment.js";
import { Department } from "../schemas/department.js";
import { EvidenceType } from "../schemas/evidence.js";
import { GovFunction } from "../schemas/function.js";
import { COLLECTIONS, ModelMeta, type CollectionName, type Model } from "../schemas/model.js";
import { Need } from "../schemas/need.js";
import { Region } from "../schemas/region.js";
import { Segment } from "../schemas/segment.js";
import { ServicePoint } from "../schemas/service-point.js";
import { Service } from "../schemas/service.js";
import { TravelCost } from "../schemas/travel-cost.js";
import { canonicalize } from "./canonical.js";
import { compileChecker, FAIL, type Checker } from "./fast-parse.js";
import { checkIntegrity, dotPath, type RawCollections } from "./integrity.js";
import { deepFreeze } from "./freeze.js";
import { quote, recordLabel } from "./references.js";

/** The outcome of {@link validateModel}. */
export interface ValidationResult {
  /** True when there is no issue of severity `error`. */
  ok: boolean;
  /** The parsed model in canonical order, deep-frozen, present when `ok`. */
  model?: Model;
  /** Every problem found, errors and warnings, in document order (collections in schema order, then index). */
  issues: Issue[];
}

/** The zod schema of each collection's records. @internal */
export const RECORD_SCHEMAS = {
  regions: Region,
  segments: Segment,
  departments: Department,
  functions: GovFunction,
  assignments: Assignment,
  services: Service,
  needs: Need,
  evidence: EvidenceType,
  servicePoints: ServicePoint,
  travelCosts: TravelCost,
} as const satisfies Record<CollectionName, z.ZodType>;

const TOP_KEYS = ["schemaVersion", "meta", ...COLLECTIONS] as const;
const TOP_KEY_SET = new Set<string>(TOP_KEYS);

/**
 * Checks an untrusted value against the model schema and its integrity rules, collecting every problem in one pass:
 * schema errors (zod's codes), `duplicate_id`, `unknown_reference`, `cycle`, and the warnings
 * `journey_step_not_meeting_need` and `service_without_channel`. Never throws. The returned model is deep-frozen
 * and in canonical order (sorted by id).
 * @example
 * const { ok, model, issues } = validateModel(JSON.parse(text));
 * if (!ok) console.error(formatIssues(issues));
 */
export function validateModel(input: unknown): ValidationResult {
  return _validateModel(input, false);
}

/**
 * {@link validateModel}, where `adopt` says the input is data govgraph parsed itself (from JSON text), so its
 * objects become the model's (defaults filled, frozen in place) instead of being copied. @internal
 */
export function _validateModel(input: unknown, adopt: boolean): ValidationResult {
  try {
    return validate(input, adopt);
  } catch (error) {
    // A hostile value (a throwing getter, a revoked proxy) must still give an answer, not an exception.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      issues: [
        { code: "invalid_input", path: [], pointer: "", message: `The model could not be read: ${message}. Pass plain JSON data.`, severity: "error" },
      ],
    };
  }
}

/**
 * Returns the valid model, or throws a {@link GovGraphError} with code `invalid_model` listing every issue.
 * @example
 * const model = parseModel(JSON.parse(text));
 */
export function parseModel(input: unknown): Model {
  const result = validateModel(input);
  if (!result.ok || !result.model) throw invalidModel("parseModel", result.issues);
  return result.model;
}

/** The `invalid_model` error for a list of issues, its message quoting the first error. @internal */
export function invalidModel(fn: string, issues: Issue[]): GovGraphError {
  const errors = issues.filter((i) => i.severity === "error");
  const first = errors[0];
  return new GovGraphError(
    "invalid_model",
    `${fn}: the model has ${errors.length} error${errors.length === 1 ? "" : "s"} (all listed in issues), the first at ${first?.pointer || "/"}: ${first?.message ?? "unknown"}`,
    { issues },
  );
}

const checkers: Record<"adopt" | "copy", Partial<Record<CollectionName, Checker | undefined>>> = { adopt: {}, copy: {} };

function checkerFor(collection: CollectionName, adopt: boolean): Checker | undefined {
  const cache = checkers[adopt ? "adopt" : "copy"];
  if (!(collection in cache)) cache[collection] = compileChecker(RECORD_SCHEMAS[collection] as z.ZodType, adopt);
  return cache[collection];
}

function validate(input: unknown, adopt: boolean): ValidationResult {
  const issues: Issue[] = [];
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    const got = input === null ? "null" : Array.isArray(input) ? "an array" : article(typeof input);
    push(issues, "invalid_type", [], `The model must be a JSON object with "schemaVersion": 1 and its collections, not ${got}.`);
    return { ok: false, issues };
  }
  const root = input as Record<string, unknown>;
  for (const key of Object.keys(root)) {
    if (!TOP_KEY_SET.has(key)) {
      push(issues, "unrecognized_keys", [key], `Unknown field ${quote(key)} on the model. A model has ${TOP_KEYS.join(", ")}; put your own data in a record's "attributes".`);
    }
  }
  if (root.schemaVersion !== 1) {
    push(
      issues,
      root.schemaVersion === undefined ? "invalid_type" : "invalid_value",
      ["schemaVersion"],
      root.schemaVersion === undefined
        ? `"schemaVersion" is required. Add "schemaVersion": 1.`
        : `"schemaVersion" must be 1, not ${describe(root.schemaVersion)}. This version of govgraph reads schemaVersion 1.`,
    );
  }
  let meta: Model["meta"];
  if (root.meta !== undefined) {
    const parsed = ModelMeta.safeParse(root.meta);
    if (parsed.success) meta = parsed.data;
    else for (const zi of parsed.error.issues) issues.push(...fromZod(zi, ["meta"], "the model's meta"));
  }

  const raw = {} as RawCollections;
  const parsed = {} as Record<CollectionName, unknown[]>;
  for (const name of COLLECTIONS) {
    const value = root[name];
    raw[name] = [];
    parsed[name] = [];
    if (value === undefined) continue;
    if (!Array.isArray(value)) {
      push(issues, "invalid_type", [name], `"${name}" must be an array of records, not ${describe(value)}.`);
      continue;
    }
    raw[name] = value;
    const schema = RECORD_SCHEMAS[name] as z.ZodType;
    const fast = checkerFor(name, adopt);
    const out = parsed[name];
    for (let i = 0; i < value.length; i++) {
      const record = value[i];
      // The fast path accepts only what zod accepts; zod has the last word and writes the issues.
      const checked = fast ? fast(record) : FAIL;
      if (checked !== FAIL) {
        out.push(checked);
        continue;
      }
      const result = schema.safeParse(record);
      if (result.success) out.push(result.data);
      else for (const zi of result.error.issues) issues.push(...fromZod(zi, [name, i], recordLabel(name, record, i)));
      protoAttributes(record, result.success ? result.data : undefined, name, i, issues);
    }
  }

  checkIntegrity(raw, issues);
  sortIssues(issues);
  if (issues.some((i) => i.severity === "error")) return { ok: false, issues };

  const model = { schemaVersion: 1, ...(meta ? { meta } : {}), ...parsed } as unknown as Model;
  return { ok: true, model: deepFreeze(canonicalize(model)), issues };
}

/**
 * Parses one record of a collection with its schema; issues carry the path `[collection, index, ...]`.
 * The parsed record is deep-frozen. @internal
 */
export function _parseRecord(collection: CollectionName, record: unknown, index: number): { record?: unknown; issues: Issue[] } {
  const issues: Issue[] = [];
  const result = (RECORD_SCHEMAS[collection] as z.ZodType).safeParse(record);
  if (!result.success) for (const zi of result.error.issues) issues.push(...fromZod(zi, [collection, index], recordLabel(collection, record, index)));
  protoAttributes(record, result.success ? result.data : undefined, collection, index, issues);
  return issues.length ? { issues } : { record: deepFreeze(result.data), issues };
}

/** Parses a model's `meta`, issues under `/meta`. @internal */
export function _parseMeta(meta: unknown): { meta?: Model["meta"]; issues: Issue[] } {
  const parsed = ModelMeta.safeParse(meta);
  if (parsed.success) return { meta: deepFreeze(parsed.data), issues: [] };
  return { issues: parsed.error.issues.flatMap((zi) => fromZod(zi, ["meta"], "the model's meta")) };
}

function push(issues: Issue[], code: string, path: (string | number)[], message: string): void {
  issues.push({ code, path, pointer: toPointer(path), message, severity: "error" });
}

/** Turns one zod issue into ours: each unknown key gets its own issue with the key in the path; messages name the field. */
function fromZod(zi: z.core.$ZodIssue, prefix: (string | number)[], label: string): Issue[] {
  const inner = zi.path.map((key) => (typeof key === "symbol" ? String(key) : key));
  if (zi.code === "unrecognized_keys") {
    const where = inner.length ? ` in ${dotPath(inner)}` : "";
    return zi.keys.map((key) => {
      const path = [...prefix, ...inner, key];
      return {
        code: zi.code,
        path,
        pointer: toPointer(path),
        message: `Unknown field ${quote(key)} on ${label}${where}. Fix the field name, or put your own data in "attributes" (for example "attributes": {${quote(key)}: ...}).`,
        severity: "error",
      };
    });
  }
  const path = [...prefix, ...inner];
  const message = inner.length ? `${capitalize(label)}: "${dotPath(inner)}" ${explain(zi)}` : `${capitalize(label)} ${explain(zi)}`;
  return [{ code: zi.code, path, pointer: toPointer(path), message, severity: "error" }];
}

function explain(zi: z.core.$ZodIssue): string {
  switch (zi.code) {
    case "invalid_type": {
      const received = /received (\w+)/.exec(zi.message)?.[1];
      if (zi.expected === "int" && received === "number") return "must be a whole number.";
      const expected = zi.expected === "nonoptional" ? "a value" : article(zi.expected);
      return received === "undefined" || zi.expected === "nonoptional"
        ? `is required (${expected}).`
        : `must be ${expected}, not ${received === "NaN" || received === "Infinity" ? received : article(received ?? "something else")}.`;
    }
    case "too_small":
      if (zi.origin === "string") return "must not be empty.";
      if (zi.origin === "array" || zi.origin === "set") return `must have at least ${zi.minimum} item(s).`;
      return `must be ${zi.inclusive ? "at least" : "greater than"} ${zi.minimum}.`;
    case "too_big":
      return `must be ${zi.inclusive ? "at most" : "less than"} ${zi.maximum}.`;
    case "invalid_value":
      return `must be ${zi.values.length === 1 ? JSON.stringify(zi.values[0]) : "one of " + zi.values.map((v) => JSON.stringify(v)).join(", ")}.`;
    case "invalid_union":
      return "must be a string, a number, a boolean or null.";
    case "not_multiple_of":
      return `must be a multiple of ${zi.divisor}.`;
    default:
      return `is invalid: ${zi.message}.`;
  }
}

function article(type: string): string {
  if (type === "null" || type === "undefined") return type;
  if (type === "int") return "an integer";
  return (/^[aeiou]/.test(type) ? "an " : "a ") + type;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return article(typeof value);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const NESTED_WITH_ATTRIBUTES = ["channels", "demand", "journey"] as const;

/**
 * zod's record drops a `__proto__` key silently (assigning it would change the prototype). Attribute values are
 * primitives, so a valid one is restored as an own data property, which touches no prototype; an invalid one is
 * reported like any other attribute.
 */
function protoAttributes(raw: unknown, out: unknown, collection: CollectionName, index: number, issues: Issue[]): void {
  if (typeof raw !== "object" || raw === null) return;
  protoAttribute(raw, out, [collection, index], recordLabel(collection, raw, index), issues);
  for (const list of NESTED_WITH_ATTRIBUTES) {
    const items = (raw as Record<string, unknown>)[list];
    if (!Array.isArray(items)) continue;
    const outItems = out === undefined ? undefined : (out as Record<string, unknown[] | undefined>)[list];
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i];
      if (typeof item === "object" && item !== null) {
        protoAttribute(item, outItems?.[i], [collection, index, list, i], recordLabel(collection, raw, index), issues);
      }
    }
  }
}

function protoAttribute(raw: object, out: unknown, prefix: (string | number)[], label: string, issues: Issue[]): void {
  const attributes = (raw as { attributes?: unknown }).attributes;
  if (typeof attributes !== "object" || attributes === null || !Object.hasOwn(attributes, "__proto__")) return;
  const value: unknown = (attributes as Record<string, unknown>)["__proto__"];
  const valid = value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
  if (!valid) {
    const path = [...prefix, "attributes", "__proto__"];
    const inner = path.slice(2);
    issues.push({ code: "invalid_union", path, pointer: toPointer(path), message: `${capitalize(label)}: "${dotPath(inner)}" must be a string, a number, a boolean or null.`, severity: "error" });
    return;
  }
  if (out === undefined) return;
  Object.defineProperty((out as { attributes: object }).attributes, "__proto__", { value, enumerable: true, writable: true, configurable: true });
}

const TOP_ORDER = new Map<string, number>(TOP_KEYS.map((key, i) => [key, i]));

/** Document order: top-level key in schema order, then indexes and keys; stable within the same place. */
function sortIssues(issues: Issue[]): void {
  issues.sort((a, b) => {
    const ta = a.path.length ? (TOP_ORDER.get(String(a.path[0])) ?? TOP_KEYS.length) : -1;
    const tb = b.path.length ? (TOP_ORDER.get(String(b.path[0])) ?? TOP_KEYS.length) : -1;
    if (ta !== tb) return ta - tb;
    const n = Math.min(a.path.length, b.path.length);
    for (let k = 1; k < n; k++) {
      const x = a.path[k]!;
      const y = b.path[k]!;
      if (x === y) continue;
      if (typeof x === "number" && typeof y === "number") return x - y;
      if (typeof x === "number") return -1;
      if (typeof y === "number") return 1;
      return 0; // keys within one record keep the order they were found in (schema order)
    }
    return a.path.length - b.path.length;
  });
}
