import { MultiDirectedGraph } from "graphology";
import { GovGraphError } from "../errors.js";
import type { Model } from "../schemas/model.js";
import type {
  DepartmentNodeAttributes,
  EdgeAttributes,
  EdgeKind,
  FunctionNodeAttributes,
  GovGraph,
  GraphAttributes,
  NodeAttributes,
  NodeKind,
  PointNodeAttributes,
  RegionNodeAttributes,
  ServiceNodeAttributes,
} from "./types.js";

/** The key of a model record's node: `kind:id`, such as `department:edu`. */
export function nodeKey(kind: NodeKind, id: string): string {
  return kind + ":" + id;
}

// Ids go into edge keys with `%` and `>` percent-encoded, so `->` separates the endpoints unambiguously.
function keyId(id: string): string {
  return id.indexOf(">") < 0 && id.indexOf("%") < 0 ? id : id.replace(/%/g, "%25").replace(/>/g, "%3E");
}

/**
 * The key of an edge: `kind:source->target`, plus `:role` for `holds` (whose prefix is `assignment`) and `:source`
 * for `requires`. Endpoints are bare model ids with `%` and `>` percent-encoded.
 * @example edgeKey("holds", "edu", "f12", "lead") // "assignment:edu->f12:lead"
 */
export function edgeKey(kind: EdgeKind, sourceId: string, targetId: string, qualifier?: string): string {
  const key = (kind === "holds" ? "assignment" : kind) + ":" + keyId(sourceId) + "->" + keyId(targetId);
  return qualifier === undefined ? key : key + ":" + qualifier;
}

function located<A extends RegionNodeAttributes | PointNodeAttributes>(attributes: A, location?: { lat: number; lon: number }): A {
  if (location) {
    attributes.lat = location.lat;
    attributes.lon = location.lon;
  }
  return attributes;
}

// Node keys by id, the very strings the graph stores: graphology then finds an edge's ends without hashing a new
// string per edge. A dangling id falls back to a fresh key, which graphology reports as a missing node.
type Keys = Map<string, string>;
function endpoint(keys: Keys, prefix: string, id: string): string {
  return keys.get(id) ?? prefix + id;
}

function build(graph: GovGraph, model: Model): void {
  const regionKeys: Keys = new Map();
  const segmentKeys: Keys = new Map();
  const departmentKeys: Keys = new Map();
  const functionKeys: Keys = new Map();
  const serviceKeys: Keys = new Map();
  const needKeys: Keys = new Map();
  const evidenceKeys: Keys = new Map();

  // Nodes, collection by collection in the model's (canonical) order.
  for (const r of model.regions) {
    const a: RegionNodeAttributes = { kind: "region", id: r.id, label: r.name };
    if (r.level !== undefined) a.level = r.level;
    if (r.population !== undefined) a.population = r.population;
    const key = "region:" + r.id;
    graph.addNode(key, located(a, r.location));
    regionKeys.set(r.id, key);
  }
  for (const s of model.segments) {
    const key = "segment:" + s.id;
    graph.addNode(key, { kind: "segment", id: s.id, label: s.name });
    segmentKeys.set(s.id, key);
  }
  for (const d of model.departments) {
    const a: DepartmentNodeAttributes = { kind: "department", id: d.id, label: d.name };
    if (d.level !== undefined) a.level = d.level;
    if (d.kind !== undefined) a.departmentKind = d.kind;
    if (d.staff?.authorized !== undefined) a.staffAuthorized = d.staff.authorized;
    if (d.staff?.actual !== undefined) a.staffActual = d.staff.actual;
    if (d.budget !== undefined) a.budget = d.budget;
    const key = "department:" + d.id;
    graph.addNode(key, a);
    departmentKeys.set(d.id, key);
  }
  for (const f of model.functions) {
    const a: FunctionNodeAttributes = { kind: "function", id: f.id, label: f.name };
    if (f.category !== undefined) a.category = f.category;
    if (f.domain !== undefined) a.domain = f.domain;
    const key = "function:" + f.id;
    graph.addNode(key, a);
    functionKeys.set(f.id, key);
  }
  for (const s of model.services) {
    const a: ServiceNodeAttributes = { kind: "service", id: s.id, label: s.name, status: s.status ?? "active" };
    if (s.annualVolume !== undefined) a.annualVolume = s.annualVolume;
    if (s.processingDays !== undefined) a.processingDays = s.processingDays;
    if (s.fee !== undefined) a.fee = s.fee;
    const key = "service:" + s.id;
    graph.addNode(key, a);
    serviceKeys.set(s.id, key);
  }
  for (const n of model.needs) {
    const key = "need:" + n.id;
    graph.addNode(key, { kind: "need", id: n.id, label: n.name, needKind: n.kind, weight: n.weight ?? 1 });
    needKeys.set(n.id, key);
  }
  for (const e of model.evidence) {
    const key = "evidence:" + e.id;
    graph.addNode(key, { kind: "evidence", id: e.id, label: e.name });
    evidenceKeys.set(e.id, key);
  }
  for (const p of model.servicePoints) {
    const a: PointNodeAttributes = { kind: "point", id: p.id, label: p.name };
    if (p.kind !== undefined) a.pointKind = p.kind;
    if (p.capacity !== undefined) a.capacity = p.capacity;
    graph.addNode("point:" + p.id, located(a, p.location));
  }

  // Edges, record by record in the model's order; within a record, in the order of its fields and lists.
  for (const r of model.regions) {
    if (r.parentId !== undefined) {
      graph.addEdgeWithKey(
        "contains:" + keyId(r.parentId) + "->" + keyId(r.id),
        endpoint(regionKeys, "region:", r.parentId),
        regionKeys.get(r.id)!,
        { kind: "contains" },
      );
    }
  }
  for (const d of model.departments) {
    const node = departmentKeys.get(d.id)!;
    const k = keyId(d.id);
    graph.addEdgeWithKey("jurisdiction:" + k + "->" + keyId(d.regionId), node, endpoint(regionKeys, "region:", d.regionId), {
      kind: "jurisdiction",
    });
    if (d.parentId !== undefined) {
      graph.addEdgeWithKey("supervises:" + keyId(d.parentId) + "->" + k, endpoint(departmentKeys, "department:", d.parentId), node, {
        kind: "supervises",
      });
    }
  }
  // Assignments come sorted by department: keep its key parts while the department does not change.
  let departmentId: string | undefined;
  let from = "";
  let source = "";
  for (const a of model.assignments) {
    if (a.departmentId !== departmentId) {
      departmentId = a.departmentId;
      from = "assignment:" + keyId(departmentId) + "->";
      source = endpoint(departmentKeys, "department:", departmentId);
    }
    graph.addEdgeWithKey(from + keyId(a.functionId) + (a.role === "lead" ? ":lead" : ":support"), source, endpoint(functionKeys, "function:", a.functionId), {
      kind: "holds",
      role: a.role,
    });
  }
  for (const s of model.services) {
    const node = serviceKeys.get(s.id)!;
    const k = keyId(s.id);
    const to = "->" + k;
    const from = k + "->";
    graph.addEdgeWithKey("provides:" + keyId(s.departmentId) + to, endpoint(departmentKeys, "department:", s.departmentId), node, {
      kind: "provides",
    });
    if (s.partnerIds) {
      for (const id of s.partnerIds) {
        graph.addEdgeWithKey("partners:" + keyId(id) + to, endpoint(departmentKeys, "department:", id), node, { kind: "partners" });
      }
    }
    for (const id of s.functionIds) {
      graph.addEdgeWithKey("performs:" + from + keyId(id), node, endpoint(functionKeys, "function:", id), { kind: "performs" });
    }
    for (const id of s.needIds) graph.addEdgeWithKey("meets:" + from + keyId(id), node, endpoint(needKeys, "need:", id), { kind: "meets" });
    for (const id of s.segmentIds) {
      graph.addEdgeWithKey("targets:" + from + keyId(id), node, endpoint(segmentKeys, "segment:", id), { kind: "targets" });
    }
    if (s.evidence) {
      for (const e of s.evidence) {
        graph.addEdgeWithKey(
          "requires:" + from + keyId(e.evidenceId) + (e.source === "citizen" ? ":citizen" : ":reused"),
          node,
          endpoint(evidenceKeys, "evidence:", e.evidenceId),
          { kind: "requires", source: e.source },
        );
      }
    }
  }
  for (const e of model.evidence) {
    if (e.issuerId !== undefined) {
      graph.addEdgeWithKey(
        "issues:" + keyId(e.issuerId) + "->" + keyId(e.id),
        endpoint(departmentKeys, "department:", e.issuerId),
        evidenceKeys.get(e.id)!,
        { kind: "issues" },
      );
    }
  }
  for (const p of model.servicePoints) {
    const node = "point:" + p.id;
    const from = keyId(p.id) + "->";
    for (const id of p.serviceIds) {
      graph.addEdgeWithKey("offers:" + from + keyId(id), node, endpoint(serviceKeys, "service:", id), { kind: "offers" });
    }
    graph.addEdgeWithKey("located:" + from + keyId(p.regionId), node, endpoint(regionKeys, "region:", p.regionId), { kind: "located" });
  }
}

/**
 * Builds the model's full graph: a graphology `MultiDirectedGraph` with one node per record (`kind:id`) and one
 * keyed edge per relation of DESIGN section 2, inserted in the model's order, so the same model gives the same graph.
 * Throws a `GovGraphError` (`invalid_model`) on a dangling reference or a reference repeated within a record.
 * @example
 * const graph = toGraph(parseModel(input));
 * graph.outNeighbors("department:edu"); // ["region:county", "function:f12", "service:s1", ...]
 */
export function toGraph(model: Model): GovGraph {
  const graph: GovGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  if (model.meta?.name !== undefined) graph.setAttribute("name", model.meta.name);
  try {
    build(graph, model);
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Graph\.\w+: /, "").replace(/\.$/, "") : String(error);
    throw new GovGraphError(
      "invalid_model",
      `toGraph: ${detail}. Run validateModel first and fix the unknown references and repeated ids or list entries it reports.`,
      { cause: error },
    );
  }
  return graph;
}
