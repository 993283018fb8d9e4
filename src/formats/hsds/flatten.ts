/**
 * HSDS JSON to rows
 * =================
 * Flattens the JSON form (`service_full`, `organization_full`, a location, and the objects nested in them) into
 * rows, as the tabular form holds them: each nested record becomes a row of its table whose key column names its
 * owner. A record met several times (the same contact under a service and under its location) becomes one row.
 * @module
 */
import type { Issue } from "../../errors.js";
import { ENTITY_COLUMN, relationsOf, type HsdsTableName } from "./schema.js";
import { addRow, rowIssue, setOwn, type HsdsTables, type Locator } from "./tables.js";

/** The owner a nested record hangs from: its table, id, and the key column that names it. @internal */
export interface Owner {
  table: HsdsTableName;
  id: string;
  key: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Adds a JSON object of a table (and everything nested in it) to the rows. Returns its id, or `undefined` when it
 * has none (an error issue). Copies of one record that disagree give a warning; the first copy wins.
 * @internal
 */
export function flattenObject(
  tables: HsdsTables,
  issues: Issue[],
  table: HsdsTableName,
  value: unknown,
  path: (string | number)[],
  owner?: Owner,
): string | undefined {
  const at: Locator = { path };
  if (!isObject(value)) {
    issues.push(rowIssue(at, undefined, "invalid_type", `expected an HSDS ${table} object, got ${Array.isArray(value) ? "an array" : typeof value}`, "error"));
    return undefined;
  }
  const id = value.id;
  if (typeof id !== "string" || id === "") {
    issues.push(rowIssue(at, "id", "missing_value", `the ${table} has no id; it is left out`, "error"));
    return undefined;
  }
  const fields: Record<string, unknown> = {};
  if (owner) {
    fields[owner.key] = owner.id;
    if (ENTITY_COLUMN[table]) fields[ENTITY_COLUMN[table]] = owner.table;
  }
  const relations = relationsOf(table);
  const implied = owner ? [owner.key, ENTITY_COLUMN[table]] : [];
  for (const key of Object.keys(value)) {
    const item = value[key];
    const relation = relations.find((r) => r.property === key);
    if (!relation) {
      if (item !== null && item !== undefined && !implied.includes(key)) setOwn(fields, key, item);
      continue;
    }
    if (item === null || item === undefined) continue;
    if (relation.one) {
      const childId = flattenObject(tables, issues, relation.table, item, [...path, key]);
      if (childId !== undefined) fields[relation.key] = childId;
    } else if (!Array.isArray(item)) {
      issues.push(rowIssue(at, key, "invalid_type", `"${key}" must be an array of ${relation.table} objects`, "error"));
    } else {
      item.forEach((child, i) => flattenObject(tables, issues, relation.table, child, [...path, key, i], { table, id, key: relation.key }));
    }
  }
  setOwn(fields, "id", id);
  const differing = addRow(tables, table, fields, at);
  if (differing.length > 0) {
    const what = differing.map((f) => `"${f}"`).join(", ");
    issues.push(rowIssue(at, differing[0], "conflicting_copies", `this copy of ${table} "${id}" differs from an earlier one in ${what}; the first copy is kept`, "warning"));
  }
  return id;
}

/** Which table a top-level JSON object belongs to: a service, a location, or else an organization. @internal */
export function topLevelTable(value: Record<string, unknown>): HsdsTableName {
  if (["status", "organization", "organization_id", "service_at_locations", "required_documents"].some((k) => k in value)) return "service";
  if (["location_type", "latitude", "longitude", "addresses"].some((k) => k in value)) return "location";
  return "organization";
}

/**
 * The rows of the JSON form: one object or an array of them (`service_full`, `organization_full`, location), or an
 * HSDS API page (`{ items: [...] }`).
 * @internal
 */
export function flattenJson(input: unknown, issues: Issue[]): HsdsTables {
  const tables: HsdsTables = new Map();
  const page = !Array.isArray(input) && isObject(input) && Array.isArray(input.items);
  const items: unknown[] = Array.isArray(input) ? input : page ? (input as { items: unknown[] }).items : [input];
  items.forEach((item, i) => {
    const path = Array.isArray(input) ? [i] : page ? ["items", i] : [];
    if (!isObject(item)) {
      issues.push(rowIssue({ path }, undefined, "invalid_type", `expected an HSDS service, organization or location object, got ${Array.isArray(item) ? "an array" : typeof item}`, "error"));
      return;
    }
    flattenObject(tables, issues, topLevelTable(item), item, path);
  });
  return tables;
}
