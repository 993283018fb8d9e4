import type { CollectionName } from "../schemas/model.js";

/**
 * One reference field: where ids are read (`path`, `"*"` standing for every index of an array) and the
 * collection they must name. Shared by validation (dangling references) and editing (referrers, cascade).
 * @internal
 */
export interface ReferenceField {
  from: CollectionName;
  /** `[field]`, `[field, "*"]`, `[list, "*", field]` or `[list, "*", field, "*"]`. */
  path: readonly string[];
  to: CollectionName;
}

const ref = (from: CollectionName, dotted: string, to: CollectionName): ReferenceField => ({
  from,
  path: dotted.replace(/\[\]/g, ".*").split("."),
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

/** Calls `visit(id, i, j)` for each string id a record holds in a reference field; `i`, `j` fill the `"*"`s. @internal */
export function forEachReference(
  field: ReferenceField,
  record: unknown,
  visit: (id: string, i: number, j: number) => void,
): void {
  if (typeof record !== "object" || record === null) return;
  const p = field.path;
  const first = (record as Record<string, unknown>)[p[0]!];
  if (p.length === 1) {
    if (typeof first === "string") visit(first, -1, -1);
    return;
  }
  if (!Array.isArray(first)) return;
  if (p.length === 2) {
    for (let i = 0; i < first.length; i++) if (typeof first[i] === "string") visit(first[i] as string, i, -1);
    return;
  }
  for (let i = 0; i < first.length; i++) {
    const item = first[i] as Record<string, unknown> | null;
    if (typeof item !== "object" || item === null) continue;
    const value = item[p[2]!];
    if (p.length === 3) {
      if (typeof value === "string") visit(value, i, -1);
    } else if (Array.isArray(value)) {
      for (let j = 0; j < value.length; j++) if (typeof value[j] === "string") visit(value[j] as string, i, j);
    }
  }
}

/** The path of one reference inside its record, `"*"`s replaced by `i` and `j`. @internal */
export function referencePath(field: ReferenceField, i: number, j: number): (string | number)[] {
  let star = 0;
  return field.path.map((key) => (key === "*" ? (star++ === 0 ? i : j) : key));
}

/** Singular names of each collection's records, for messages. @internal */
export const RECORD_NAMES: Record<CollectionName, string> = {
  regions: "region",
  segments: "segment",
  departments: "department",
  functions: "function",
  assignments: "assignment",
  services: "service",
  needs: "need",
  evidence: "evidence type",
  servicePoints: "service point",
  travelCosts: "travel cost",
};

/** Collections whose records are keyed by a pair of ids instead of `id`. @internal */
export const PAIR_KEYS = {
  assignments: ["departmentId", "functionId"],
  travelCosts: ["regionId", "pointId"],
} as const satisfies Partial<Record<CollectionName, readonly [string, string]>>;

/** Quotes a user-supplied string for a message, cutting very long ones. @internal */
export function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? value.slice(0, 77) + "..." : value);
}

/** How a record is named in messages: `service "s1"`, `assignment of "f1" to "d1"`, or `services[3]`. @internal */
export function recordLabel(collection: CollectionName, record: unknown, index: number): string {
  const r = (typeof record === "object" && record !== null ? record : {}) as Record<string, unknown>;
  if (collection === "assignments" && typeof r.departmentId === "string" && typeof r.functionId === "string") {
    return `assignment of function ${quote(r.functionId)} to department ${quote(r.departmentId)}`;
  }
  if (collection === "travelCosts" && typeof r.regionId === "string" && typeof r.pointId === "string") {
    return `travel cost from region ${quote(r.regionId)} to service point ${quote(r.pointId)}`;
  }
  if (typeof r.id === "string" && r.id !== "") return `${RECORD_NAMES[collection]} ${quote(r.id)}`;
  return `the record at ${collection}[${index}]`;
}
