/**
 * Re-checking a scenario's result
 * ===============================
 * Every reference of a new or edited record must resolve in the result, and no edited department may sit on a
 * cycle of parentId. Records the scenario did not touch were valid and still are, since each operation also
 * updates everything that named what it removes. The problems are worded as validation words them.
 */
import type { Issue } from "../../errors.js";
import type { CollectionName, Model } from "../../schemas/model.js";
import { treeCycle } from "../integrity/cycles.js";
import { forEachReferenceOf, referencesFrom, unknownReference } from "../records.js";
import type { Changed } from "./finish.js";

type Row = Record<string, unknown>;

/** The `unknown_reference` and `cycle` errors of the changed records in the scenario's result. @internal */
export function recheck(next: Model, changed: ReadonlyMap<CollectionName, readonly Changed[]>): Issue[] {
  const issues: Issue[] = [];
  const idSets = new Map<CollectionName, Set<string>>();
  const ids = (c: CollectionName): Set<string> => {
    let set = idSets.get(c);
    if (!set) idSets.set(c, (set = new Set((next[c] as readonly { id?: string }[]).map((r) => r.id!))));
    return set;
  };
  const position = (c: CollectionName, record: Row) => (next[c] as readonly unknown[]).indexOf(record);
  for (const [c, records] of changed) {
    const fields = referencesFrom(c);
    for (const { record, base } of records) {
      for (const f of fields) {
        if (base && record[f.path[0]!] === base[f.path[0]!]) continue;
        forEachReferenceOf(f, record, (id, i, j) => {
          if (!ids(f.to).has(id)) issues.push(unknownReference(f, record, position(c, record), id, i, j));
        });
      }
    }
  }
  const departments = changed.get("departments")?.filter(({ record, base }) => !base || record.parentId !== base.parentId) ?? [];
  if (departments.length > 0) issues.push(...departmentCycles(next, departments.map((d) => d.record.id as string)));
  return issues;
}

/** One `cycle` issue per cycle of parentId reached from the given departments. */
function departmentCycles(next: Model, starts: readonly string[]): Issue[] {
  const parent = new Map(next.departments.map((d) => [d.id as string, d.parentId as string | undefined]));
  const at = new Map(next.departments.map((d, i) => [d.id as string, i]));
  const found = new Map<string, Issue>();
  for (const start of starts) {
    const walk: string[] = [];
    const step = new Map<string, number>();
    for (let id: string | undefined = start; id !== undefined; id = parent.get(id)) {
      const seen = step.get(id);
      if (seen !== undefined) {
        const cycle = walk.slice(seen);
        const least = cycle.reduce((a, b) => (b < a ? b : a));
        if (!found.has(least)) found.set(least, treeCycle("departments", cycle, (x) => at.get(x)!));
        break;
      }
      step.set(id, walk.push(id) - 1);
    }
  }
  return [...found.values()];
}
