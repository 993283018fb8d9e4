/**
 * zod issues in govgraph's words
 * ==============================
 * Turns zod's issues into ours: one issue per unknown key, messages that name the record and the field, and the
 * one case zod is silent about (an attribute named `__proto__`).
 */
import type { z } from "zod";
import type { Issue } from "../../errors.js";
import { article, capitalize, dotPath, issue, plainPath, quote, type IssuePath } from "../../issues.js";

/** Turns one zod issue into ours: each unknown key gets its own issue with the key in the path; messages name the field. @internal */
export function fromZod(zi: z.core.$ZodIssue, prefix: IssuePath, label: string): Issue[] {
  const inner = plainPath(zi.path);
  if (zi.code === "unrecognized_keys") {
    const where = inner.length ? ` in ${dotPath(inner)}` : "";
    return zi.keys.map((key) =>
      issue(
        zi.code,
        [...prefix, ...inner, key],
        `Unknown field ${quote(key)} on ${label}${where}. Fix the field name, or put your own data in "attributes" (for example "attributes": {${quote(key)}: ...}).`,
      ),
    );
  }
  const message = inner.length ? `${capitalize(label)}: "${dotPath(inner)}" ${explain(zi)}` : `${capitalize(label)} ${explain(zi)}`;
  return [issue(zi.code, [...prefix, ...inner], message)];
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
      return ATTRIBUTE_VALUE;
    case "not_multiple_of":
      return `must be a multiple of ${zi.divisor}.`;
    default:
      return `is invalid: ${zi.message}.`;
  }
}

const ATTRIBUTE_VALUE = "must be a string, a number, a boolean or null.";

const NESTED_WITH_ATTRIBUTES = ["channels", "demand", "journey"] as const;

/**
 * zod's record drops a `__proto__` key silently (assigning it would change the prototype). Attribute values are
 * primitives, so a valid one is restored as an own data property of the parsed record `out`, which touches no
 * prototype; an invalid one is reported like any other attribute. `at` is `[collection, index]`. @internal
 */
export function protoAttributes(raw: unknown, out: unknown, at: IssuePath, label: string, issues: Issue[]): void {
  if (typeof raw !== "object" || raw === null) return;
  protoAttribute(raw, out, at, [], label, issues);
  for (const list of NESTED_WITH_ATTRIBUTES) {
    const items = (raw as Record<string, unknown>)[list];
    if (!Array.isArray(items)) continue;
    const outItems = out === undefined ? undefined : (out as Record<string, unknown[] | undefined>)[list];
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i];
      if (typeof item === "object" && item !== null) protoAttribute(item, outItems?.[i], at, [list, i], label, issues);
    }
  }
}

function protoAttribute(raw: object, out: unknown, at: IssuePath, inside: IssuePath, label: string, issues: Issue[]): void {
  const attributes = (raw as { attributes?: unknown }).attributes;
  if (typeof attributes !== "object" || attributes === null || !Object.hasOwn(attributes, "__proto__")) return;
  const value: unknown = (attributes as Record<string, unknown>)["__proto__"];
  const valid = value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
  if (!valid) {
    const inner = [...inside, "attributes", "__proto__"];
    issues.push(issue("invalid_union", [...at, ...inner], `${capitalize(label)}: "${dotPath(inner)}" ${ATTRIBUTE_VALUE}`));
    return;
  }
  if (out === undefined) return;
  Object.defineProperty((out as { attributes: object }).attributes, "__proto__", { value, enumerable: true, writable: true, configurable: true });
}
