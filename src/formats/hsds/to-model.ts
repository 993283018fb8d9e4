/**
 * HSDS rows to a model
 * ====================
 * Maps HSDS rows onto govgraph records: organizations as departments (under one root region, their jurisdiction),
 * services, locations as service points, taxonomy terms as functions, the govgraph audience terms as segments.
 * The mapping table is in docs/hsds.md.
 * @module
 */
import type { Issue } from "../../errors.js";
import type { ModelInput } from "../../schemas/model.js";
import { AUDIENCES_TAXONOMY, FUNCTIONS_TAXONOMY } from "./ids.js";
import { attributesOf, carriedId, keptOf, nameOf, termRole, text, type MapContext } from "./map-context.js";
import { relationsOf, type HsdsTableName } from "./schema.js";
import { childFinder, rowIssue, rowOf, rowsOf, type HsdsRow, type HsdsTables } from "./tables.js";
import { mapServices } from "./to-model-services.js";

/** Gives each row of a table its govgraph id: the carried one, else its HSDS id; a repeated id is an error. */
function assignIds(ctx: MapContext, table: HsdsTableName): void {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const row of rowsOf(ctx.tables, table)) {
    let id = carriedId(ctx, row) ?? row.id;
    if (used.has(id)) {
      ctx.issues.push(rowIssue(row.at, "id", "duplicate_id", `${table} "${row.id}" carries the govgraph id "${id}" of an earlier ${table}; its HSDS id is used`, "error"));
      id = row.id;
    }
    used.add(id);
    ids.set(row.id, id);
  }
  ctx.ids.set(table, ids);
}

/** The model the HSDS rows describe (not validated yet). @internal */
export function tablesToModel(tables: HsdsTables, issues: Issue[], root: { id: string; name: string }): ModelInput {
  const ctx: MapContext = { tables, find: childFinder(tables), issues, rootRegionId: root.id, ids: new Map() };
  for (const table of ["organization", "service", "location"] as const) assignIds(ctx, table);
  const departments = mapDepartments(ctx);
  const functions = new Map<string, Record<string, unknown>>();
  const segments = new Map<string, Record<string, unknown>>();
  for (const term of rowsOf(tables, "taxonomy_term")) {
    const role = termRole(term);
    if (role.kind !== "function" && role.kind !== "segment") continue;
    const target = role.kind === "function" ? functions : segments;
    if (target.has(role.id)) continue;
    const name = text(term, "name") ?? text(term, "code") ?? term.id;
    const description = text(term, "description");
    const own = term.fields.taxonomy_id === FUNCTIONS_TAXONOMY.id || term.fields.taxonomy_id === AUDIENCES_TAXONOMY.id;
    const record: Record<string, unknown> = { id: role.id, name };
    if (description !== undefined && description !== name) record.description = description;
    const attributes = own ? undefined : keptOf(ctx, term, ["id", "name", "description"]);
    if (attributes) record.attributes = attributes;
    target.set(role.id, record);
  }
  const assignments = mapAssignments(ctx);
  const { services, evidence, regions, placeholders } = mapServices(ctx);
  const servicePoints = mapPoints(ctx);
  return {
    schemaVersion: 1,
    meta: { name: root.name, source: "Open Referral HSDS 3.1" },
    regions: [{ id: root.id, name: root.name, level: "catalogue" }, ...regions],
    segments: [...segments.values()],
    departments: [...departments, ...placeholders],
    functions: [...functions.values()],
    assignments,
    services,
    evidence,
    servicePoints,
  } as ModelInput;
}

function mapDepartments(ctx: MapContext): Record<string, unknown>[] {
  const ids = ctx.ids.get("organization")!;
  const departments = rowsOf(ctx.tables, "organization").map((row) => {
    const department: Record<string, unknown> = { id: ids.get(row.id), name: nameOf(ctx, row, "organization"), regionId: ctx.rootRegionId };
    const parent = rowOf(ctx.tables, "organization", row.fields.parent_organization_id);
    if (parent) department.parentId = ids.get(parent.id);
    const identifiers = ctx.find(relationsOf("organization").find((r) => r.property === "organization_identifiers")!, row).flatMap((r) => {
      const scheme = text(r, "identifier_scheme") ?? text(r, "identifier_type");
      const id = text(r, "identifier");
      return scheme && id ? [{ scheme, id }] : [];
    });
    if (identifiers.length > 0) department.identifiers = identifiers;
    const mapped = ["id", "name", "organization_identifiers", "attributes", ...(parent ? ["parent_organization_id"] : [])];
    const attributes = keptOf(ctx, row, mapped);
    if (attributes) department.attributes = attributes;
    return department;
  });
  breakCycles(ctx, departments);
  return departments;
}

/** Cuts the supervision link that closes a cycle of parent organizations, with an error. */
function breakCycles(ctx: MapContext, departments: Record<string, unknown>[]): void {
  const byId = new Map(departments.map((d) => [d.id as string, d]));
  const state = new Map<string, 1 | 2>();
  const rows = rowsOf(ctx.tables, "organization");
  for (const start of departments) {
    const walk: Record<string, unknown>[] = [];
    for (let d: Record<string, unknown> | undefined = start; d && !state.has(d.id as string); d = byId.get(d.parentId as string)) {
      state.set(d.id as string, 1);
      walk.push(d);
    }
    const last = walk.at(-1);
    if (last && state.get(byId.get(last.parentId as string)?.id as string) === 1) {
      const row = rows[departments.indexOf(last)]!;
      ctx.issues.push(rowIssue(row.at, "parent_organization_id", "cycle", `organization "${row.id}" closes a cycle of parent organizations; that link is left out`, "error"));
      delete last.parentId;
    }
    for (const d of walk) state.set(d.id as string, 2);
  }
}

function mapAssignments(ctx: MapContext): Record<string, unknown>[] {
  const ids = ctx.ids.get("organization")!;
  const seen = new Set<string>();
  const assignments: Record<string, unknown>[] = [];
  for (const row of rowsOf(ctx.tables, "organization")) {
    for (const { attribute, term } of attributesOf(ctx, row)) {
      const role = termRole(term);
      if (role.kind !== "function" || seen.has(`${row.id}\u0000${role.id}`)) continue;
      seen.add(`${row.id}\u0000${role.id}`);
      assignments.push({ departmentId: ids.get(row.id), functionId: role.id, role: text(attribute, "value") === "support" ? "support" : "lead" });
    }
  }
  return assignments;
}

function mapPoints(ctx: MapContext): Record<string, unknown>[] {
  const ids = ctx.ids.get("location")!;
  const serviceIds = ctx.ids.get("service")!;
  const offered = relationsOf("service").find((r) => r.property === "service_at_locations")!;
  const atLocation = { ...offered, key: "location_id" };
  return rowsOf(ctx.tables, "location").map((row) => {
    const address = ctx.find(relationsOf("location").find((r) => r.property === "addresses")!, row)[0];
    const name = text(row, "name") ?? text(row, "alternate_name") ?? (address && text(address, "address_1")) ?? `Location ${row.id}`;
    const services = ctx.find(atLocation, row).flatMap((sal) => (rowOf(ctx.tables, "service", sal.fields.service_id) ? [serviceIds.get(sal.fields.service_id as string)!] : []));
    const point: Record<string, unknown> = { id: ids.get(row.id), name, regionId: ctx.rootRegionId, serviceIds: [...new Set(services)].sort() };
    const location = coordinates(ctx, row);
    if (location) point.location = location;
    const attributes = keptOf(ctx, row, ["id", "name", ...(location ? ["latitude", "longitude"] : [])]);
    if (attributes) point.attributes = attributes;
    return point;
  });
}

function coordinates(ctx: MapContext, row: HsdsRow): { lat: number; lon: number } | undefined {
  const { latitude, longitude } = row.fields;
  if (latitude === undefined && longitude === undefined) return undefined;
  const lat = typeof latitude === "string" ? Number(latitude) : latitude;
  const lon = typeof longitude === "string" ? Number(longitude) : longitude;
  if (typeof lat === "number" && typeof lon === "number" && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) return { lat, lon };
  const found = `latitude ${JSON.stringify(latitude ?? null)}, longitude ${JSON.stringify(longitude ?? null)}`;
  ctx.issues.push(rowIssue(row.at, "latitude", "invalid_coordinates", `${found} is not a point on the Earth; kept as attributes, not as the point's location`, "warning"));
  return undefined;
}
