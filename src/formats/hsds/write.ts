/**
 * HSDS writers
 * ============
 * Rows out as HSDS's two forms: the tabular data package (one RFC 4180 CSV file per table, written by
 * `formats/csv-write.ts`, headers exactly as HSDS 3.1's descriptor lists the fields, and a `datapackage.json`), and
 * the JSON form (`service_full` objects, then the organizations and the locations no service is offered at).
 * @module
 */
import type { ModelMeta } from "../../schemas/model.js";
import { formatCsvRecord } from "../csv-write.js";
import { HSDS_TABLES, type HsdsTable } from "./schema.js";
import { childFinder, nestRow, rowOf, rowsOf, type HsdsTables } from "./tables.js";

/** The tables the tabular form writes: every HSDS 3.1 table whose descriptor lists an `id` field. */
export const HSDS_WRITTEN_TABLES: readonly HsdsTable[] = HSDS_TABLES.filter((t) => t.fields.some((f) => f.name === "id"));

const cell = (value: unknown): string => (value === undefined || value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value));

/** One table as CSV: the descriptor's fields as the header, CRLF line ends, quotes only where needed. @internal */
export function tableCsv(table: HsdsTable, tables: HsdsTables): string {
  const fields = table.fields.map((f) => f.name);
  let text = formatCsvRecord(fields);
  for (const row of rowsOf(tables, table.name)) text += formatCsvRecord(fields.map((f) => cell(row.fields[f])));
  return text;
}

/** The `datapackage.json` describing the written tables as HSDS 3.1 does (without its prose). @internal */
export function dataPackage(meta: ModelMeta | undefined): Record<string, unknown> {
  const descriptor: Record<string, unknown> = {
    name: "human_services_data",
    title: meta?.name ?? "govgraph model",
    description: "Open Referral Human Services Data Specification 3.1 tables, written by govgraph.",
    profile: "tabular-data-package",
  };
  if (meta?.license) descriptor.licenses = [{ title: meta.license }];
  descriptor.resources = HSDS_WRITTEN_TABLES.map((t) => ({
    name: t.name,
    path: t.path,
    format: "csv",
    mediatype: "text/csv",
    profile: "tabular-data-resource",
    schema: {
      fields: t.fields.map((f) => ({
        name: f.name,
        type: f.type,
        ...(f.format ? { format: f.format } : {}),
        constraints: { required: f.required, unique: f.unique, ...(f.enum ? { enum: f.enum } : {}) },
      })),
      primaryKey: "id",
      ...(t.foreignKeys.length > 0 ? { foreignKeys: t.foreignKeys.map(([field, resource]) => ({ fields: field, reference: { resource, fields: "id" } })) } : {}),
    },
  }));
  return descriptor;
}

/** The tabular data package: `datapackage.json` first, then one CSV file per table in the descriptor's order. @internal */
export function tablesToCsv(tables: HsdsTables, meta: ModelMeta | undefined): Record<string, string> {
  const files: Record<string, string> = { "datapackage.json": JSON.stringify(dataPackage(meta), null, 2) + "\n" };
  for (const table of HSDS_WRITTEN_TABLES) files[table.path] = tableCsv(table, tables);
  return files;
}

/**
 * The JSON form: a `service_full` object per service (its organization embedded without its attributes, each
 * service-at-location with its location), then each organization with its attributes and identifiers, then the
 * locations that offer no service.
 * @internal
 */
export function tablesToJson(tables: HsdsTables): Record<string, unknown>[] {
  const find = childFinder(tables);
  // A service embeds its organization without the functions it holds (those come with the organization itself).
  const embedded = new Map<string, Record<string, unknown>>();
  const services = rowsOf(tables, "service").map((row) => {
    const { organization_id: organizationId, ...service } = nestRow(tables, find, row, { embed: true, omit: ["organization"] });
    const organization = rowOf(tables, "organization", organizationId);
    if (!organization) return { ...service, ...(organizationId === undefined ? {} : { organization_id: organizationId }) };
    if (!embedded.has(organization.id)) embedded.set(organization.id, nestRow(tables, find, organization, { embed: true, omit: ["attributes"] }));
    return { ...service, organization: embedded.get(organization.id) };
  });
  const organizations = rowsOf(tables, "organization").map((row) => nestRow(tables, find, row, { embed: true }));
  const offered = new Set(rowsOf(tables, "service_at_location").map((r) => r.fields.location_id));
  const locations = rowsOf(tables, "location").filter((r) => !offered.has(r.id)).map((row) => nestRow(tables, find, row, { embed: true }));
  return [...services, ...organizations, ...locations];
}
