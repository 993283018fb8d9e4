/**
 * HSDS rows
 * =========
 * The one shape both HSDS forms are read into and written from: each table's records as flat rows (the tabular
 * form), each row remembering where it was read (a CSV line, or a JSON path) so that issues can name it.
 * `nestRow` turns a row back into the JSON form's nested object.
 * @module
 */
import { toPointer, type Issue } from "../../errors.js";
import { ENTITY_COLUMN, relationsOf, TABLE, type HsdsRelation, type HsdsTableName } from "./schema.js";

/** Where a record was read: a CSV file's line (the header is line 1), or a path into the JSON input. @internal */
export type Locator = { file: string; line: number } | { path: (string | number)[] };

/** One HSDS record as a flat row: its own fields as JSON values, keys to other rows as their ids. @internal */
export interface HsdsRow {
  table: HsdsTableName;
  id: string;
  fields: Record<string, unknown>;
  at: Locator;
}

/** Rows by table, then by id, in the order first seen. @internal */
export type HsdsTables = Map<HsdsTableName, Map<string, HsdsRow>>;

/** Sets an own property, even one named `__proto__` (keys come from the input). @internal */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** The rows of one table, in the order first seen. @internal */
export function rowsOf(tables: HsdsTables, table: HsdsTableName): HsdsRow[] {
  return [...(tables.get(table)?.values() ?? [])];
}

/** The row of a table with this id, if any. @internal */
export function rowOf(tables: HsdsTables, table: HsdsTableName, id: unknown): HsdsRow | undefined {
  return typeof id === "string" ? tables.get(table)?.get(id) : undefined;
}

/**
 * Adds a row, or merges it into the row already there with the same id: fields the first copy lacks are filled in.
 * Returns the names of the fields whose values differ between the copies (the first copy's value is kept).
 * @internal
 */
export function addRow(tables: HsdsTables, table: HsdsTableName, fields: Record<string, unknown>, at: Locator): string[] {
  const id = fields.id as string;
  let byId = tables.get(table);
  if (!byId) tables.set(table, (byId = new Map()));
  const existing = byId.get(id);
  if (!existing) {
    const own: Record<string, unknown> = {};
    for (const key of Object.keys(fields)) setOwn(own, key, fields[key]);
    byId.set(id, { table, id, fields: own, at });
    return [];
  }
  const differing: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (!Object.hasOwn(existing.fields, key)) setOwn(existing.fields, key, value);
    else if (JSON.stringify(existing.fields[key]) !== JSON.stringify(value)) differing.push(key);
  }
  return differing;
}

/** Finds the rows of a table whose `key` column names an owner (and, for attributes and metadata, its table). @internal */
export type ChildFinder = (relation: HsdsRelation, owner: HsdsRow) => HsdsRow[];

/** Indexes every table by its key columns once (by table, column and owner table, then id), so that finding children is a lookup. @internal */
export function childFinder(tables: HsdsTables): ChildFinder {
  const index = new Map<string, Map<string, HsdsRow[]>>();
  for (const [table, rows] of tables) {
    const entity = ENTITY_COLUMN[table];
    const keys = [...TABLE[table].foreignKeys.map(([field]) => field), ...(entity ? [entity === "link_entity" ? "link_id" : "resource_id"] : [])];
    for (const row of rows.values()) {
      for (const key of keys) {
        const value = row.fields[key];
        if (typeof value !== "string") continue;
        const slot = `${table}\u0000${key}\u0000${entity ? String(row.fields[entity]) : ""}`;
        let byId = index.get(slot);
        if (!byId) index.set(slot, (byId = new Map()));
        const list = byId.get(value);
        if (list) list.push(row);
        else byId.set(value, [row]);
      }
    }
  }
  return (relation, owner) => {
    const entity = ENTITY_COLUMN[relation.table] ? owner.table : "";
    return index.get(`${relation.table}\u0000${relation.key}\u0000${entity}`)?.get(owner.id) ?? [];
  };
}

/** Options of {@link nestRow}. @internal */
export interface NestOptions {
  /** Embed the records a row names (a service's organization, a service-at-location's location), as the JSON form does. */
  embed: boolean;
  /** Nested properties to leave out at the top level. */
  omit?: readonly string[];
}

/**
 * The JSON form's object for a row: its fields and its nested records. A nested record loses its key columns
 * (where it is says whose it is). Lists of other records (an organization's services) are never nested.
 * @internal
 */
export function nestRow(tables: HsdsTables, find: ChildFinder, row: HsdsRow, options: NestOptions, ownerKey?: string): Record<string, unknown> {
  const relations = relationsOf(row.table).filter((r) => !options.omit?.includes(r.property) && !(r.record && !r.one));
  const embedded = relations.filter((r) => r.one && (options.embed || !r.record) && rowOf(tables, r.table, row.fields[r.key]));
  // A nested record's links are its place in the tree: its key columns go, except those naming a record not embedded.
  const linked = relations.filter((r) => r.one && !embedded.includes(r)).map((r) => r.key);
  const keys = ownerKey ? [ownerKey, ENTITY_COLUMN[row.table], ...TABLE[row.table].foreignKeys.map(([k]) => k).filter((k) => !linked.includes(k))] : [];
  const drop = new Set<string | undefined>([...embedded.map((r) => r.key), ...keys]);
  const out: Record<string, unknown> = {};
  for (const f of TABLE[row.table].fields) if (Object.hasOwn(row.fields, f.name) && !drop.has(f.name)) out[f.name] = row.fields[f.name];
  for (const [key, value] of Object.entries(row.fields)) if (!Object.hasOwn(out, key) && !drop.has(key)) setOwn(out, key, value);
  const inner: NestOptions = { embed: options.embed };
  for (const r of relations) {
    if (r.one) {
      if (embedded.includes(r)) out[r.property] = nestRow(tables, find, rowOf(tables, r.table, row.fields[r.key])!, inner);
    } else {
      const children = find(r, row);
      if (children.length > 0) out[r.property] = children.map((child) => nestRow(tables, find, child, inner, r.key));
    }
  }
  return out;
}

/** The path of a field of a row: `[file, line, column]` for CSV, the JSON path otherwise. @internal */
export function pathAt(at: Locator, column?: string): (string | number)[] {
  const base = "file" in at ? [at.file, at.line] : at.path;
  return column === undefined ? [...base] : [...base, column];
}

/** How a message names a place: `services.csv line 2, column status`, or a JSON Pointer such as `/0/status`. @internal */
export function describeAt(at: Locator, column?: string): string {
  if ("file" in at) return `${at.file} line ${at.line}${column === undefined ? "" : `, column ${column}`}`;
  return `at ${toPointer(pathAt(at, column)) || "the top level"}`;
}

/** An issue about a row (and one of its fields). @internal */
export function rowIssue(at: Locator, column: string | undefined, code: string, message: string, severity: Issue["severity"]): Issue {
  const path = pathAt(at, column);
  return { code, path, pointer: toPointer(path), message: `${describeAt(at, column)}: ${message}`, severity };
}
