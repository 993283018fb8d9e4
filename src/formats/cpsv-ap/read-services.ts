import type { ChannelKind } from "../../schemas/service.js";
import { nodeIssue } from "./issues.js";
import { durationToDays } from "./literals.js";
import { channelKindOf, statusOf } from "./mapping.js";
import { readUserData, setDefined, type Draft, type ReadContext } from "./read-context.js";
import { compareNodes } from "./read-order.js";
import { T } from "./vocabulary.js";

/** How a service reader turns the nodes it points to into ids. @internal */
export interface ServiceLinks {
  authority(service: string, node: string | undefined): string;
  department(node: string): string | undefined;
  fn(node: string): string;
  need(node: string): string;
  segment(node: string): string;
  region(node: string): string;
  evidence(node: string): string;
  /** Events that list the service (`cv:hasRelatedService`, `dct:relation`) in another catalogue. */
  eventsOf(service: string): string[];
}

/** Predicates another catalogue classifies a service by; each concept becomes a function. */
const CLASSIFIERS = [T.isClassifiedBy, T.thematicArea, T.sector, T.dctType];

/** A service (`cpsv:PublicService`). @internal */
export function readService(ctx: ReadContext, node: string, links: ServiceLinks): Draft {
  const { graph, own } = ctx;
  const hints = ctx.hints(node);
  const service = ctx.add("services", node, { name: ctx.name(node, T.title) });
  const description = graph.text(node, T.description);
  if (description !== undefined && !(own && ctx.boolean(node, T.noDescription))) service.description = description;
  service.departmentId = links.authority(node, graph.node(node, T.hasCompetentAuthority, T.hasCompetentAuthority2));
  // Participations come in the order the writer numbered them, repeats included.
  const partners = readPartners(ctx, node, links);
  if (partners.length > 0 || (own && hints.partnerIds !== undefined)) service.partnerIds = partners;
  const classes = own ? graph.nodes(node, T.isClassifiedBy) : graph.nodes(node, ...CLASSIFIERS).filter((c) => !c.startsWith("_:") || graph.has(c));
  service.functionIds = ctx.ordered(node, classes.map(links.fn), hints, "functionIds", false);
  const events = graph.nodes(node, T.isGroupedBy);
  if (!own) events.push(...links.eventsOf(node));
  service.needIds = ctx.ordered(node, events.map(links.need), hints, "needIds", false);
  service.segmentIds = ctx.ordered(node, graph.nodes(node, T.audience).map(links.segment), hints, "segmentIds", false);
  setDefined(service, "regionIds", ctx.ordered(node, graph.nodes(node, T.spatial).map(links.region), hints, "regionIds", true));
  const costs = graph.nodes(node, T.hasCost).sort(compareNodes);
  service.channels = readChannels(ctx, node, costs);
  setDefined(service, "evidence", own ? readOwnEvidence(ctx, node, hints, links) : readOtherEvidence(ctx, node, links));
  setDefined(service, "processingDays", ctx.amount(node, T.processingDays) ?? readDays(ctx, node));
  setDefined(service, "fee", serviceFee(ctx, costs));
  setDefined(service, "annualVolume", ctx.amount(node, T.annualVolume));
  const status = graph.node(node, T.status);
  setDefined(service, "status", status === undefined ? undefined : statusOf(status));
  for (const key of ["published", "quality"] as const) {
    const value = ctx.json(node, T[key]);
    if (value !== undefined) service[key] = value;
  }
  readUserData(ctx, node, service, hints, T.keyword);
  return service;
}

function readDays(ctx: ReadContext, node: string): number | undefined {
  const duration = ctx.graph.value(node, T.processingTime);
  if (duration === undefined) return undefined;
  const days = durationToDays(duration);
  if (days === undefined) ctx.issues.push(nodeIssue("invalid_value", node, `${ctx.fn}: ${ctx.label(node)} has processing time "${duration}", not an xsd:duration; left out`));
  return days;
}

/** Co-providing departments: participations with govgraph's partner role, or whose participant is a public organisation. */
function readPartners(ctx: ReadContext, node: string, links: ServiceLinks): string[] {
  const { graph } = ctx;
  const out: string[] = [];
  for (const participation of graph.nodes(node, T.hasParticipation).sort(compareNodes)) {
    const participant = graph.node(participation, T.hasParticipant);
    if (participant === undefined) continue;
    const partner = ctx.own ? graph.node(participation, T.role) === T.partnerRole : graph.is(participant, T.PublicOrganisation);
    const id = partner ? links.department(participant) : undefined;
    if (id !== undefined) out.push(id);
  }
  return out;
}

function readChannels(ctx: ReadContext, service: string, costs: string[]): Draft["channels"] {
  const { graph } = ctx;
  const channels: Record<string, unknown>[] = [];
  for (const node of graph.nodes(service, T.hasChannel).sort(compareNodes)) {
    const type = graph.node(node, T.dctType);
    // Without a type, the channel's own IRI and description may still say what it is ("...TjenestekanalTelefon").
    const kind: ChannelKind | undefined = channelKindOf(type ?? node, type === undefined ? graph.text(node, T.description) : graph.text(type, T.prefLabel));
    if (kind === undefined) {
      const what = type === undefined ? "no dct:type" : `the type <${type}>, which govgraph does not know`;
      ctx.issues.push(nodeIssue("unknown_channel_kind", node, `${ctx.fn}: channel ${ctx.label(node)} of service ${ctx.label(service)} has ${what}; left out`));
      continue;
    }
    const channel: Record<string, unknown> = { kind };
    setDefined(channel, "endToEnd", ctx.boolean(node, T.endToEnd));
    const visits = ctx.amount(node, T.visits);
    if (visits !== undefined && Number.isInteger(visits)) channel.visits = visits;
    setDefined(channel, "processingDays", ctx.amount(node, T.processingDays) ?? readDays(ctx, node));
    const cost = costs.find((c) => graph.node(c, T.ifAccessedThrough) === node);
    setDefined(channel, "fee", cost === undefined ? undefined : ctx.amount(cost, T.hasValue));
    setDefined(channel, "capacity", ctx.amount(node, T.capacity));
    readUserData(ctx, node, channel as Draft, ctx.hints(node));
    channels.push(channel);
  }
  return channels;
}

/** The service's own fee: its costs that belong to no channel, added up. */
function serviceFee(ctx: ReadContext, costs: string[]): number | undefined {
  let total: number | undefined;
  for (const cost of costs) {
    if (ctx.graph.node(cost, T.ifAccessedThrough) !== undefined) continue;
    const value = ctx.amount(cost, T.hasValue);
    if (value !== undefined) total = (total ?? 0) + value;
  }
  return total;
}

/** Evidence of a document govgraph wrote: `cpsv:hasInput`, `gg:reusedInput`, and the signed order hint. */
function readOwnEvidence(ctx: ReadContext, node: string, hints: Record<string, number[]>, links: ServiceLinks): Draft["evidence"] {
  const ids = ctx.ordered(node, ctx.graph.nodes(node, T.hasInput).map(links.evidence), {}, "evidence", true);
  const hint = hints.evidence;
  if (ids === undefined && hint === undefined) return undefined;
  const distinct = ids ?? [];
  const reused = new Set(ctx.graph.nodes(node, T.reusedInput).map(links.evidence));
  if (!Array.isArray(hint)) return distinct.map((evidenceId) => ({ evidenceId, source: reused.has(evidenceId) ? "reused" : "citizen" }));
  return hint.flatMap((i) => {
    const evidenceId = distinct[i < 0 ? -i - 1 : i];
    return evidenceId === undefined ? [] : [{ evidenceId, source: i < 0 ? "reused" : "citizen" }];
  });
}

/**
 * Evidence in another catalogue: inputs (`cpsv:hasInput`), the supporting evidence of its requirements
 * (`cv:holdsRequirement`, 2.x `cv:hasCriterion`), and evidence types no input conforms to (`cv:hasInputType`).
 */
function readOtherEvidence(ctx: ReadContext, node: string, links: ServiceLinks): Draft["evidence"] {
  const { graph } = ctx;
  const inputs = graph.nodes(node, T.hasInput);
  for (const requirement of graph.nodes(node, T.holdsRequirement, T.hasCriterion)) inputs.push(...graph.nodes(requirement, T.hasSupportingEvidence));
  const conformed = new Set(inputs.flatMap((e) => graph.nodes(e, T.conformsTo)));
  for (const type of graph.nodes(node, T.hasInputType)) if (!conformed.has(type)) inputs.push(type);
  const ids = [...new Set(inputs.map(links.evidence))];
  return ids.length === 0 ? undefined : ids.map((evidenceId) => ({ evidenceId, source: "citizen" }));
}

/** The legal resources a service in another catalogue rests on: direct, through its rules, or 2.x formal frameworks. @internal */
export function legalResourcesOf(ctx: ReadContext, node: string): string[] {
  const { graph } = ctx;
  const laws = graph.nodes(node, T.hasLegalResource, T.hasFormalFramework, T.hasFormalFramework2);
  for (const rule of graph.nodes(node, T.follows)) {
    const implemented = graph.nodes(rule, T.implements);
    laws.push(...(implemented.length > 0 ? implemented : [rule]));
  }
  return [...new Set(laws)];
}
