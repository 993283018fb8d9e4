import { durationToDays, readBoolean } from "./literals.js";
import { channelKindOfConcept, statusOf } from "./mapping.js";
import { KINDS, type CollectedNode } from "./node-collector.js";
import { amount, hintsOf, idIn, json, lit, nameOf, offFastPath, numbered, ordered, ref, refs, set, userData, type RecordDraft } from "./collected-fields.js";
import { T } from "./vocabulary.js";

/**
 * The services of a document govgraph wrote, with their channels, costs, partners and evidence, field by field as
 * the general reader (read-services.ts) maps them.
 * @internal
 */

const S = KINDS.service.at;
const CH = KINDS.channel.at;
const CO = KINDS.cost.at;
const PA = KINDS.participation.at;

const ids = (nodes: CollectedNode[], collection: string) => nodes.map((n) => idIn(n, collection));

/** A service (`cpsv:PublicService`). @internal */
export function collectedService(node: CollectedNode): RecordDraft {
  const hints = hintsOf(node, S.order);
  const service: RecordDraft = { id: node.id, name: nameOf(node, S.name) };
  const description = lit(node, S.description);
  if (description !== undefined && readBoolean(lit(node, S.noDescription)) !== true) service.description = description;
  service.departmentId = idIn(ref(node, S.authority), "departments");
  const partners = partnersOf(node);
  if (partners.length > 0 || hints.partnerIds !== undefined) service.partnerIds = partners;
  service.functionIds = ordered(ids(refs(node, S.functions), "functions"), hints.functionIds, false);
  service.needIds = ordered(ids(refs(node, S.needs), "needs"), hints.needIds, false);
  service.segmentIds = ordered(ids(refs(node, S.segments), "segments"), hints.segmentIds, false);
  set(service, "regionIds", ordered(ids(refs(node, S.regions), "regions"), hints.regionIds, true));
  const costs = numbered(node, S.costs);
  for (const cost of costs) if (cost.kind !== KINDS.cost) offFastPath();
  service.channels = numbered(node, S.channels).map((channel) => channelOf(channel, costs));
  set(service, "evidence", evidenceOf(node, hints.evidence));
  set(service, "processingDays", daysOf(node, S.days, S.duration));
  set(service, "fee", feeOf(costs));
  set(service, "annualVolume", amount(node, S.volume));
  const status = ref(node, S.status);
  set(service, "status", status === undefined ? undefined : statusOf(status.iri));
  set(service, "published", json(node, S.published));
  set(service, "quality", json(node, S.quality));
  return userData(service, node, hints, S.keywords, S.attributes);
}

/** Exact days (`gg:processingDays`), else the `xsd:duration` in days. */
function daysOf(node: CollectedNode, days: number, duration: number): number | undefined {
  const exact = amount(node, days);
  if (exact !== undefined) return exact;
  const lexical = lit(node, duration);
  return lexical === undefined ? undefined : (durationToDays(lexical) ?? offFastPath());
}

/** Participations with govgraph's partner role, in the order they were numbered, repeats included. */
function partnersOf(node: CollectedNode): string[] {
  const out: string[] = [];
  for (const participation of numbered(node, S.participations)) {
    if (participation.kind !== KINDS.participation) offFastPath();
    const participant = ref(participation, PA.participant);
    if (participant !== undefined && ref(participation, PA.role)?.iri === T.partnerRole) out.push(idIn(participant, "departments"));
  }
  return out;
}

function channelOf(node: CollectedNode, costs: CollectedNode[]): RecordDraft {
  const type = node.kind === KINDS.channel ? ref(node, CH.type) : undefined;
  const kind = type === undefined ? undefined : channelKindOfConcept(type.iri);
  if (kind === undefined) return offFastPath(); // the general reader tries harder, or warns
  const channel: RecordDraft = { kind };
  set(channel, "endToEnd", readBoolean(lit(node, CH.endToEnd)));
  const visits = amount(node, CH.visits);
  if (visits !== undefined && Number.isInteger(visits)) channel.visits = visits;
  set(channel, "processingDays", daysOf(node, CH.days, CH.duration));
  const cost = costs.find((c) => ref(c, CO.channel) === node);
  set(channel, "fee", cost === undefined ? undefined : amount(cost, CO.value));
  set(channel, "capacity", amount(node, CH.capacity));
  return userData(channel, node, hintsOf(node, CH.order), CH.tags, CH.attributes);
}

/** The service's own fee: its costs that belong to no channel, added up. */
function feeOf(costs: CollectedNode[]): number | undefined {
  let total: number | undefined;
  for (const cost of costs) {
    if (ref(cost, CO.channel) !== undefined) continue;
    const value = amount(cost, CO.value);
    if (value !== undefined) total = (total ?? 0) + value;
  }
  return total;
}

/** `cpsv:hasInput`, `gg:reusedInput`, and the signed order hint (see docs/cpsv-ap.md, `gg:listOrder`). */
function evidenceOf(node: CollectedNode, hint: unknown): RecordDraft[] | undefined {
  const distinct = ordered(ids(refs(node, S.inputs), "evidence"), undefined, true);
  if (distinct === undefined && hint === undefined) return undefined;
  const list = distinct ?? [];
  const reused = new Set(ids(refs(node, S.reused), "evidence"));
  if (!Array.isArray(hint)) return list.map((evidenceId) => ({ evidenceId, source: reused.has(evidenceId) ? "reused" : "citizen" }));
  return (hint as number[]).flatMap((i) => {
    const evidenceId = list[i < 0 ? -i - 1 : i];
    return evidenceId === undefined ? [] : [{ evidenceId, source: i < 0 ? "reused" : "citizen" }];
  });
}
