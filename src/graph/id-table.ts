import { GovGraphError } from "../errors.js";
import type { Csr } from "./csr.js";
import { int32s, uint32s } from "../typed-arrays.js";

/** Ids of one collection mapped to dense integers `0..n-1`, in the collection's order. */
export interface IdTable {
  /** The id at each dense index. */
  readonly ids: readonly string[];
  /** The dense index of each id. */
  readonly of: ReadonlyMap<string, number>;
}

/** The id tables of frozen collections: an edited model shares its unchanged collections, and so their tables. */
const tables = new WeakMap<readonly { id: string }[], IdTable>();

/** The id table of a collection's records (built once for a frozen array, which cannot change). @internal */
export function idTable(records: readonly { id: string }[]): IdTable {
  const known = tables.get(records);
  if (known) return known;
  const table = buildIdTable(records);
  if (Object.isFrozen(records)) tables.set(records, table);
  return table;
}

/**
 * Records that the frozen `next` holds the same ids at the same positions as the frozen `base` (an edit that changed
 * other fields only), so that `next` shares `base`'s table. @internal
 */
export function shareIdTable(next: readonly { id: string }[], base: readonly { id: string }[]): void {
  if (next !== base && Object.isFrozen(next) && Object.isFrozen(base) && next.length === base.length) tables.set(next, idTable(base));
}

/**
 * Records the table that validation built while reading the frozen `records` (their ids in order, and the position
 * of each), so that the index does not build it again. @internal
 */
export function adoptIdTable(records: readonly { id: string }[], ids: readonly string[], of: ReadonlyMap<string, number>): void {
  if (Object.isFrozen(records) && ids.length === records.length && of.size === records.length) tables.set(records, { ids, of });
}

function buildIdTable(records: readonly { id: string }[]): IdTable {
  const ids = new Array<string>(records.length);
  const of = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    const id = records[i]!.id;
    ids[i] = id;
    of.set(id, i);
  }
  return { ids, of };
}

/**
 * Throws the `invalid_model` error of a reference to an unknown id, at `collection[i].field[k]subfield`.
 * The message is built only on failure: building it for every lookup would cost more than the lookup.
 * @internal
 */
export function unknownId(id: string, collection: string, i: number, field: string, k = -1, subfield = ""): never {
  const where = `${collection}[${i}].${field}${k >= 0 ? `[${k}]` : ""}${subfield}`;
  throw new GovGraphError("invalid_model", `indexModel: ${where} refers to unknown id "${id}". Run validateModel first.`);
}

/** The dense index of a referenced id; `collection[i].field` names the reference in errors. @internal */
export function lookup(table: IdTable, id: string, collection: string, i: number, field: string): number {
  const at = table.of.get(id);
  return at === undefined ? unknownId(id, collection, i, field) : at;
}

/** Each record's reference in `field` as a dense index of `table`, -1 where the record has none. @internal */
export function referenceColumn<R>(records: readonly R[], reference: (record: R) => string | undefined, table: IdTable, collection: string, field: string): Int32Array {
  const out = int32s(records.length);
  for (let i = 0; i < records.length; i++) {
    const id = reference(records[i]!);
    out[i] = id === undefined ? -1 : lookup(table, id, collection, i, field);
  }
  return out;
}

/** A row-ordered relation from a list field of each record (records in order), in one pass. @internal */
export function listRelation<R>(
  records: readonly R[],
  list: (record: R) => readonly string[] | undefined,
  table: IdTable,
  collection: string,
  field: string,
): Csr {
  const n = records.length;
  const offsets = uint32s(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + (list(records[i]!)?.length ?? 0);
  const targets = uint32s(offsets[n]!);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const ids = list(records[i]!);
    if (ids === undefined) continue;
    fill(ids, table, targets, at, collection, i, field);
    at += ids.length;
  }
  return { offsets, targets };
}

/** Writes the dense indexes of `ids` into `targets` from `at`; `collection[i].field` names the list in errors. @internal */
export function fill(ids: readonly string[], table: IdTable, targets: Uint32Array, at: number, collection: string, i: number, field: string): void {
  const of = table.of;
  for (let k = 0; k < ids.length; k++) {
    const t = of.get(ids[k]!);
    targets[at + k] = t === undefined ? unknownId(ids[k]!, collection, i, field, k) : t;
  }
}
