/**
 * HSDS services to model services
 * ===============================
 * Maps each HSDS service onto a govgraph service: its organization as the competent department, its status, its
 * taxonomy terms as functions and audiences, its service areas as regions, its required documents as evidence
 * types, its cost options as the fee, and the kinds of location it is offered at as channels.
 * @module
 */
import { compareIds } from "../../model/records.js";
import { derivedEvidenceId, derivedRegionId, REUSED_TERM } from "./ids.js";
import { keepAttributes } from "./kept.js";
import { relationsOf, type HsdsRelation } from "./schema.js";
import { nestRow, rowIssue, rowOf, type HsdsRow } from "./tables.js";
import { attributesOf, carriedId, keptOf, nameOf, termRole, text, type MapContext } from "./map-context.js";

/** An HSDS service status and the govgraph status it maps to (HSDS requires one of the four). @internal */
export const STATUS_FROM_HSDS: Readonly<Record<string, "active" | "planned" | "retired">> = {
  active: "active",
  inactive: "planned",
  "temporarily closed": "planned",
  defunct: "retired",
};

const relation = (property: string): HsdsRelation => relationsOf("service").find((r) => r.property === property)!;
const areasAtLocation = relationsOf("service_at_location").find((r) => r.property === "service_areas")!;

type Rec = Record<string, unknown>;

/** The services, and the evidence types, regions and placeholder departments they bring. @internal */
export function mapServices(ctx: MapContext): { services: Rec[]; evidence: Rec[]; regions: Rec[]; placeholders: Rec[] } {
  const evidence = new Map<string, Rec>();
  const regions = new Map<string, Rec>();
  const placeholders = new Map<string, Rec>();
  const ids = ctx.ids.get("service")!;
  const services = [...(ctx.tables.get("service")?.values() ?? [])].map((row) => {
    const service: Rec = { id: ids.get(row.id), name: nameOf(ctx, row, "service"), departmentId: departmentOf(ctx, row, placeholders) };
    const description = text(row, "description");
    if (description !== undefined) service.description = description;
    const keepStatus = status(ctx, row, service);
    const functionIds = new Set<string>();
    const segmentIds = new Set<string>();
    for (const { term } of attributesOf(ctx, row)) {
      const role = termRole(term);
      if (role.kind === "function") functionIds.add(role.id);
      if (role.kind === "segment") segmentIds.add(role.id);
    }
    service.functionIds = [...functionIds].sort(compareIds);
    service.segmentIds = [...segmentIds].sort(compareIds);
    const regionIds = serviceAreas(ctx, row, regions);
    if (regionIds.length > 0) service.regionIds = regionIds;
    const requirements = requiredDocuments(ctx, row, evidence);
    if (requirements.length > 0) service.evidence = requirements;
    const amounts = ctx.find(relation("cost_options"), row).map((c) => c.fields.amount);
    const fees = amounts.filter((a): a is number => typeof a === "number" && Number.isFinite(a) && a >= 0);
    if (fees.length > 0) service.fee = Math.min(...fees);
    service.channels = channels(ctx, row);
    const nested = nestRow(ctx.tables, ctx.find, row, { embed: false, omit: ["attributes", "service_areas", "required_documents"] });
    for (const sal of (nested.service_at_locations ?? []) as Rec[]) delete sal.service_areas;
    const attributes = keepAttributes(nested, ["id", "name", "description", "organization_id", ...(keepStatus ? [] : ["status"])]);
    if (Object.keys(attributes).length > 0) service.attributes = attributes;
    return service;
  });
  return { services, evidence: [...evidence.values()], regions: [...regions.values()], placeholders: [...placeholders.values()] };
}

/** The service's department: its organization's, or a placeholder department (kind `placeholder`) with an error. */
function departmentOf(ctx: MapContext, row: HsdsRow, placeholders: Map<string, Rec>): string {
  const named = row.fields.organization_id;
  const organization = rowOf(ctx.tables, "organization", named);
  if (organization) return ctx.ids.get("organization")!.get(organization.id)!;
  // An unknown organization id was reported by checkReferences; a missing one is reported here.
  if (named === undefined) ctx.issues.push(rowIssue(row.at, "organization_id", "missing_value", `service "${row.id}" names no organization; it is given a placeholder department`, "error"));
  const id = named === undefined ? "unknown-organization" : `unknown-organization:${String(named)}`;
  if (!placeholders.has(id)) {
    const name = named === undefined ? "Unknown organization" : `Unknown organization ${String(named)}`;
    placeholders.set(id, { id, name, regionId: ctx.rootRegionId, kind: "placeholder" });
  }
  return id;
}

/** Sets the service's status; returns whether the HSDS status must be kept as an attribute to be written back. */
function status(ctx: MapContext, row: HsdsRow, service: Rec): boolean {
  const raw = text(row, "status");
  if (raw === undefined) {
    ctx.issues.push(rowIssue(row.at, "status", "missing_value", `service "${row.id}" has no status (HSDS requires one); it is taken as active`, "warning"));
    return false;
  }
  const mapped = STATUS_FROM_HSDS[raw.toLowerCase()];
  if (!mapped) {
    ctx.issues.push(rowIssue(row.at, "status", "unknown_status", `status "${raw}" is none of active, inactive, defunct, temporarily closed; the service is taken as active`, "warning"));
    return true;
  }
  service.status = mapped;
  return raw !== { active: "active", planned: "inactive", retired: "defunct" }[mapped];
}

/** The regions of the service's areas (and of the areas of its service-at-locations), added to `regions`. */
function serviceAreas(ctx: MapContext, row: HsdsRow, regions: Map<string, Rec>): string[] {
  const areas = ctx.find(relation("service_areas"), row);
  for (const sal of ctx.find(relation("service_at_locations"), row)) areas.push(...ctx.find(areasAtLocation, sal));
  const ids = new Set<string>();
  for (const area of areas) {
    const name = text(area, "name");
    const id = carriedId(ctx, area) ?? derivedRegionId(name, area.id);
    ids.add(id);
    if (id === ctx.rootRegionId || regions.has(id)) continue;
    const region: Rec = { id, name: name ?? text(area, "description") ?? "Service area", parentId: ctx.rootRegionId, level: "service_area" };
    const attributes = keptOf(ctx, area, ["id", "name", "service_id", "service_at_location_id", "attributes"]);
    if (attributes) region.attributes = attributes;
    regions.set(id, region);
  }
  return [...ids].sort(compareIds);
}

/** The service's evidence requirements from its required documents, each document text one evidence type. */
function requiredDocuments(ctx: MapContext, row: HsdsRow, evidence: Map<string, Rec>): Rec[] {
  const requirements = new Map<string, Rec>();
  for (const doc of ctx.find(relation("required_documents"), row)) {
    const document = text(doc, "document");
    if (document === undefined) {
      ctx.issues.push(rowIssue(doc.at, "document", "missing_value", `required document "${doc.id}" has no text; it is left out`, "warning"));
      continue;
    }
    const id = carriedId(ctx, doc) ?? derivedEvidenceId(document);
    if (!evidence.has(id)) {
      const type: Rec = { id, name: document };
      const attributes = keptOf(ctx, doc, ["id", "document", "service_id", "attributes"]);
      if (attributes) type.attributes = attributes;
      evidence.set(id, type);
    }
    const reused = attributesOf(ctx, doc).some(({ term }) => term.id === REUSED_TERM.id);
    if (!requirements.has(id)) requirements.set(id, { evidenceId: id, source: reused ? "reused" : "citizen" });
  }
  return [...requirements.values()].sort((a, b) => compareIds(a.evidenceId as string, b.evidenceId as string));
}

/** In person where the service is offered at a physical location, online at a virtual one, by mail at a postal one. */
function channels(ctx: MapContext, row: HsdsRow): Rec[] {
  const kinds = new Set<string>();
  for (const sal of ctx.find(relation("service_at_locations"), row)) {
    const location = rowOf(ctx.tables, "location", sal.fields.location_id);
    if (!location) continue;
    const type = text(location, "location_type");
    kinds.add(type === "virtual" ? "online" : type === "postal" ? "mail" : "in_person");
  }
  return ["in_person", "online", "mail"].filter((k) => kinds.has(k)).map((kind) => ({ kind }));
}
