/**
 * Validation
 * ==========
 * `validateModel` checks an untrusted value against the schemas and the integrity rules in one pass, collecting
 * every problem; see docs/validation.md for the codes and messages.
 */
import { GovGraphError, type Issue } from "../errors.js";
import { article, clause, counted, describeValue, issue, quote } from "../issues.js";
import { resolveOptions } from "../options.js";
import { COLLECTIONS, type CollectionName, type Model } from "../schemas/model.js";
import { checkIntegrity, type RawCollections } from "./integrity.js";
import { canonicalize } from "./records.js";
import { markValidated } from "./validated.js";
import { OnePass } from "./validate/one-pass.js";
import { parseCollection, parseMeta } from "./validate/parse-records.js";

/** The outcome of {@link validateModel}. */
export interface ValidationResult {
  /** True when there is no issue of severity `error`. */
  ok: boolean;
  /** The parsed model in canonical order, deep-frozen, present when `ok`. */
  model?: Model;
  /** Every problem found, errors and warnings, in document order (collections in schema order, then index). */
  issues: Issue[];
}

/** Options of {@link validateModel}. */
export interface ValidateOptions {
  /**
   * The input was parsed by the caller from JSON text and is theirs to give away: govgraph fills defaults and
   * freezes its objects in place instead of copying them (faster, less memory). The caller must not use the input
   * afterwards, whatever the outcome.
   */
  adopt?: boolean;
}

/** Defaults of {@link ValidateOptions}. */
export const VALIDATE_DEFAULTS = { adopt: false } as const satisfies Required<ValidateOptions>;

/**
 * Checks an untrusted value against the model schema and its integrity rules, collecting every problem in one pass:
 * schema errors (zod's codes), `duplicate_id`, `unknown_reference`, `cycle`, and the warnings
 * `journey_step_not_meeting_need` and `service_without_channel`. Never throws for a bad model (only for bad
 * options). The returned model is deep-frozen and in canonical order (sorted by id).
 * @example
 * const { ok, model, issues } = validateModel(JSON.parse(text));
 * if (!ok) console.error(formatIssues(issues));
 * @example
 * // The parsed JSON is not used again: let govgraph keep its objects instead of copying them.
 * const { model } = validateModel(JSON.parse(text), { adopt: true });
 */
export function validateModel(input: unknown, options?: ValidateOptions): ValidationResult {
  const { adopt } = resolveOptions(VALIDATE_DEFAULTS, options, "validateModel");
  return validateGuarded(input, new OnePass(adopt), adopt);
}

/**
 * {@link validateModel} of JSON data govgraph parsed itself (so adopted), with the `OnePass` that checks its records:
 * one given them as they were read, or a new one. @internal
 */
export function validateAdoptedJson(input: unknown, pass: OnePass): ValidationResult {
  return validateGuarded(input, pass, true);
}

function validateGuarded(input: unknown, pass: OnePass, adopt: boolean): ValidationResult {
  try {
    return validate(input, pass, adopt);
  } catch (error) {
    // A hostile value (a throwing getter, a revoked proxy) must still give an answer, not an exception.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [issue("invalid_input", [], `The model could not be read: ${message}. Pass plain JSON data.`)] };
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

/**
 * The `invalid_model` error for a list of issues, its message quoting the first error; `argument` names the
 * argument that holds the model when it is not `model` (`compareModels`'s `after`). @internal
 */
export function invalidModel(fn: string, issues: Issue[], argument = "model"): GovGraphError {
  const errors = issues.filter((i) => i.severity === "error");
  const first = errors[0];
  const what = argument === "model" ? "the model" : `the model given as ${argument}`;
  return new GovGraphError(
    "invalid_model",
    `${fn}: ${what} has ${counted(errors.length, "error")} (all listed in issues), the first at ${first?.pointer || "/"}: ${clause(first?.message ?? "unknown")}. Fix the issues listed in error.issues.`,
    { issues },
  );
}

const TOP_KEYS = ["schemaVersion", "meta", ...COLLECTIONS] as const;
const TOP_KEY_SET = new Set<string>(TOP_KEYS);

function validate(input: unknown, pass: OnePass, adopt: boolean): ValidationResult {
  const issues: Issue[] = [];
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    const got = input === null ? "null" : Array.isArray(input) ? "an array" : article(typeof input);
    issues.push(issue("invalid_type", [], `The model must be a JSON object with "schemaVersion": 1 and its collections, not ${got}.`));
    return { ok: false, issues };
  }
  const root = input as Record<string, unknown>;
  const fast = pass.finish(root);
  if (fast) return { ok: true, ...fast };
  checkTopLevel(root, issues);
  const meta = root.meta === undefined ? undefined : parseMeta(root.meta);
  if (meta) issues.push(...meta.issues);
  const raw = {} as RawCollections;
  const parsed = {} as Record<CollectionName, unknown[]>;
  for (const name of COLLECTIONS) {
    const value = root[name];
    const isList = Array.isArray(value);
    if (!isList && value !== undefined) issues.push(issue("invalid_type", [name], `"${name}" must be an array of records, not ${describeValue(value)}.`));
    raw[name] = isList ? value : [];
    parsed[name] = isList ? parseCollection(name, value, adopt, issues) : [];
  }
  checkIntegrity(raw, issues);
  sortIssues(issues);
  if (issues.some((i) => i.severity === "error")) return { ok: false, issues };
  const model = { schemaVersion: 1, ...(meta?.meta ? { meta: meta.meta } : {}), ...parsed } as unknown as Model;
  return { ok: true, model: markValidated(canonicalize(model)), issues };
}

/** Unknown top-level keys and `schemaVersion`. */
function checkTopLevel(root: Record<string, unknown>, issues: Issue[]): void {
  for (const key of Object.keys(root)) {
    if (!TOP_KEY_SET.has(key)) {
      issues.push(issue("unrecognized_keys", [key], `Unknown field ${quote(key)} on the model. A model has ${TOP_KEYS.join(", ")}; put your own data in a record's "attributes".`));
    }
  }
  const version = root.schemaVersion;
  if (version === 1) return;
  issues.push(
    version === undefined
      ? issue("invalid_type", ["schemaVersion"], `"schemaVersion" is required. Add "schemaVersion": 1.`)
      : issue("invalid_value", ["schemaVersion"], `"schemaVersion" must be 1, not ${describeValue(version)}. This version of govgraph reads schemaVersion 1.`),
  );
}

const TOP_ORDER = new Map<string, number>(TOP_KEYS.map((key, i) => [key, i]));

/** Sorts issues in document order: top-level key in schema order, then indexes and keys; stable within the same place. @internal */
export function sortIssues(issues: Issue[]): void {
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

