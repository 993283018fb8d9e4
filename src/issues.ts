/**
 * Issues
 * ======
 * Building an {@link Issue}, printing a list of them, and the small helpers every message uses, so that the same
 * problem reads the same wherever it is found.
 */
import { toPointer, type Issue } from "./errors.js";
import { checkArgument, describeArgument, hasFields, isArrayOf, isString, type ArgumentRule } from "./guard.js";

/** Where something is, as keys and indexes from the root of an input. */
export type IssuePath = (string | number)[];

/** One issue: its pointer is derived from `path`. @internal */
export function issue(code: string, path: IssuePath, message: string, severity: Issue["severity"] = "error"): Issue {
  return { code, path, pointer: toPointer(path), message, severity };
}

/** A path as zod gives it (symbols possible) in the plain form issues carry. @internal */
export function plainPath(path: readonly PropertyKey[]): IssuePath {
  return path.map((key) => (typeof key === "symbol" ? String(key) : key));
}

/** `channels[0].kind` for `["channels", 0, "kind"]`. @internal */
export function dotPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/**
 * Readable lines for a list of issues, in the style of zod's `prettifyError`: `✖` for errors, `⚠` for warnings,
 * then where (`→ at services[3].departmentId`). For CLIs and logs.
 * @example
 * console.error(formatIssues(validateModel(input).issues));
 * // ✖ Service "s1" refers to department "d9" in departmentId, but there is no such department in departments. ...
 * //   → at services[0].departmentId
 */
export function formatIssues(issues: readonly Issue[]): string {
  checkArgument("formatIssues", "issues", issues, isArrayOf(hasFields({ message: isString, path: isArrayOf(isKey, "keys") }, "an issue {message, path, severity}"), "issues"), "Pass the issues of a validation or a GovGraphError");
  return issues
    .map((item) => {
      const where = item.path.length ? `\n  → at ${dotPath(item.path)}` : "";
      return `${item.severity === "warning" ? "⚠" : "✖"} ${item.message}${where}`;
    })
    .join("\n");
}

const isKey: ArgumentRule = (v) => (typeof v === "string" || typeof v === "number" ? undefined : `must be a string or a number, got ${describeArgument(v)}`);

/** The text with its first letter in upper case. @internal */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Quotes a user-supplied string for a message, cutting very long ones. @internal */
export function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? value.slice(0, 77) + "..." : value);
}

/** `a string`, `an object`, `null`: a type name with its article. @internal */
export function article(type: string): string {
  if (type === "null" || type === "undefined") return type;
  if (type === "int") return "an integer";
  return (/^[aeiou]/.test(type) ? "an " : "a ") + type;
}

/** A value as a message shows it: quoted strings, numbers, `an array`, `an object`. @internal */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return article(typeof value);
}

/** `1 error`, `3 errors`: a count and its noun. @internal */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** A message without its final full stop, to be continued. @internal */
export function clause(message: string): string {
  return message.endsWith(".") ? message.slice(0, -1) : message;
}

/** The first issue's message continued with how many more there are: `first (and 2 more problem(s))`. @internal */
export function firstAndMore(issues: readonly Issue[]): string {
  return `${clause(issues[0]!.message)}${issues.length > 1 ? ` (and ${issues.length - 1} more problem(s))` : ""}`;
}
