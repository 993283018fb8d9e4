import { parseWktPoint } from "./literals.js";
import { KINDS, type CollectedNode } from "./node-collector.js";
import { amount, hintsOf, idIn, json, lit, nameOf, offFastPath, numbered, ordered, ref, refs, set, strings, userData, type RecordDraft } from "./collected-fields.js";

/**
 * The records of a document govgraph wrote, from its collected nodes, field by field as the general readers
 * (read-records.ts, read-needs.ts) map them; references are ids already given to the nodes they name.
 * @internal
 */

const R = KINDS.region.at;
const C = KINDS.concept.at;
const D = KINDS.department.at;
const E = KINDS.evidence.at;
const N = KINDS.need.at;
const P = KINDS.point.at;
const TC = KINDS.travelCost.at;
const A = KINDS.assignment.at;

function located(draft: RecordDraft, node: CollectedNode, slot: number): void {
  const wkt = lit(node, slot);
  set(draft, "location", wkt === undefined ? undefined : parseWktPoint(wkt));
}

/** A region (`dct:Location`). @internal */
export function collectedRegion(node: CollectedNode): RecordDraft {
  const region: RecordDraft = { id: node.id, name: nameOf(node, R.name) };
  const parent = ref(node, R.parent);
  if (parent !== undefined) region.parentId = idIn(parent, "regions");
  set(region, "level", lit(node, R.level));
  set(region, "population", amount(node, R.population));
  located(region, node, R.geometry);
  return userData(region, node, hintsOf(node, R.order), R.tags, R.attributes);
}

/** A segment (a concept of the audience scheme). @internal */
export function collectedSegment(node: CollectedNode): RecordDraft {
  const segment: RecordDraft = { id: node.id, name: nameOf(node, C.name) };
  set(segment, "description", lit(node, C.description));
  return userData(segment, node, hintsOf(node, C.order), C.tags, C.attributes);
}

/** A department (`cv:PublicOrganisation`). @internal */
export function collectedDepartment(node: CollectedNode): RecordDraft {
  const department: RecordDraft = { id: node.id, name: nameOf(node, D.name), regionId: idIn(ref(node, D.region), "regions") };
  const parent = ref(node, D.parent);
  if (parent !== undefined) department.parentId = idIn(parent, "departments");
  set(department, "level", lit(node, D.level));
  set(department, "kind", lit(node, D.kind));
  set(department, "staff", json(node, D.staff));
  set(department, "budget", amount(node, D.budget));
  const hints = hintsOf(node, D.order);
  const identifiers = numbered(node, D.identifiers).flatMap((id) => {
    if (id.kind !== KINDS.identifier) offFastPath();
    const value = lit(id, KINDS.identifier.at.notation);
    const scheme = lit(id, KINDS.identifier.at.agency) ?? "unknown";
    return value === undefined || value === "" || scheme === "" ? [] : [{ scheme, id: value }];
  });
  if (identifiers.length > 0 || hints.identifiers !== undefined) department.identifiers = identifiers;
  return userData(department, node, hints, D.tags, D.attributes);
}

/** A function (a concept of the function scheme), with its legal basis. @internal */
export function collectedFunction(node: CollectedNode): RecordDraft {
  const fn: RecordDraft = { id: node.id, name: nameOf(node, C.name) };
  set(fn, "description", lit(node, C.description));
  set(fn, "category", lit(node, C.category));
  set(fn, "domain", lit(node, C.domain));
  const hints = hintsOf(node, C.order);
  const laws = numbered(node, C.laws);
  if (laws.length > 0 || hints.legalBasis !== undefined) {
    fn.legalBasis = laws.map((law) => {
      const title = law.kind === KINDS.law ? lit(law, KINDS.law.at.title) : undefined;
      const uri = lit(law, KINDS.law.at.uri);
      return title === undefined ? offFastPath() : uri === undefined ? { title } : { title, uri };
    });
  }
  set(fn, "keywords", ordered(strings(node, C.keywords), hints.keywords, true));
  return userData(fn, node, hints, C.tags, C.attributes);
}

/** An evidence type (`cv:Evidence`). @internal */
export function collectedEvidence(node: CollectedNode): RecordDraft {
  const evidence: RecordDraft = { id: node.id, name: nameOf(node, E.name) };
  const issuer = ref(node, E.issuer);
  if (issuer !== undefined) evidence.issuerId = idIn(issuer, "departments");
  return userData(evidence, node, hintsOf(node, E.order), E.tags, E.attributes);
}

/** A need (`cv:Event`, also `cv:LifeEvent` or `cv:BusinessEvent`). @internal */
export function collectedNeed(node: CollectedNode): RecordDraft {
  const hints = hintsOf(node, N.order);
  const kind = node.flags & 1 ? "life_event" : node.flags & 2 ? "business_event" : "need";
  const need: RecordDraft = { id: node.id, name: nameOf(node, N.name), kind };
  need.segmentIds = ordered(refs(node, N.segments).map((s) => idIn(s, "segments")), hints.segmentIds, false);
  set(need, "demand", json(node, N.demand));
  set(need, "weight", amount(node, N.weight));
  set(need, "journey", json(node, N.journey));
  return userData(need, node, hints, N.tags, N.attributes);
}

/** A service point (`gg:ServicePoint`). @internal */
export function collectedServicePoint(node: CollectedNode): RecordDraft {
  const hints = hintsOf(node, P.order);
  const point: RecordDraft = { id: node.id, name: nameOf(node, P.name), regionId: idIn(ref(node, P.region), "regions") };
  located(point, node, P.geometry);
  point.serviceIds = ordered(refs(node, P.services).map((s) => idIn(s, "services")), hints.serviceIds, false);
  set(point, "capacity", amount(node, P.capacity));
  set(point, "kind", lit(node, P.kind));
  return userData(point, node, hints, P.tags, P.attributes);
}

/** A travel cost (`gg:TravelCost`). @internal */
export function collectedTravelCost(node: CollectedNode): RecordDraft {
  const cost = amount(node, TC.cost) ?? offFastPath();
  const travelCost: RecordDraft = { regionId: idIn(ref(node, TC.region), "regions"), pointId: idIn(ref(node, TC.point), "servicePoints"), cost };
  return userData(travelCost, node, hintsOf(node, TC.order), TC.tags, TC.attributes);
}

/** The assignments: `gg:leads` / `gg:supports` of each department, with their `gg:Assignment` details. @internal */
export function collectedAssignments(departments: CollectedNode[], details: CollectedNode[]): RecordDraft[] {
  const byPair = new Map<CollectedNode, Map<CollectedNode, CollectedNode>>();
  for (const detail of details) {
    const d = ref(detail, A.department);
    const f = ref(detail, A.fn);
    if (d === undefined || f === undefined) continue;
    let byFunction = byPair.get(d);
    if (byFunction === undefined) byPair.set(d, (byFunction = new Map()));
    if (byFunction.has(f)) offFastPath(); // the general reader keeps the last: rare enough to leave to it
    byFunction.set(f, detail);
  }
  const out: RecordDraft[] = [];
  for (const d of departments) {
    for (const [slot, role] of [[D.leads, "lead"], [D.supports, "support"]] as const) {
      for (const f of refs(d, slot)) {
        const assignment: RecordDraft = { departmentId: d.id, functionId: idIn(f, "functions"), role };
        const detail = byPair.get(d)?.get(f);
        out.push(detail === undefined ? assignment : userData(assignment, detail, hintsOf(detail, A.order), A.tags, A.attributes));
      }
    }
  }
  return out;
}

/** The model's meta, from the `gg:Model` node. @internal */
export function collectedMeta(node: CollectedNode): Record<string, string> | undefined {
  const M = KINDS.model.at;
  const name = lit(node, M.name);
  if (name === undefined) return undefined;
  const meta: Record<string, string> = { name };
  for (const key of ["description", "source", "license"] as const) set(meta, key, lit(node, M[key]));
  return meta;
}
