/**
 * Mapping context
 * ===============
 * What the mapping of HSDS rows onto model records shares: the rows, the child index, the issues, the govgraph
 * id of each row, and the small readers of fields, attributes and taxonomy terms.
 * @module
 */
import type { Issue } from "../../errors.js";
import type { Attributes } from "../../schemas/common.js";
import { AUDIENCES_TAXONOMY, FUNCTIONS_TAXONOMY, ID_TERM, RECORD_KEYS_TAXONOMY, REUSED_TERM } from "./ids.js";
import { keepAttributes } from "./kept.js";
import { relationsOf, type HsdsTableName } from "./schema.js";
import { nestRow, rowIssue, rowOf, type ChildFinder, type HsdsRow, type HsdsTables } from "./tables.js";

/** What the mapping of one HSDS input shares. @internal */
export interface MapContext {
  tables: HsdsTables;
  find: ChildFinder;
  issues: Issue[];
  rootRegionId: string;
  /** The govgraph id of each organization, service and location row (by table, then HSDS id). */
  ids: Map<HsdsTableName, Map<string, string>>;
}

/** What a taxonomy term is to the model. @internal */
export type TermRole = { kind: "function" | "segment"; id: string } | { kind: "id" | "reused" | "none" };

/** A non-empty string field as written; a number as its text; anything else `undefined`. @internal */
export function text(row: HsdsRow, field: string): string | undefined {
  const value = row.fields[field];
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The attribute rows linked to a row, with their taxonomy term rows. @internal */
export function attributesOf(ctx: MapContext, row: HsdsRow): { attribute: HsdsRow; term: HsdsRow }[] {
  const relation = relationsOf(row.table).find((r) => r.property === "attributes")!;
  return ctx.find(relation, row).flatMap((attribute) => {
    const term = rowOf(ctx.tables, "taxonomy_term", attribute.fields.taxonomy_term_id);
    return term ? [{ attribute, term }] : [];
  });
}

/** Whether a term is a function, a segment, or one of govgraph's record keys. @internal */
export function termRole(term: HsdsRow): TermRole {
  if (term.id === ID_TERM.id) return { kind: "id" };
  if (term.id === REUSED_TERM.id) return { kind: "reused" };
  const taxonomy = term.fields.taxonomy_id;
  const code = text(term, "code");
  if (taxonomy === RECORD_KEYS_TAXONOMY.id) return { kind: "none" };
  if (taxonomy === AUDIENCES_TAXONOMY.id) return { kind: "segment", id: code ?? term.id };
  return { kind: "function", id: taxonomy === FUNCTIONS_TAXONOMY.id && code ? code : term.id };
}

/** The govgraph id an `ID_TERM` attribute gives a row, if any. @internal */
export function carriedId(ctx: MapContext, row: HsdsRow): string | undefined {
  const carried = attributesOf(ctx, row).find(({ term }) => term.id === ID_TERM.id);
  return carried ? text(carried.attribute, "value") : undefined;
}

/** The record's kept HSDS data, as attributes (undefined when there is none). @internal */
export function keptOf(ctx: MapContext, row: HsdsRow, mapped: readonly string[], omit: readonly string[] = []): Attributes | undefined {
  const nested = nestRow(ctx.tables, ctx.find, row, { embed: false, omit: [...mapped, ...omit] });
  const attributes = keepAttributes(nested, mapped);
  return Object.keys(attributes).length > 0 ? attributes : undefined;
}

/** The name of an organization or service, or its alternate name or id with an error when HSDS's required name is missing. @internal */
export function nameOf(ctx: MapContext, row: HsdsRow, what: string): string {
  const name = text(row, "name");
  if (name !== undefined) return name;
  const fallback = text(row, "alternate_name") ?? row.id;
  ctx.issues.push(rowIssue(row.at, "name", "missing_value", `the ${what} has no name; "${fallback}" is used`, "error"));
  return fallback;
}
