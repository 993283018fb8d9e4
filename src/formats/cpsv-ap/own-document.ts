import { KINDS, OwnCollector, type Kind, type OwnNode } from "./own-collect.js";
import { lit, notOwn, refs, type OwnDraft } from "./own-fields.js";
import { ownAssignments, ownDepartment, ownEvidence, ownFunction, ownMeta, ownNeed, ownRegion, ownSegment, ownServicePoint, ownTravelCost } from "./own-records.js";
import { ownService } from "./own-services.js";
import { NotOwnTurtle, readOwnTurtle } from "./own-turtle.js";
import { breakCycles, type CatalogueInput } from "./read-catalogue.js";

/**
 * The fast path of {@link fromCpsvAp} for a Turtle document govgraph wrote (its first node is the `gg:Model`):
 * read without n3 and without an index of every triple (own-turtle.ts, own-collect.ts), then mapped as the
 * general reader maps a document of its own. The result is what the general reader gives, with no issues; when
 * the document strays from what govgraph writes (edited, merged, broken), or the general reader would warn
 * about it, this gives `undefined` and the general reader takes over.
 * @internal
 */
export function readOwnDocument(text: string): { meta: Record<string, string> | undefined; collections: CatalogueInput } | undefined {
  const collector = new OwnCollector();
  try {
    readOwnTurtle(text, collector);
    return mapNodes(collector);
  } catch (error) {
    if (error instanceof NotOwnTurtle) return undefined;
    throw error;
  }
}

function mapNodes(collector: OwnCollector): { meta: Record<string, string> | undefined; collections: CatalogueInput } {
  const of = (kind: Kind) => collector.ofKind.get(kind)!;
  const [model, ...more] = of(KINDS.model);
  if (model === undefined || more.length > 0 || !model.iri.endsWith("model")) notOwn();
  const base = model.iri.slice(0, -"model".length);
  for (const [kind, collection] of [
    [KINDS.region, "regions"],
    [KINDS.department, "departments"],
    [KINDS.evidence, "evidence"],
    [KINDS.need, "needs"],
    [KINDS.service, "services"],
    [KINDS.point, "servicePoints"],
  ] as const) {
    giveIds(of(kind), collection);
  }
  const segments = inScheme(of(KINDS.concept), `${base}segments`, `${base}functions`);
  const functions = inScheme(of(KINDS.concept), `${base}functions`, `${base}segments`);
  giveIds(segments, "segments");
  giveIds(functions, "functions");
  const collections: CatalogueInput = {
    regions: of(KINDS.region).map(ownRegion),
    segments: segments.map(ownSegment),
    departments: of(KINDS.department).map(ownDepartment),
    functions: functions.map(ownFunction),
    assignments: ownAssignments(of(KINDS.department), of(KINDS.assignment)),
    services: of(KINDS.service).map(ownService),
    needs: of(KINDS.need).map(ownNeed),
    evidence: of(KINDS.evidence).map(ownEvidence),
    servicePoints: of(KINDS.point).map(ownServicePoint),
    travelCosts: of(KINDS.travelCost).map(ownTravelCost),
  };
  // A cycle in a tree is reported by the general reader, which breaks it.
  if (breakCycles(collections.regions as OwnDraft[]).length > 0 || breakCycles(collections.departments as OwnDraft[]).length > 0) notOwn();
  return { meta: ownMeta(model), collections };
}

/** The concepts of a scheme (a concept in both of govgraph's schemes is left to the general reader). */
function inScheme(concepts: OwnNode[], scheme: string, other: string): OwnNode[] {
  const S = KINDS.concept.at;
  return concepts.filter((node) => {
    const schemes = refs(node, S.schemes).map((s) => s.iri);
    if (schemes.includes(scheme) && schemes.includes(other)) notOwn();
    return schemes.includes(scheme);
  });
}

/** Each node's id is its `dct:identifier`, which must be there and unique in its collection. */
function giveIds(nodes: OwnNode[], collection: string): void {
  const used = new Set<string>();
  for (const node of nodes) {
    const id = lit(node, (node.kind as Kind<"id">).at.id);
    if (id === undefined || id === "" || used.has(id)) notOwn();
    used.add(id);
    node.id = id;
    node.collection = collection;
  }
}
