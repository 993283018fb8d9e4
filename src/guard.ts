/**
 * Argument checks
 * ===============
 * Every exported function checks its arguments on entry, so that a bad one gets a `GovGraphError` (`invalid_input`)
 * that names the function and the argument, never a `TypeError` from deep inside. A rule says what is wrong with a
 * value, or nothing, like the option rules of options.ts; rules run inside a `try`, so a hostile value (a Proxy whose
 * traps throw, a revoked Proxy) is refused like any other bad value. Models are checked by `requireModel`
 * (model/require-model.ts), which validates what govgraph has not validated already.
 */
import { GovGraphError, toPointer, type Issue } from "./errors.js";
import type { OptionRule } from "./options.js";

/** Says what is wrong with an argument, or `undefined` when it is fine (`must be ..., got ...`). @internal */
export type ArgumentRule = OptionRule;

/**
 * A value as an error message shows it, without reading more than its type: safe on Proxies, cyclic objects,
 * BigInts and Symbols. @internal
 */
export function describeArgument(value: unknown): string {
  try {
    if (value === null || value === undefined) return String(value);
    if (typeof value === "string") return JSON.stringify(value.length > 40 ? value.slice(0, 37) + "..." : value);
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if (typeof value === "bigint") return `the BigInt ${value}n`;
    if (typeof value === "symbol") return "a symbol";
    if (typeof value === "function") return "a function";
    if (Array.isArray(value)) return "an array";
    return "an object";
  } catch {
    return "a value that cannot be read";
  }
}

/** The problem of one argument, or undefined; a rule that throws (a hostile value) is a problem too. */
function problemOf(value: unknown, rule: ArgumentRule): string | undefined {
  try {
    return rule(value);
  } catch (error) {
    return `could not be read (${error instanceof Error ? error.message : describeArgument(error)})`;
  }
}

/**
 * Checks arguments against their rules and throws one `invalid_input` GovGraphError listing every bad one:
 * `"<fn>: argument <name> <problem>. <fix>."`. Each check is `[name, value, rule]`. @internal
 */
export function checkArguments(fn: string, checks: readonly (readonly [string, unknown, ArgumentRule])[], fix = "See the function's documentation"): void {
  const issues: Issue[] = [];
  for (const [name, value, rule] of checks) {
    const problem = problemOf(value, rule);
    if (problem !== undefined) issues.push({ code: "invalid_argument", path: [name], pointer: toPointer([name]), message: `${fn}: argument ${name} ${problem}.`, severity: "error" });
  }
  if (issues.length === 0) return;
  const first = issues[0]!.message.replace(/\.$/, "");
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more, listed in issues)` : "";
  throw new GovGraphError("invalid_input", `${first}${more}. ${fix}.`, { path: issues[0]!.path, issues });
}

/** Checks one argument; see {@link checkArguments}. @internal */
export function checkArgument(fn: string, name: string, value: unknown, rule: ArgumentRule, fix?: string): void {
  if (problemOf(value, rule) !== undefined) checkArguments(fn, [[name, value, rule]], fix);
}

/**
 * Runs `read`, which reads the data of an argument already checked for its shape: an error other than a
 * GovGraphError (a Proxy's trap or a getter that throws deep inside) becomes an `invalid_input` GovGraphError naming
 * `fn` and the argument. Costs nothing on the way through, unlike a rule that would read every item twice. @internal
 */
export function readingArgument<T>(fn: string, name: string, read: () => T, fix = "Pass plain data"): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof GovGraphError) throw error;
    checkArgument(fn, name, undefined, () => `could not be read (${error instanceof Error ? error.message : describeArgument(error)})`, fix);
    throw error;
  }
}

const got = (v: unknown) => `, got ${describeArgument(v)}`;

/** A string. @internal */
export const isString: ArgumentRule = (v) => (typeof v === "string" ? undefined : `must be a string${got(v)}`);

/** A string with at least one character. @internal */
export const isNonEmptyString: ArgumentRule = (v) => (typeof v === "string" && v !== "" ? undefined : `must be a non-empty string${got(v)}`);

/** A number (any, `NaN` included). @internal */
export const isNumber: ArgumentRule = (v) => (typeof v === "number" ? undefined : `must be a number${got(v)}`);

/** Anything (a field read only so that a hostile value is refused). @internal */
export const isAny: ArgumentRule = () => undefined;

/** An array (its items not looked at). @internal */
export const isArray: ArgumentRule = (v) => (Array.isArray(v) ? undefined : `must be an array${got(v)}`);

/** A finite number. @internal */
export const isFiniteNumber: ArgumentRule = (v) => (typeof v === "number" && Number.isFinite(v) ? undefined : `must be a finite number${got(v)}`);

/** An object that is not an array (nor null). @internal */
export const isObject: ArgumentRule = (v) => (typeof v === "object" && v !== null && !Array.isArray(v) ? undefined : `must be an object${got(v)}`);

/** Text or UTF-8 bytes (a string or a `Uint8Array`). @internal */
export const isTextOrBytes: ArgumentRule = (v) => (typeof v === "string" || v instanceof Uint8Array ? undefined : `must be text or a Uint8Array${got(v)}`);

/** A function. @internal */
export const isFunction: ArgumentRule = (v) => (typeof v === "function" ? undefined : `must be a function${got(v)}`);

/**
 * Accepts any value whose type can be examined (`instanceof`, `Array.isArray`); refuses only a Proxy whose traps
 * throw or that was revoked, leaving other checks to the function. @internal
 */
export const canBeExamined: ArgumentRule = (v) => {
  if (typeof v === "object" && v !== null) void (v instanceof Uint8Array || Array.isArray(v));
  return undefined;
};

/** Either `undefined` or a value the rule accepts. @internal */
export function optional(rule: ArgumentRule): ArgumentRule {
  return (v) => (v === undefined ? undefined : rule(v));
}

/** One of the listed strings. @internal */
export function isOneOf(choices: readonly string[]): ArgumentRule {
  return (v) => (typeof v === "string" && choices.includes(v) ? undefined : `must be one of ${choices.join(", ")}${got(v)}`);
}

/** An array whose items all pass `rule` (`items` names them: "strings"). @internal */
export function isArrayOf(rule: ArgumentRule, items: string): ArgumentRule {
  return (v) => {
    if (!Array.isArray(v)) return `must be an array of ${items}${got(v)}`;
    for (let i = 0; i < v.length; i++) {
      const problem = rule(v[i]);
      if (problem !== undefined) return `must be an array of ${items}; item ${i} ${problem}`;
    }
    return undefined;
  };
}

/** An object whose listed fields pass their rules (other fields are not looked at). @internal */
export function hasFields(fields: Readonly<Record<string, ArgumentRule>>, what: string): ArgumentRule {
  return (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return `must be ${what}${got(v)}`;
    for (const [key, rule] of Object.entries(fields)) {
      const problem = rule((v as Record<string, unknown>)[key]);
      if (problem !== undefined) return `must be ${what}; its field ${key} ${problem}`;
    }
    return undefined;
  };
}

/**
 * Plain JSON data (`what` names it: "a record"): objects, arrays, strings, finite numbers, booleans and null (and
 * `undefined`, which JSON leaves out), with no cycle. Reads every value once, so a Proxy whose traps throw is refused here. @internal
 */
export function isJsonData(what: string, options: { array?: boolean } = {}): ArgumentRule {
  return (v) => {
    if (typeof v !== "object" || v === null || (Array.isArray(v) && !options.array)) return `must be ${what}${got(v)}`;
    const problem = jsonProblem(v, [], new Set());
    return problem === undefined ? undefined : `must be ${what} of plain JSON data, but ${problem}`;
  };
}

function jsonProblem(value: unknown, path: (string | number)[], open: Set<object>): string | undefined {
  const at = () => (path.length === 0 ? "it" : path.map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`)).join("").replace(/^\./, ""));
  if (value === null || value === undefined || typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `${at()} is ${value}`;
  if (typeof value !== "object") return `${at()} is ${describeArgument(value)}`;
  if (open.has(value)) return `${at()} refers back to itself (a cycle)`;
  open.add(value);
  try {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const problem = jsonProblem(value[i], [...path, i], open);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    for (const key of Object.keys(value)) {
      const problem = jsonProblem((value as Record<string, unknown>)[key], [...path, key], open);
      if (problem !== undefined) return problem;
    }
    return undefined;
  } finally {
    open.delete(value);
  }
}

/**
 * A deprecated name of a function: the same function under its old name, whose errors name the old name (what
 * the caller wrote) instead of the new one.
 * @internal
 */
export function deprecatedAlias<F extends (...args: never[]) => unknown>(oldName: string, newName: string, target: F): F {
  const prefix = `${newName}:`;
  const alias = (...args: Parameters<F>): ReturnType<F> => {
    try {
      return target(...args) as ReturnType<F>;
    } catch (error) {
      if (!(error instanceof GovGraphError) || !error.message.startsWith(prefix)) throw error;
      const rename = (text: string) => (text.startsWith(prefix) ? `${oldName}:${text.slice(prefix.length)}` : text);
      throw new GovGraphError(error.code, rename(error.message), {
        ...(error.path ? { path: error.path } : {}),
        issues: error.issues.map((i) => ({ ...i, message: rename(i.message) })),
        cause: error,
      });
    }
  };
  return alias as unknown as F;
}
