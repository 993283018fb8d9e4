/**
 * Tables of a scenario's base collections
 * =======================================
 * What a scenario looks up in the records it starts from: the position of each id, the positions naming each id
 * through a reference field, and whether assignments are sorted by department. Built from a collection array as it
 * is; a frozen array cannot change, so its tables are kept with it and shared by every scenario applied to a model
 * holding it (the tables themselves are never written to). An unfrozen array gets fresh tables on every call.
 */
import { compareIds, forEachReference, type ReferenceField } from "../records.js";

type Row = Record<string, unknown>;

const positionTables = new WeakMap<readonly Row[], ReadonlyMap<string, number>>();
const reverseTables = new WeakMap<readonly Row[], Map<ReferenceField, ReadonlyMap<string, readonly number[]>>>();
const byDepartment = new WeakMap<readonly Row[], boolean>();

/** The value computed for a frozen `rows` once, fresh for any other. */
function kept<T>(table: WeakMap<readonly Row[], T>, rows: readonly Row[], build: () => T): T {
  let value = table.get(rows);
  if (value === undefined) {
    value = build();
    if (Object.isFrozen(rows)) table.set(rows, value);
  }
  return value;
}

/** The position of each record by id. @internal */
export function basePositions(rows: readonly Row[]): ReadonlyMap<string, number> {
  return kept(positionTables, rows, () => {
    const map = new Map<string, number>();
    for (let i = 0; i < rows.length; i++) map.set(rows[i]!.id as string, i);
    return map;
  });
}

/** The positions, ascending, of the records whose reference field `ref` names each id. @internal */
export function baseReferrers(ref: ReferenceField, rows: readonly Row[]): ReadonlyMap<string, readonly number[]> {
  const byRef = kept(reverseTables, rows, () => new Map<ReferenceField, ReadonlyMap<string, readonly number[]>>());
  let index = byRef.get(ref);
  if (!index) {
    const built = new Map<string, number[]>();
    forEachReference(ref, rows, (id, p) => {
      const list = built.get(id);
      if (!list) built.set(id, [p]);
      else if (list[list.length - 1] !== p) list.push(p);
    });
    byRef.set(ref, (index = built));
  }
  return index;
}

/** True when the assignments are sorted by department. @internal */
export function sortedByDepartment(rows: readonly Row[]): boolean {
  return kept(byDepartment, rows, () => {
    for (let p = 1; p < rows.length; p++) if (compareIds(rows[p - 1]!.departmentId as string, rows[p]!.departmentId as string) > 0) return false;
    return true;
  });
}
