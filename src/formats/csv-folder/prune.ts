/**
 * CSV folder, `strict: false`: leaves out the smallest part of the input that a validation error points at (a list
 * item, an optional field, a nested item or a record), keeping the line of every record that stays.
 * @module
 */
import type { Issue } from "../../errors.js";
import type { CollectionName } from "../../schemas/model.js";
import type { Drafts } from "./drafts.js";
import { tableOf } from "./tables.js";

type Rec = Record<string, unknown>;

/** Whether `field` is required in the records of the array at `path` (a collection or a nested list). */
function required(path: readonly (string | number)[], field: string): boolean {
  const table = path.length === 1 ? tableOf(path[0] as CollectionName) : path.length === 3 ? tableOf(path[0] as CollectionName, path[2] as string) : undefined;
  if (table === undefined) return true;
  return table.columns.some((c) => c.path[0] === field && c.required) || table.nested?.ownerColumn === field;
}

/**
 * Removes what each error points at: the item at the deepest index of its path, or only the optional field
 * below it. Returns false when an error points at nothing that can be left out. @internal
 */
export function prune(drafts: Drafts, errors: readonly Issue[]): boolean {
  const removals = new Map<unknown[], Set<number>>();
  const deletions: [Rec, string][] = [];
  for (const { path } of errors) {
    if (path[0] === "meta") {
      delete drafts.input.meta;
      continue;
    }
    let p = -1;
    for (let k = path.length - 1; k >= 1 && p < 0; k--) if (typeof path[k] === "number") p = k;
    if (p < 0) return false;
    let container: unknown = drafts.input;
    for (let k = 0; k < p; k++) container = (container as Rec)[path[k] as string];
    if (!Array.isArray(container)) return false;
    const at = path[p] as number;
    const next = path[p + 1];
    if (typeof next === "string" && !required(path.slice(0, p), next) && typeof container[at] === "object") {
      deletions.push([container[at] as Rec, next]);
      continue;
    }
    let set = removals.get(container);
    if (set === undefined) removals.set(container, (set = new Set()));
    set.add(at);
  }
  for (const [record, field] of deletions) delete record[field];
  for (const [container, indexes] of removals) {
    const lines = drafts.linesOf.get(container);
    let kept = 0;
    for (let i = 0; i < container.length; i++) {
      if (indexes.has(i)) continue;
      container[kept] = container[i];
      if (lines) lines[kept] = lines[i]!;
      kept++;
    }
    container.length = kept;
    if (lines) lines.length = kept;
  }
  return true;
}
