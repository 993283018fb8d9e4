import { KINDS, NodeCollector, type Kind, type CollectedNode } from "./node-collector.js";
import { lit, offFastPath, refs, type RecordDraft } from "./collected-fields.js";
import { collectedAssignments, collectedDepartment, collectedEvidence, collectedFunction, collectedMeta, collectedNeed, collectedRegion, collectedSegment, collectedServicePoint, collectedTravelCost } from "./collected-records.js";
import { collectedService } from "./collected-services.js";
import { readJsonLdSubset } from "./jsonld-reader.js";
import type { CpsvApFormat } from "./parse.js";
import { OffFastPath, readTurtleSubset } from "./turtle-reader.js";
import { breakCycles, type CatalogueInput } from "./read-catalogue.js";

/**
 * The fast path of {@link fromCpsvAp} for a document govgraph wrote (its first node is the `gg:Model`): read
 * without n3 or jsonld.js and without an index of every triple (turtle-reader.ts, jsonld-reader.ts,
 * node-collector.ts), then mapped as the general reader maps a document of its own. The result is what the
 * general reader gives, with no issues; when the document strays from what govgraph writes (edited, merged,
 * broken), or the general reader would warn about it, this gives `undefined` and the general reader takes over.
 * @internal
 */
export function readFastPath(text: string, format: CpsvApFormat): { meta: Record<string, string> | undefined; collections: CatalogueInput } | undefined {
  const collector = new NodeCollector();
  try {
    if (format === "turtle") readTurtleSubset(text, collector);
    else readJsonLdSubset(text, collector);
    return mapNodes(collector);
  } catch (error) {
    if (error instanceof OffFastPath) return undefined;
    throw error;
  }
}

function mapNodes(collector: NodeCollector): { meta: Record<string, string> | undefined; collections: CatalogueInput } {
  const of = (kind: Kind) => collector.ofKind.get(kind)!;
  const [model, ...more] = of(KINDS.model);
  if (model === undefined || more.length > 0 || !model.iri.endsWith("model")) offFastPath();
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
    regions: of(KINDS.region).map(collectedRegion),
    segments: segments.map(collectedSegment),
    departments: of(KINDS.department).map(collectedDepartment),
    functions: functions.map(collectedFunction),
    assignments: collectedAssignments(of(KINDS.department), of(KINDS.assignment)),
    services: of(KINDS.service).map(collectedService),
    needs: of(KINDS.need).map(collectedNeed),
    evidence: of(KINDS.evidence).map(collectedEvidence),
    servicePoints: of(KINDS.point).map(collectedServicePoint),
    travelCosts: of(KINDS.travelCost).map(collectedTravelCost),
  };
  // A cycle in a tree is reported by the general reader, which breaks it.
  if (breakCycles(collections.regions as RecordDraft[]).length > 0 || breakCycles(collections.departments as RecordDraft[]).length > 0) offFastPath();
  return { meta: collectedMeta(model), collections };
}

/** The concepts of a scheme (a concept in both of govgraph's schemes is left to the general reader). */
function inScheme(concepts: CollectedNode[], scheme: string, other: string): CollectedNode[] {
  const S = KINDS.concept.at;
  return concepts.filter((node) => {
    const schemes = refs(node, S.schemes).map((s) => s.iri);
    if (schemes.includes(scheme) && schemes.includes(other)) offFastPath();
    return schemes.includes(scheme);
  });
}

/** Each node's id is its `dct:identifier`, which must be there and unique in its collection. */
function giveIds(nodes: CollectedNode[], collection: string): void {
  const used = new Set<string>();
  for (const node of nodes) {
    const id = lit(node, (node.kind as Kind<"id">).at.id);
    if (id === undefined || id === "" || used.has(id)) offFastPath();
    used.add(id);
    node.id = id;
    node.collection = collection;
  }
}
