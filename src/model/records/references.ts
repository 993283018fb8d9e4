/**
 * References
 * ==========
 * Every field of the model that holds ids of other records, as one table, and the one walker over them. Validation
 * (dangling references), editing (referrers, cascade), scenarios (reverse indexes, id checks) all read this table,
 * so a reference field added to the schemas is added here once.
 */
import { capitalize, dotPath, issue, quote } from "../../issues.js";
import type { Issue } from "../../errors.js";
import type { CollectionName } from "../../schemas/model.js";
import { fieldOf, RECORD_NAMES, recordLabel } from "./keys.js";

/**
 * One reference field: where ids are read (`path`, `"*"` standing for every index of an array) and the
 * collection they must name. @internal
 */
export interface ReferenceField {
  from: CollectionName;
  /** `[field]`, `[field, "*"]`, `[list, "*", field]` or `[list, "*", field, "*"]`. */
  path: readonly string[];
  /** The field as written in the table, such as `journey[].after[]`. */
  name: string;
  to: CollectionName;
}

const ref = (from: CollectionName, name: string, to: CollectionName): ReferenceField => ({
  from,
  path: name.replace(/\[\]/g, ".*").split("."),
  name,
  to,
});

/** Every reference field of the model, in schema order. @internal */
export const REFERENCE_FIELDS: readonly ReferenceField[] = [
  ref("regions", "parentId", "regions"),
  ref("departments", "regionId", "regions"),
  ref("departments", "parentId", "departments"),
  ref("assignments", "departmentId", "departments"),
  ref("assignments", "functionId", "functions"),
  ref("services", "departmentId", "departments"),
  ref("services", "partnerIds[]", "departments"),
  ref("services", "functionIds[]", "functions"),
  ref("services", "needIds[]", "needs"),
  ref("services", "segmentIds[]", "segments"),
  ref("services", "regionIds[]", "regions"),
  ref("services", "evidence[].evidenceId", "evidence"),
  ref("needs", "segmentIds[]", "segments"),
  ref("needs", "demand[].regionId", "regions"),
  ref("needs", "demand[].segmentId", "segments"),
  ref("needs", "journey[].serviceId", "services"),
  ref("needs", "journey[].after[]", "services"),
  ref("evidence", "issuerId", "departments"),
  ref("servicePoints", "regionId", "regions"),
  ref("servicePoints", "serviceIds[]", "services"),
  ref("travelCosts", "regionId", "regions"),
  ref("travelCosts", "pointId", "servicePoints"),
];

/** The reference fields of one collection's records, in schema order. @internal */
export function referencesFrom(collection: CollectionName): ReferenceField[] {
  return REFERENCE_FIELDS.filter((field) => field.from === collection);
}

/** The reference field `name` (as written in the table) of a collection; throws when there is none. @internal */
export function referenceField(from: CollectionName, name: string): ReferenceField {
  const field = REFERENCE_FIELDS.find((f) => f.from === from && f.name === name);
  if (!field) throw new Error(`referenceField: ${from} has no reference field ${name}`);
  return field;
}

/** Receives each id found: the record's position `r`, and `i`, `j` for the `"*"`s of the path (-1 when absent). @internal */
export type ReferenceVisitor = (id: string, r: number, i: number, j: number) => void;

/** Calls `visit` for each string id that a record (at position `r`) holds in a reference field. */
function walkRecord(p: readonly string[], record: unknown, r: number, visit: ReferenceVisitor): void {
  const first = fieldOf(record, p[0]!);
  if (p.length === 1) {
    if (typeof first === "string") visit(first, r, -1, -1);
    return;
  }
  if (!Array.isArray(first)) return;
  for (let i = 0; i < first.length; i++) {
    if (p.length === 2) {
      if (typeof first[i] === "string") visit(first[i] as string, r, i, -1);
      continue;
    }
    const value = fieldOf(first[i], p[2]!);
    if (p.length === 3) {
      if (typeof value === "string") visit(value, r, i, -1);
    } else if (Array.isArray(value)) {
      for (let j = 0; j < value.length; j++) if (typeof value[j] === "string") visit(value[j] as string, r, i, j);
    }
  }
}

/** Calls `visit(id, r, i, j)` for each string id the records (not yet known to be valid) hold in a reference field. @internal */
export function forEachReference(ref: ReferenceField, records: readonly unknown[], visit: ReferenceVisitor): void {
  const p = ref.path;
  for (let r = 0; r < records.length; r++) walkRecord(p, records[r], r, visit);
}

/** Calls `visit(id, i, j)` for each string id one record holds in a reference field. @internal */
export function forEachReferenceOf(ref: ReferenceField, record: unknown, visit: (id: string, i: number, j: number) => void): void {
  walkRecord(ref.path, record, -1, (id, _r, i, j) => visit(id, i, j));
}

/** True when the record names `id` in the reference field. @internal */
export function refersTo(ref: ReferenceField, record: unknown, id: string): boolean {
  let found = false;
  walkRecord(ref.path, record, -1, (x) => {
    if (x === id) found = true;
  });
  return found;
}

/** The path of one reference inside its record, `"*"`s replaced by `i` and `j`. @internal */
export function referencePath(ref: ReferenceField, i: number, j: number): (string | number)[] {
  let star = 0;
  return ref.path.map((key) => (key === "*" ? (star++ === 0 ? i : j) : key));
}

/**
 * The `unknown_reference` issue: a record at `[ref.from, index]` names an id that no record of `ref.to` has. The
 * one wording of this problem, wherever it is found. @internal
 */
export function unknownReference(ref: ReferenceField, record: unknown, index: number, id: string, i: number, j: number): Issue {
  const inRecord = referencePath(ref, i, j);
  const target = RECORD_NAMES[ref.to];
  return issue(
    "unknown_reference",
    [ref.from, index, ...inRecord],
    `${capitalize(recordLabel(ref.from, record, index))} refers to ${target} ${quote(id)} in ${dotPath(inRecord)}, but there is no such ${target} in ${ref.to}. Add it to ${ref.to} or fix the id.`,
  );
}
