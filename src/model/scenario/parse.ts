/**
 * Parsing a scenario
 * ==================
 * The operations checked against the `Scenario` schema, every problem in govgraph's words: an unknown `op` names the
 * ops there are (and the nearest one), and a field that may take several forms (`into`: an id or a new department)
 * reports what is wrong with the form the caller wrote, not zod's bare "Invalid input".
 */
import type { z } from "zod";
import type { Issue } from "../../errors.js";
import { article, issue, plainPath, quote, type IssuePath } from "../../issues.js";
import { Scenario, type ScenarioOperation } from "../../schemas/scenario.js";
import { fromZod } from "../validate/zod-issues.js";
import { operationsError } from "./log.js";

/** Parses the operations, collecting every schema problem with the operation's index in its path. @internal */
export function parseOperations(operations: unknown): ScenarioOperation[] {
  let issues: Issue[];
  try {
    const parsed = Scenario.safeParse(operations);
    if (parsed.success) return parsed.data;
    issues = parsed.error.issues.flatMap((zi) => scenarioIssues(zi, operations));
  } catch (error) {
    // A value whose traps throw (a hostile Proxy) cannot even be read.
    const why = error instanceof Error ? error.message : String(error);
    issues = [issue("invalid_type", [], `the scenario could not be read (${why}); pass an array of plain operation objects.`)];
  }
  throw operationsError("", issues, "Fix the operations as docs/scenarios.md and schemas/scenario.json describe");
}

/** One zod issue of the scenario as govgraph issues, worded for the operation it is in. */
function scenarioIssues(zi: z.core.$ZodIssue, operations: unknown): Issue[] {
  const path = plainPath(zi.path);
  if (typeof path[0] !== "number") return [issue(zi.code, path, `the scenario must be an array of operations, not ${typeOf(operations)}.`)];
  const index = path[0];
  const op = opOf(operations, index);
  const label = op === undefined ? `operation ${index}` : `operation ${index} (${op})`;
  if (zi.code === "invalid_union" && "discriminator" in zi && zi.discriminator === "op") return [unknownOp(index, valueAt(operations, [index, "op"]), (zi as { options?: unknown[] }).options ?? [])];
  if (path.length === 1 && zi.code === "invalid_type") return [issue(zi.code, path, `operation ${index} must be an object with an "op" field, not ${typeOf(valueAt(operations, path))}.`)];
  return unionBranch(zi, operations, label).map((inner) => {
    if ("pointer" in inner) return inner;
    const [out] = fromZod({ ...inner, path: inner.path.slice(1) } as z.core.$ZodIssue, [index], label);
    return { ...out!, message: out!.message.charAt(0).toLowerCase() + out!.message.slice(1) };
  });
}

/** An operation whose `op` is missing or unknown: the ops there are, and the nearest to what was written. */
function unknownOp(index: number, op: unknown, options: unknown[]): Issue {
  const ops = options.map(String);
  const near = typeof op === "string" ? nearest(op, ops) : undefined;
  const what =
    op === undefined ? `has no "op"` : typeof op !== "string" ? `has "op" ${typeOf(op)}, not a string` : `has the unknown op ${quote(op)}${near ? ` (did you mean ${quote(near)}?)` : ""}`;
  return issue("invalid_union", [index, "op"], `operation ${index} ${what}. The ops are ${ops.join(", ")}.`);
}

/**
 * A union's issue replaced by the issues of the form the value was written in (the branch whose type matches);
 * when no form matches, one issue listing the forms. Other issues are kept as they are.
 */
function unionBranch(zi: z.core.$ZodIssue, operations: unknown, label: string): (z.core.$ZodIssue | Issue)[] {
  if (zi.code !== "invalid_union" || zi.errors.length === 0) return [zi];
  const prefix = zi.path;
  const matching = zi.errors.filter((branch) => !branch.some((e) => e.code === "invalid_type" && e.path.length === 0));
  if (matching.length === 1) return matching[0]!.flatMap((e) => unionBranch({ ...e, path: [...prefix, ...e.path] } as z.core.$ZodIssue, operations, label));
  const forms = zi.errors.flatMap((branch) => branch.filter((e) => e.code === "invalid_type" && e.path.length === 0));
  const path = plainPath(prefix);
  const field = path.slice(1).map(String).join(".");
  const expected = FORMS[field] ?? orList([...new Set(forms.map((e) => article((e as { expected: string }).expected)))]);
  return [issue("invalid_type", path, `${label}: "${field}" must be ${expected}, not ${typeOf(valueAt(operations, path))}.`)];
}

/** How a union field's forms read, where the types alone would say too little. */
const FORMS: Record<string, string> = { into: 'a department id among "ids" (a string) or a new department record (an object)' };

const orList = (items: readonly string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`);

function opOf(operations: unknown, index: number): string | undefined {
  const op = (valueAt(operations, [index]) as { op?: unknown } | undefined)?.op;
  return typeof op === "string" ? op : undefined;
}

function valueAt(root: unknown, path: IssuePath): unknown {
  let at = root;
  for (const key of path) at = typeof at === "object" && at !== null ? (at as Record<string | number, unknown>)[key] : undefined;
  return at;
}

const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "an array" : article(typeof v));

/** The option nearest to `word` (case-insensitive edit distance at most 3), if any. */
function nearest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const option of options) {
    const d = editDistance(word.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [option, d];
  }
  return best;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
