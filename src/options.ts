import { GovGraphError, toPointer, type Issue } from "./errors.js";

/**
 * Options, one rule
 * =================
 * Every function that takes options resolves them here: `undefined` (the whole object, or one option) means the
 * default; an unknown option or a value of the wrong type or range is a `GovGraphError` (`invalid_input`) that names
 * the function and every bad option at once.
 */

/** Says what is wrong with one option's value, or `undefined` when it is fine. @internal */
export type OptionRule = (value: unknown) => string | undefined;

/** Rules per option name; an option without a rule is checked against the type of its default. @internal */
export type OptionRules<D> = { readonly [K in keyof D]?: OptionRule };

const describe = (value: unknown): string => {
  if (value === null) return "null";
  if (!isExaminable(value)) return "a value that cannot be examined";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? value.slice(0, 37) + "..." : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return `a value of type ${typeof value}`;
};

/** The rule a default implies: the same JSON type (finite numbers only). */
function ruleOfDefault(defaultValue: unknown): OptionRule | undefined {
  if (typeof defaultValue === "number") return (v) => (typeof v === "number" && Number.isFinite(v) ? undefined : `must be a finite number, got ${describe(v)}`);
  if (typeof defaultValue === "boolean") return (v) => (typeof v === "boolean" ? undefined : `must be true or false, got ${describe(v)}`);
  if (typeof defaultValue === "string") return (v) => (typeof v === "string" ? undefined : `must be a string, got ${describe(v)}`);
  if (Array.isArray(defaultValue)) return (v) => (Array.isArray(v) ? undefined : `must be an array, got ${describe(v)}`);
  return undefined;
}

/** A number in `[min, max]` (either bound open when `exclusive` says so). @internal */
export function inRange(min: number, max: number, exclusive: { min?: boolean; max?: boolean } = {}): OptionRule {
  const text = `${exclusive.min ? "(" : "["}${min}, ${max}${exclusive.max ? ")" : "]"}`;
  return (v) =>
    typeof v === "number" && !Number.isNaN(v) && (exclusive.min ? v > min : v >= min) && (exclusive.max ? v < max : v <= max)
      ? undefined
      : `must be a number in ${text}, got ${describe(v)}`;
}

/** An integer in `[min, max]`. @internal */
export function integerIn(min: number, max: number): OptionRule {
  return (v) => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? undefined : `must be an integer in [${min}, ${max}], got ${describe(v)}`);
}

/** One of the listed strings. @internal */
export function oneOf(choices: readonly string[]): OptionRule {
  return (v) => (typeof v === "string" && choices.includes(v) ? undefined : `must be one of ${choices.join(", ")}, got ${describe(v)}`);
}

/** An array whose items are all among the listed strings. @internal */
export function listOf(choices: readonly string[]): OptionRule {
  return (v) =>
    Array.isArray(v) && v.every((item) => typeof item === "string" && choices.includes(item))
      ? undefined
      : `must be an array of ${choices.join(", ")}, got ${Array.isArray(v) ? JSON.stringify(v).slice(0, 60) : describe(v)}`;
}

/** A function. @internal */
export const isFunction: OptionRule = (v) => (typeof v === "function" ? undefined : `must be a function, got ${describe(v)}`);

/**
 * The options over their defaults: an option given as `undefined` keeps its default. Every option name must be a
 * key of `defaults` (give optional options without a default as `undefined` there); each value passes its rule, or
 * the type of its default. Throws one `invalid_input` GovGraphError listing every bad option.
 * @internal
 */
export function resolveOptions<D extends object>(defaults: D, options: unknown, fn: string, rules: OptionRules<D> = {}): D {
  if (options === undefined) return { ...defaults };
  if (typeof options !== "object" || options === null || !isExaminable(options) || Array.isArray(options)) {
    const message = `${fn}: options must be an object, got ${describe(options)}. Pass an object such as {} or leave it out.`;
    throw new GovGraphError("invalid_input", message, { issues: [{ ...optionIssue("", message), path: ["options"], pointer: "/options" }] });
  }
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  const issues: Issue[] = [];
  const known = Object.keys(defaults);
  let entries: [string, unknown][];
  try {
    entries = Object.keys(options).map((key) => [key, (options as Record<string, unknown>)[key]]);
  } catch (error) {
    const message = `${fn}: the options could not be read (${error instanceof Error ? error.message : String(error)}). Pass a plain object.`;
    throw new GovGraphError("invalid_input", message, { issues: [{ ...optionIssue("", message), path: ["options"], pointer: "/options" }] });
  }
  for (const [key, value] of entries) {
    if (!Object.hasOwn(defaults, key)) {
      issues.push(optionIssue(key, `${fn}: unknown option ${JSON.stringify(key)}. Options: ${known.join(", ")}.`));
      continue;
    }
    if (value === undefined) continue;
    const rule = (rules as Record<string, OptionRule | undefined>)[key] ?? ruleOfDefault((defaults as Record<string, unknown>)[key]);
    const problem = rule?.(value);
    if (problem) issues.push(optionIssue(key, `${fn}: option ${key} ${problem}.`));
    else out[key] = value;
  }
  if (issues.length > 0) {
    const first = issues[0]!.message.replace(/\.$/, "");
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more, listed in issues)` : "";
    throw new GovGraphError("invalid_input", `${first}${more}. Fix the options and try again.`, { issues });
  }
  return out as D;
}

/** False for a revoked Proxy, on which even `Array.isArray` throws. */
function isExaminable(value: unknown): boolean {
  try {
    void Array.isArray(value);
    return true;
  } catch {
    return false;
  }
}

function optionIssue(key: string, message: string): Issue {
  const path = ["options", key];
  return { code: "invalid_option", path, pointer: toPointer(path), message, severity: "error" };
}
