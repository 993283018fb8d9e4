import { GovGraphError, toPointer, type Issue } from "../errors.js";
import { Model } from "../schemas/model.js";
import { canonicalize } from "./canonical.js";

/** The outcome of {@link validateModel}. */
export interface ValidationResult {
  /** True when there is no issue of severity `error`. */
  ok: boolean;
  /** The parsed model in canonical order, present when `ok`. */
  model?: Model;
  /** Every problem found, errors and warnings, in document order. */
  issues: Issue[];
}

/**
 * Checks an untrusted value against the model schema and its integrity rules, collecting every problem in one pass.
 * Never throws. The returned model is frozen and in canonical order (sorted by id).
 * @example
 * const { ok, issues } = validateModel(JSON.parse(text));
 */
export function validateModel(input: unknown): ValidationResult {
  const parsed = Model.safeParse(input);
  if (!parsed.success) {
    const issues: Issue[] = parsed.error.issues.map((issue) => ({
      code: issue.code,
      path: issue.path.map((key) => (typeof key === "symbol" ? String(key) : key)),
      pointer: toPointer(issue.path),
      message: issue.message,
      severity: "error",
    }));
    return { ok: false, issues };
  }
  return { ok: true, model: canonicalize(parsed.data), issues: [] };
}

/**
 * Returns the valid model, or throws a {@link GovGraphError} with code `invalid_model` listing every issue.
 * @example
 * const model = parseModel(JSON.parse(text));
 */
export function parseModel(input: unknown): Model {
  const result = validateModel(input);
  if (!result.ok || !result.model) {
    const errors = result.issues.filter((i) => i.severity === "error");
    throw new GovGraphError(
      "invalid_model",
      `parseModel: the model has ${errors.length} error(s), first at ${errors[0]?.pointer || "/"}: ${errors[0]?.message}. Fix them and try again.`,
      { issues: result.issues },
    );
  }
  return result.model;
}
