import { compareIds } from "../../model/records.js";
import type { Model } from "../../schemas/model.js";
import { T } from "./vocabulary.js";
import { writeGeometry, writeIdList, writeJson, writeNumber, writeString, writeTitled, writeUserData, type Hints, type WriteContext } from "./write-context.js";

const EVENT_CLASS = { life_event: T.LifeEvent, business_event: T.BusinessEvent } as const;

/**
 * Needs as `cv:Event`s (also `cv:LifeEvent` or `cv:BusinessEvent`) grouping the services that meet them; demand
 * and journey in the extension.
 * @internal
 */
export function writeNeeds(ctx: WriteContext, model: Model): void {
  const { sink, iris } = ctx;
  const meeting = new Map<string, string[]>();
  for (const service of model.services) for (const id of service.needIds) meeting.get(id)?.push(service.id) ?? meeting.set(id, [service.id]);
  for (const need of model.needs) {
    const s = iris.of("needs", need.id);
    const hints: Hints = {};
    sink.iri(s, T.type, T.Event);
    if (need.kind !== "need") sink.iri(s, T.type, EVENT_CLASS[need.kind]);
    sink.lit(s, T.identifier, need.id);
    sink.text(s, T.title, need.name);
    writeIdList(ctx, s, T.audience, need.segmentIds, (id) => iris.of("segments", id), hints, "segmentIds");
    const services = [...new Set(meeting.get(need.id) ?? [])].sort(compareIds);
    for (const id of services) sink.iri(s, T.hasRelatedService, iris.of("services", id));
    writeJson(ctx, s, T.demand, need.demand);
    writeNumber(ctx, s, T.weight, need.weight);
    writeJson(ctx, s, T.journey, need.journey);
    writeUserData(ctx, s, need, hints);
  }
}

/** Evidence types as `cv:Evidence`, the issuing department as `dct:publisher`. @internal */
export function writeEvidenceTypes(ctx: WriteContext, model: Model): void {
  const { sink, iris } = ctx;
  for (const evidence of model.evidence) {
    const s = iris.of("evidence", evidence.id);
    writeTitled(ctx, s, T.Evidence, evidence.id, evidence.name);
    if (evidence.issuerId !== undefined) sink.iri(s, T.publisher, iris.of("departments", evidence.issuerId));
    writeUserData(ctx, s, evidence, {});
  }
}

/** Service points as `gg:ServicePoint`s (CPSV-AP has no class for a place of delivery). @internal */
export function writeServicePoints(ctx: WriteContext, model: Model): void {
  const { sink, iris } = ctx;
  for (const point of model.servicePoints) {
    const s = iris.of("servicePoints", point.id);
    const hints: Hints = {};
    writeTitled(ctx, s, T.ServicePoint, point.id, point.name);
    sink.iri(s, T.spatial, iris.of("regions", point.regionId));
    writeGeometry(ctx, s, point.location);
    writeIdList(ctx, s, T.offers, point.serviceIds, (id) => iris.of("services", id), hints, "serviceIds");
    writeNumber(ctx, s, T.capacity, point.capacity);
    writeString(ctx, s, T.kind, point.kind);
    writeUserData(ctx, s, point, hints);
  }
}

/** Travel costs as `gg:TravelCost`s. @internal */
export function writeTravelCosts(ctx: WriteContext, model: Model): void {
  const { sink, iris } = ctx;
  for (const cost of model.travelCosts) {
    const s = iris.pair("travel-costs", cost.regionId, cost.pointId);
    sink.iri(s, T.type, T.TravelCost);
    sink.iri(s, T.region, iris.of("regions", cost.regionId));
    sink.iri(s, T.point, iris.of("servicePoints", cost.pointId));
    writeNumber(ctx, s, T.cost, cost.cost);
    writeUserData(ctx, s, cost, {});
  }
}
