/**
 * Cascade
 * =======
 * What removing a record takes with it (docs/validation.md): records that cannot exist without it go too
 * (a department's services, a region's departments and points, assignments and travel costs); other references
 * to it are stripped, and the children of a removed region or department move up to the nearest survivor.
 */
import { COLLECTIONS, type CollectionName, type Model } from "../../schemas/model.js";
import { forEachReference, isPairCollection, REFERENCE_FIELDS, type ReferenceField } from "../records.js";
import { positionOf } from "./lookup.js";

/** Positions to remove, per collection. @internal */
export type RemovalPlan = Map<CollectionName, Set<number>>;
type GoneIds = Map<CollectionName, Set<string>>;
type Row = Record<string, unknown>;

/** Reference fields a record cannot exist without: removing their target removes the record. */
const REQUIRED = new Set<ReferenceField>(
  REFERENCE_FIELDS.filter(
    (f) =>
      f.path.length === 1 &&
      ((f.from === "departments" && f.path[0] === "regionId") ||
        (f.from === "services" && f.path[0] === "departmentId") ||
        (f.from === "servicePoints" && f.path[0] === "regionId") ||
        isPairCollection(f.from)),
  ),
);

const idAt = (model: Model, c: CollectionName, i: number) => (model[c][i] as { id: string }).id;

/** The record at `at`, and with it everything that cannot exist without it. @internal */
export function cascadePlan(model: Model, collection: CollectionName, at: number): RemovalPlan {
  const removed: RemovalPlan = new Map([[collection, new Set([at])]]);
  let fresh: GoneIds = new Map();
  if (!isPairCollection(collection)) fresh.set(collection, new Set([idAt(model, collection, at)]));
  while (fresh.size > 0) {
    const round: GoneIds = new Map();
    for (const ref of REFERENCE_FIELDS) {
      const gone = fresh.get(ref.to);
      if (!gone || !REQUIRED.has(ref)) continue;
      forEachReference(ref, model[ref.from], (id, r) => {
        if (!gone.has(id)) return;
        const set = removed.get(ref.from) ?? new Set<number>();
        removed.set(ref.from, set);
        if (set.has(r)) return;
        set.add(r);
        if (!isPairCollection(ref.from)) round.set(ref.from, (round.get(ref.from) ?? new Set<string>()).add(idAt(model, ref.from, r)));
      });
    }
    fresh = round;
  }
  return removed;
}

/** Writes a removal plan into a draft: removed records dropped, references to them stripped. @internal */
export function applyPlan(model: Model, draft: Record<CollectionName, unknown[]>, removed: RemovalPlan): void {
  const goneIds: GoneIds = new Map();
  for (const [c, positions] of removed) {
    if (!isPairCollection(c)) goneIds.set(c, new Set([...positions].map((i) => idAt(model, c, i))));
  }
  // The nearest surviving ancestor takes the children of a removed region or department.
  const survivor = (c: "regions" | "departments", id: string | undefined): string | undefined => {
    const gone = goneIds.get(c);
    let current = id;
    for (let guard = 0; current !== undefined && gone?.has(current) && guard <= model[c].length; guard++) {
      current = (model[c][positionOf(model, c, current)] as { parentId?: string }).parentId;
    }
    return current;
  };
  for (const c of COLLECTIONS) {
    const records = model[c] as readonly Row[];
    const drop = removed.get(c);
    const touched = touchedRecords(model, c, goneIds);
    if (!drop && touched.size === 0) continue;
    const clean = (i: number) => stripReferences(c, records[i]!, goneIds, survivor);
    if (drop) {
      const out: unknown[] = [];
      for (let i = 0; i < records.length; i++) if (!drop.has(i)) out.push(touched.has(i) ? clean(i) : records[i]);
      draft[c] = out;
    } else {
      for (const i of touched) draft[c][i] = clean(i);
    }
  }
}

/** Positions of records in `c` holding a reference to a removed id. */
function touchedRecords(model: Model, c: CollectionName, goneIds: GoneIds): Set<number> {
  const touched = new Set<number>();
  for (const ref of REFERENCE_FIELDS) {
    const gone = ref.from === c ? goneIds.get(ref.to) : undefined;
    if (gone) forEachReference(ref, model[c], (id, r) => gone.has(id) && touched.add(r));
  }
  return touched;
}

/** A copy of a record without its references to removed ids (the cascade rules of docs/validation.md). */
function stripReferences(
  c: CollectionName,
  record: Row,
  goneIds: GoneIds,
  survivor: (c: "regions" | "departments", id: string | undefined) => string | undefined,
): Row {
  const out: Row = { ...record };
  const set = (key: string, value: unknown) => {
    if (value === undefined) delete out[key];
    else out[key] = value;
  };
  for (const ref of REFERENCE_FIELDS) {
    const goneSet = ref.from === c ? goneIds.get(ref.to) : undefined;
    if (!goneSet) continue;
    const gone = (id: unknown) => typeof id === "string" && goneSet.has(id);
    const [first, , inner] = ref.path as [string, string?, string?];
    const value = out[first];
    if (ref.path.length > 1 && !Array.isArray(value)) continue;
    if (ref.path.length === 1) {
      if (!gone(value)) continue;
      // parentId moves up to the nearest survivor; evidence.issuerId is dropped
      set(first, first === "parentId" ? survivor(c as "regions" | "departments", value as string) : undefined);
    } else if (ref.path.length === 2) {
      set(first, (value as string[]).filter((id) => !gone(id)));
    } else if (ref.path.length === 3) {
      // an entry naming a removed record goes: evidence requirement, demand row, journey step
      set(first, (value as Row[]).filter((item) => !gone(item[inner!])));
    } else {
      set(
        first,
        (value as Row[]).map((item) => {
          const list = item[inner!] as string[] | undefined;
          return list?.some(gone) ? { ...item, [inner!]: list.filter((id) => !gone(id)) } : item;
        }),
      );
    }
  }
  return out;
}
