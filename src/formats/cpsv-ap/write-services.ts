import { compareIds } from "../../model/records.js";
import type { Model } from "../../schemas/model.js";
import type { Channel, Service } from "../../schemas/service.js";
import { daysToDuration, doubleLiteral } from "./literals.js";
import { CHANNEL_KIND_IRI, CHANNEL_KIND_LABEL, languageIri, STATUS_IRI } from "./mapping.js";
import { NS, T, XSD } from "./vocabulary.js";
import { legalIri, subNode } from "./write-records.js";
import { useConcept, writeIdList, writeJson, writeNumber, writeUserData, type Hints, type WriteContext } from "./write-context.js";

const COFOG_CODE = /^\d{2}(\.\d){0,2}$/;

/** Services as `cpsv:PublicService`s, with their channels (`cv:Channel`) and costs (`cv:Cost`). @internal */
export function writeServices(ctx: WriteContext, model: Model): void {
  const { iris } = ctx;
  const functions = new Map(model.functions.map((f) => [f.id as string, f]));
  const language = languageIri(ctx.language);
  if (language) ctx.sink.iri(language, T.type, T.LinguisticSystem);
  const depIri = (id: string) => iris.of("departments", id);
  for (const service of model.services) {
    const s = iris.of("services", service.id);
    const hints: Hints = {};
    // Sub-nodes (participations, channels, costs) are written after the service's own triples.
    const later: (() => void)[] = [];
    writeCore(ctx, s, service, language);
    ctx.sink.iri(s, T.hasCompetentAuthority, depIri(service.departmentId));
    writePartners(ctx, s, service, hints, later);
    writeIdList(ctx, s, T.isClassifiedBy, service.functionIds, (id) => iris.of("functions", id), hints, "functionIds");
    writeDerivedFromFunctions(ctx, s, service, functions);
    writeIdList(ctx, s, T.isGroupedBy, service.needIds, (id) => iris.of("needs", id), hints, "needIds");
    writeIdList(ctx, s, T.audience, service.segmentIds, (id) => iris.of("segments", id), hints, "segmentIds");
    writeIdList(ctx, s, T.spatial, service.regionIds, (id) => iris.of("regions", id), hints, "regionIds", true);
    writeEvidence(ctx, s, service, hints);
    service.channels.forEach((channel, i) => writeChannel(ctx, s, service.id, channel, i, later));
    if (service.fee !== undefined) writeCost(ctx, s, subNode(s, "cost"), `${service.id}/cost`, service.fee, undefined, later);
    writeDays(ctx, s, service.processingDays);
    writeNumber(ctx, s, T.annualVolume, service.annualVolume);
    writeJson(ctx, s, T.published, service.published);
    writeJson(ctx, s, T.quality, service.quality);
    writeUserData(ctx, s, service, hints, T.keyword);
    for (const write of later) write();
  }
}

function writeCore(ctx: WriteContext, s: string, service: Service, language: string | undefined): void {
  const { sink } = ctx;
  sink.iri(s, T.type, T.PublicService);
  sink.lit(s, T.identifier, service.id);
  sink.text(s, T.title, service.name);
  // CPSV-AP requires a description: a service without one repeats its name, marked so that it reads back absent.
  sink.text(s, T.description, service.description ?? service.name);
  if (service.description === undefined) sink.lit(s, T.noDescription, "true", XSD.boolean);
  if (language) sink.iri(s, T.language, language);
  if (service.status !== undefined) {
    sink.iri(s, T.status, useConcept(ctx, STATUS_IRI[service.status], { label: service.status }));
  }
}

/** Co-providing departments as `cv:Participation`s with the partner role, in order. */
function writePartners(ctx: WriteContext, s: string, service: Service, hints: Hints, later: (() => void)[]): void {
  if (service.partnerIds === undefined) return;
  if (service.partnerIds.length === 0) hints.partnerIds = [];
  const { sink, iris } = ctx;
  const role = useConcept(ctx, T.partnerRole, { label: "partner" });
  service.partnerIds.forEach((partnerId, i) => {
    const node = subNode(s, "participation", i);
    sink.iri(s, T.hasParticipation, node);
    later.push(() => {
      sink.iri(node, T.type, T.Participation);
      sink.lit(node, T.identifier, `${service.id}/participation/${i}`);
      sink.text(node, T.description, "partner");
      sink.iri(node, T.role, role);
      sink.iri(node, T.hasParticipant, iris.of("departments", partnerId));
    });
  });
}

/** What a service inherits from its functions, for CPSV-AP readers: legal resources and COFOG thematic areas. */
function writeDerivedFromFunctions(ctx: WriteContext, s: string, service: Service, functions: Map<string, Model["functions"][number]>): void {
  const laws: string[] = [];
  const codes = new Set<string>();
  for (const id of service.functionIds) {
    const fn = functions.get(id);
    if (fn === undefined) continue;
    const fnIri = ctx.iris.of("functions", id);
    fn.legalBasis?.forEach((_, i) => laws.push(legalIri(fnIri, i)));
    if (fn.domain !== undefined && COFOG_CODE.test(fn.domain)) codes.add(fn.domain);
  }
  for (const law of [...new Set(laws)].sort()) ctx.sink.iri(s, T.hasLegalResource, law);
  for (const code of [...codes].sort(compareIds)) {
    const iri = useConcept(ctx, `${NS.gg}cofog-${code}`, { label: `COFOG ${code}`, notation: code });
    ctx.sink.iri(s, T.thematicArea, iri);
  }
}

/**
 * Evidence as `cpsv:hasInput`, reused items also as `gg:reusedInput`. The hint (when the list is not sorted and
 * distinct) gives each item's index among the sorted distinct ids, negative (`-i - 1`) for a reused item.
 */
function writeEvidence(ctx: WriteContext, s: string, service: Service, hints: Hints): void {
  if (service.evidence === undefined) return;
  const ids = service.evidence.map((e) => e.evidenceId as string);
  const distinct = [...new Set(ids)].sort(compareIds);
  for (const id of distinct) ctx.sink.iri(s, T.hasInput, ctx.iris.of("evidence", id));
  const reused = [...new Set(service.evidence.filter((e) => e.source === "reused").map((e) => e.evidenceId as string))].sort(compareIds);
  for (const id of reused) ctx.sink.iri(s, T.reusedInput, ctx.iris.of("evidence", id));
  const plain = ids.length === distinct.length && ids.every((id, i) => id === distinct[i]);
  if (!plain || ids.length === 0) {
    const index = new Map(distinct.map((id, i) => [id, i]));
    hints.evidence = service.evidence.map((e) => (e.source === "reused" ? -index.get(e.evidenceId)! - 1 : index.get(e.evidenceId)!));
  }
}

function writeChannel(ctx: WriteContext, s: string, serviceId: string, channel: Channel, i: number, later: (() => void)[]): void {
  const { sink } = ctx;
  const c = subNode(s, "channel", i);
  sink.iri(s, T.hasChannel, c);
  if (channel.fee !== undefined) writeCost(ctx, s, subNode(c, "cost"), `${serviceId}/channel/${i}/cost`, channel.fee, c, later);
  later.push(() => writeChannelNode(ctx, c, serviceId, channel, i));
}

function writeChannelNode(ctx: WriteContext, c: string, serviceId: string, channel: Channel, i: number): void {
  const { sink } = ctx;
  sink.iri(c, T.type, T.Channel);
  sink.lit(c, T.identifier, `${serviceId}/channel/${i}`);
  const kind = CHANNEL_KIND_IRI[channel.kind];
  sink.iri(c, T.dctType, useConcept(ctx, kind, { label: CHANNEL_KIND_LABEL[channel.kind], scheme: T.channelKinds }));
  writeDays(ctx, c, channel.processingDays);
  if (channel.endToEnd !== undefined) sink.lit(c, T.endToEnd, String(channel.endToEnd), XSD.boolean);
  writeNumber(ctx, c, T.visits, channel.visits);
  writeNumber(ctx, c, T.capacity, channel.capacity);
  writeUserData(ctx, c, channel, {});
}

/** A fee as a `cv:Cost` (of a channel when `channel` is given). */
function writeCost(ctx: WriteContext, s: string, node: string, identifier: string, value: number, channel: string | undefined, later: (() => void)[]): void {
  const { sink } = ctx;
  sink.iri(s, T.hasCost, node);
  later.push(() => {
    sink.iri(node, T.type, T.Cost);
    sink.lit(node, T.identifier, identifier);
    const literal = doubleLiteral(value);
    sink.lit(node, T.hasValue, literal.value, literal.datatype);
    if (channel !== undefined) sink.iri(node, T.ifAccessedThrough, channel);
  });
}

/** Processing time as an `xsd:duration` in whole days; a fraction of a day also as exact `gg:processingDays`. */
function writeDays(ctx: WriteContext, s: string, days: number | undefined): void {
  if (days === undefined) return;
  const duration = daysToDuration(days);
  if (duration !== undefined) ctx.sink.lit(s, T.processingTime, duration, XSD.duration);
  else writeNumber(ctx, s, T.processingDays, days);
}
