/**
 * Model services to HSDS rows
 * ===========================
 * Each service as an HSDS service of its department's organization: its status, the functions it carries out
 * and its audiences as attributes, its regions as service areas, its evidence as required documents, its fee as
 * a cost option, and one service-at-location row per service point offering it.
 * @module
 */
import type { Model } from "../../schemas/model.js";
import { derivedEvidenceId, derivedRegionId, hsdsId, nameUuid, REUSED_TERM } from "./ids.js";
import type { KeptData } from "./kept.js";
import { relationsOf } from "./schema.js";
import { STATUS_FROM_HSDS } from "./to-model-services.js";
import { attach, carryId, kept, link, put, type WriteContext } from "./write-context.js";

type Service = Model["services"][number];
type Rec = Record<string, unknown>;

const STATUS_TO_HSDS = { active: "active", planned: "inactive", retired: "defunct" } as const;
const SERVICE_AT_LOCATIONS = relationsOf("service").find((r) => r.property === "service_at_locations")!;
const COST_OPTIONS = relationsOf("service").find((r) => r.property === "cost_options")!;

/** The rows of every service. @internal */
export function writeServices(ctx: WriteContext): void {
  const regions = new Map(ctx.model.regions.map((r) => [r.id as string, r]));
  const evidence = new Map(ctx.model.evidence.map((e) => [e.id as string, e]));
  const points = new Map<string, string[]>();
  for (const p of ctx.model.servicePoints) for (const s of p.serviceIds) points.get(s)?.push(p.id) ?? points.set(s, [p.id]);
  for (const s of ctx.model.services) {
    const id = hsdsId("service", s.id);
    const path = ["services", s.id];
    const data = kept(ctx, "service", `service "${s.id}"`, s.attributes);
    const sals = take(data, "service_at_locations");
    const costs = take(data, "cost_options");
    const status = STATUS_FROM_HSDS[String(data.fields.status).toLowerCase()] === (s.status ?? "active") ? data.fields.status : STATUS_TO_HSDS[s.status ?? "active"];
    const fields: Rec = { ...data.fields, id, organization_id: hsdsId("organization", s.departmentId), name: s.name, status };
    if (s.description !== undefined) fields.description = s.description;
    put(ctx, "service", { ...fields, ...attach(ctx, { table: "service", id }, data, path) });
    carryId(ctx, "service", id, s.id, id);
    for (const f of s.functionIds) link(ctx, "service", id, ctx.functionTerms.get(f)!, ["function", f]);
    for (const g of s.segmentIds) link(ctx, "service", id, nameUuid("taxonomy_term", "audience", g), ["audience", g]);
    for (const r of s.regionIds ?? []) {
      const region = regions.get(r)!;
      const area = kept(ctx, "service_area", `region "${r}"`, region.attributes);
      const areaId = nameUuid("service_area", s.id, r);
      put(ctx, "service_area", { ...area.fields, id: areaId, service_id: id, name: region.name });
      carryId(ctx, "service_area", areaId, r, derivedRegionId(region.name, areaId));
    }
    for (const e of s.evidence ?? []) {
      const type = evidence.get(e.evidenceId)!;
      const doc = kept(ctx, "required_document", `evidence type "${e.evidenceId}"`, type.attributes);
      const docId = nameUuid("required_document", s.id, e.evidenceId);
      put(ctx, "required_document", { ...doc.fields, id: docId, service_id: id, document: type.name });
      carryId(ctx, "required_document", docId, e.evidenceId, derivedEvidenceId(type.name));
      if (e.source === "reused") link(ctx, "required_document", docId, REUSED_TERM.id, ["reused"]);
    }
    writeCosts(ctx, s, id, costs, path);
    const offered = (points.get(s.id) ?? []).map((p) => {
      const location = hsdsId("location", p);
      const before = sals.find((x) => (x as Rec).location_id === location) as Rec | undefined;
      return { ...(before ?? { id: nameUuid("service_at_location", s.id, p) }), location_id: location };
    });
    if (offered.length > 0) attach(ctx, { table: "service", id }, { fields: {}, nested: [{ relation: SERVICE_AT_LOCATIONS, value: offered }] }, path);
  }
}

/** Takes one nested property out of the kept data (so that it is written by the caller, not as it was read). */
function take(data: KeptData, property: string): unknown[] {
  const i = data.nested.findIndex((n) => n.relation.property === property);
  if (i < 0) return [];
  const [taken] = data.nested.splice(i, 1);
  return taken!.value as unknown[];
}

/** The service's cost options as read when their lowest amount is still the fee; else one cost option of the fee. */
function writeCosts(ctx: WriteContext, s: Service, id: string, costs: unknown[], path: string[]): void {
  const amounts = costs.map((c) => (c as Rec).amount).filter((a): a is number => typeof a === "number" && Number.isFinite(a) && a >= 0);
  const same = amounts.length > 0 ? Math.min(...amounts) === s.fee : s.fee === undefined;
  const value = same ? costs : s.fee === undefined ? [] : [{ id: nameUuid("cost_option", s.id), amount: s.fee }];
  if (value.length === 0) return;
  attach(ctx, { table: "service", id }, { fields: {}, nested: [{ relation: COST_OPTIONS, value }] }, path);
}
