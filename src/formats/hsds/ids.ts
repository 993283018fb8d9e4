/**
 * HSDS identifiers
 * ================
 * HSDS 3 requires every `id` to be a UUID (RFC 4122). govgraph ids are free strings, so `toHsds` writes a
 * govgraph id that is not a UUID as a name-based UUID (version 5, in govgraph's own namespace) and carries the
 * original in an HSDS attribute of the "govgraph record keys" taxonomy, which `fromHsds` reads back.
 * See docs/hsds.md, "Identifiers".
 * @module
 */
import { parse, v5 } from "uuid";

/** The namespace of govgraph's name-based UUIDs: `v5("https://govgraph.dev/hsds", URL namespace)`. @internal */
export const GOVGRAPH_UUID_NAMESPACE = "56f71236-000b-5ac3-bc08-13bff5798caa";

/** The taxonomy whose terms are the model's functions (term `code` = function id). @internal */
export const FUNCTIONS_TAXONOMY = { id: "afec0270-d98a-5ac8-82b0-cae1a3810f7a", name: "govgraph functions" } as const;
/** The taxonomy whose terms are the model's segments, the audiences of services (term `code` = segment id). @internal */
export const AUDIENCES_TAXONOMY = { id: "93f67a04-4a9a-5e7c-8ce5-e4116f34e4cf", name: "govgraph audiences" } as const;
/** The taxonomy of the two terms below, which carry what HSDS has no field for. @internal */
export const RECORD_KEYS_TAXONOMY = { id: "c55311b4-99af-5691-aa62-d1fc33b88424", name: "govgraph record keys" } as const;
/** An attribute with this term carries, in `value`, the govgraph id of the record it is linked to. @internal */
export const ID_TERM = { id: "3e680f7f-7c1b-5856-bc76-1cba062a5535", code: "id", name: "govgraph id" } as const;
/** An attribute with this term on a required document says the government reuses the document (once-only). @internal */
export const REUSED_TERM = { id: "4f45eca6-cf21-5bdd-90a5-fb0409d977a1", code: "reused", name: "reused evidence" } as const;

const NAMESPACE_BYTES = parse(GOVGRAPH_UUID_NAMESPACE); // parsed once: v5 would parse a string namespace on every call
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID in its canonical text form. @internal */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A name-based UUID for the parts (a table name and the ids that make a record unique). @internal */
export function nameUuid(...parts: string[]): string {
  return v5(JSON.stringify(parts), NAMESPACE_BYTES);
}

/** The id `fromHsds` gives the region of a service area that carries no govgraph id: from its name, else its own id. @internal */
export function derivedRegionId(name: string | undefined, areaId: string): string {
  return nameUuid("region", name ?? areaId);
}

/** The id `fromHsds` gives the evidence type of a required document that carries no govgraph id: from its text. @internal */
export function derivedEvidenceId(document: string): string {
  return nameUuid("evidence", document);
}

/** The HSDS id of a govgraph record: its own id when that is a UUID, else a name-based UUID of it. @internal */
export function hsdsId(table: string, id: string): string {
  return isUuid(id) ? id : nameUuid(table, id);
}
