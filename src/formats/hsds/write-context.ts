/**
 * Writing context
 * ===============
 * What writing a model as HSDS rows shares: the rows, the term of each function, and the small writers of rows,
 * attribute links, carried ids and kept HSDS data.
 * @module
 */
import { GovGraphError, type Issue } from "../../errors.js";
import type { Attributes } from "../../schemas/common.js";
import type { Model } from "../../schemas/model.js";
import { flattenObject } from "./flatten.js";
import { ID_TERM, nameUuid, REUSED_TERM } from "./ids.js";
import { readKept, type KeptData } from "./kept.js";
import type { HsdsTableName } from "./schema.js";
import { addRow, type HsdsTables } from "./tables.js";

/** What writing one model shares. @internal */
export interface WriteContext {
  fn: string;
  model: Model;
  tables: HsdsTables;
  issues: Issue[];
  /** The taxonomy term id of each function. */
  functionTerms: Map<string, string>;
  /** Whether the `govgraph id` and `reused evidence` terms were used. */
  used: Set<string>;
}

/** Adds a row the writer built (a later copy of a row with the same id adds nothing). @internal */
export function put(ctx: WriteContext, table: HsdsTableName, fields: Record<string, unknown>): void {
  addRow(ctx.tables, table, fields, { path: [] });
}

/** Links a taxonomy term to a record through an attribute row. @internal */
export function link(ctx: WriteContext, entity: HsdsTableName, hsds: string, termId: string, key: string[], value?: string): void {
  const row: Record<string, unknown> = { id: nameUuid("attribute", entity, hsds, ...key), link_id: hsds, taxonomy_term_id: termId, link_entity: entity };
  if (value !== undefined) row.value = value;
  if (termId === ID_TERM.id || termId === REUSED_TERM.id) ctx.used.add(termId);
  put(ctx, "attribute", row);
}

/** Carries a govgraph id the importer would not derive from the HSDS record. @internal */
export function carryId(ctx: WriteContext, entity: HsdsTableName, hsds: string, id: string, derived: string): void {
  if (id !== derived) link(ctx, entity, hsds, ID_TERM.id, ["id"], id);
}

/** The kept data of a record, read back from its attributes. @internal */
export function kept(ctx: WriteContext, table: HsdsTableName, label: string, attributes: Attributes | undefined): KeptData {
  return readKept(ctx.fn, table, label, attributes);
}

/**
 * Adds the kept nested objects of a record as rows linked to it (and returns the fields naming the ones it links
 * to, such as a service's `program_id`). Throws `invalid_model` when one cannot be read.
 * @internal
 */
export function attach(ctx: WriteContext, owner: { table: HsdsTableName; id: string }, data: KeptData, path: (string | number)[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const { relation, value } of data.nested) {
    const at = [...path, "attributes", `hsds.${relation.property}`];
    if (relation.one) {
      const id = flattenObject(ctx.tables, ctx.issues, relation.table, value, at);
      if (id !== undefined) fields[relation.key] = id;
    } else {
      (value as unknown[]).forEach((item, i) => flattenObject(ctx.tables, ctx.issues, relation.table, item, [...at, i], { ...owner, key: relation.key }));
    }
  }
  const error = ctx.issues.find((i) => i.severity === "error");
  if (error) throw new GovGraphError("invalid_model", `${ctx.fn}: ${error.message}. Fix or remove that attribute.`, { issues: ctx.issues });
  return fields;
}
