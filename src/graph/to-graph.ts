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
const NEEDS_ENCODING = /[%>]/;
function keyId(id: string): string {
  return NEEDS_ENCODING.test(id) ? id.replace(/%/g, "%25").replace(/>/g, "%3E") : id;
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

// What an edge needs of one end, worked out once per record rather than once per edge: the node key (the very
// string the graph stores, so graphology finds the node without hashing a new string) and the id as it appears
// in edge keys (percent-encoded only when it holds `%` or `>`). Every end has the same shape: `a` and `b` hold the
// two qualified forms of a function (`id:lead`, `id:support`) or an evidence type (`id:citizen`, `id:reused`).
class End {
  constructor(
    readonly node: string,
    readonly id: string,
    readonly a: string,
    readonly b: string,
  ) {}
}
type Ends = Map<string, End>;

// The end of a reference. A dangling id gets a fresh node key, which graphology reports as a missing node.
function end(ends: Ends, prefix: string, id: string): End {
  return ends.get(id) ?? new End(prefix + id, keyId(id), "", "");
}

// The ends of every collection's records, by id.
interface AllEnds {
  regions: Ends;
  segments: Ends;
  departments: Ends;
  functions: Ends;
  services: Ends;
  needs: Ends;
  evidence: Ends;
  /** Point node keys, in the order of `servicePoints`. */
  points: string[];
}

// Nodes, collection by collection in the model's (canonical) order.
function addNodes(graph: GovGraph, model: Model): AllEnds {
  const ends: AllEnds = {
    regions: new Map(),
    segments: new Map(),
    departments: new Map(),
    functions: new Map(),
    services: new Map(),
    needs: new Map(),
    evidence: new Map(),
    points: [],
  };
  for (let i = 0; i < model.regions.length; i++) {
    const r = model.regions[i]!;
    const a: RegionNodeAttributes = { kind: "region", id: r.id, label: r.name };
    if (r.level !== undefined) a.level = r.level;
    if (r.population !== undefined) a.population = r.population;
    const key = "region:" + r.id;
    graph.addNode(key, located(a, r.location));
    ends.regions.set(r.id, new End(key, keyId(r.id), "", ""));
  }
  for (let i = 0; i < model.segments.length; i++) {
    const s = model.segments[i]!;
    const key = "segment:" + s.id;
    graph.addNode(key, { kind: "segment", id: s.id, label: s.name });
    ends.segments.set(s.id, new End(key, keyId(s.id), "", ""));
  }
  for (let i = 0; i < model.departments.length; i++) {
    const d = model.departments[i]!;
    const a: DepartmentNodeAttributes = { kind: "department", id: d.id, label: d.name };
    if (d.level !== undefined) a.level = d.level;
    if (d.kind !== undefined) a.departmentKind = d.kind;
    if (d.staff?.authorized !== undefined) a.staffAuthorized = d.staff.authorized;
    if (d.staff?.actual !== undefined) a.staffActual = d.staff.actual;
    if (d.budget !== undefined) a.budget = d.budget;
    const key = "department:" + d.id;
    graph.addNode(key, a);
    ends.departments.set(d.id, new End(key, keyId(d.id), "", ""));
  }
  for (let i = 0; i < model.functions.length; i++) {
    const f = model.functions[i]!;
    const a: FunctionNodeAttributes = { kind: "function", id: f.id, label: f.name };
    if (f.category !== undefined) a.category = f.category;
    if (f.domain !== undefined) a.domain = f.domain;
    const key = "function:" + f.id;
    graph.addNode(key, a);
    const id = keyId(f.id);
    ends.functions.set(f.id, new End(key, id, id + ":lead", id + ":support"));
  }
  for (let i = 0; i < model.services.length; i++) {
    const s = model.services[i]!;
    const a: ServiceNodeAttributes = { kind: "service", id: s.id, label: s.name, status: s.status ?? "active" };
    if (s.annualVolume !== undefined) a.annualVolume = s.annualVolume;
    if (s.processingDays !== undefined) a.processingDays = s.processingDays;
    if (s.fee !== undefined) a.fee = s.fee;
    const key = "service:" + s.id;
    graph.addNode(key, a);
    ends.services.set(s.id, new End(key, keyId(s.id), "", ""));
  }
  for (let i = 0; i < model.needs.length; i++) {
    const n = model.needs[i]!;
    const key = "need:" + n.id;
    graph.addNode(key, { kind: "need", id: n.id, label: n.name, needKind: n.kind, weight: n.weight ?? 1 });
    ends.needs.set(n.id, new End(key, keyId(n.id), "", ""));
  }
  for (let i = 0; i < model.evidence.length; i++) {
    const e = model.evidence[i]!;
    const key = "evidence:" + e.id;
    graph.addNode(key, { kind: "evidence", id: e.id, label: e.name });
    const id = keyId(e.id);
    ends.evidence.set(e.id, new End(key, id, id + ":citizen", id + ":reused"));
  }
  for (let i = 0; i < model.servicePoints.length; i++) {
    const p = model.servicePoints[i]!;
    const a: PointNodeAttributes = { kind: "point", id: p.id, label: p.name };
    if (p.kind !== undefined) a.pointKind = p.kind;
    if (p.capacity !== undefined) a.capacity = p.capacity;
    const key = "point:" + p.id;
    graph.addNode(key, located(a, p.location));
    ends.points.push(key);
  }
  return ends;
}

// Edges, record by record in the model's order; within a record, in the order of its fields and lists. Each key is
// one concatenation of a prefix built once per record and a part built once per id. One function per collection,
// so that each loop is optimized on its own.
function addRegionEdges(graph: GovGraph, model: Model, ends: AllEnds): void {
  const regions = ends.regions;
  for (let i = 0; i < model.regions.length; i++) {
    const r = model.regions[i]!;
    if (r.parentId !== undefined) {
      const self = regions.get(r.id)!;
      const parent = end(regions, "region:", r.parentId);
      graph.addEdgeWithKey("contains:" + parent.id + "->" + self.id, parent.node, self.node, { kind: "contains" });
    }
  }
}

function addDepartmentEdges(graph: GovGraph, model: Model, ends: AllEnds): void {
  const departments = ends.departments;
  for (let i = 0; i < model.departments.length; i++) {
    const d = model.departments[i]!;
    const self = departments.get(d.id)!;
    const region = end(ends.regions, "region:", d.regionId);
    graph.addEdgeWithKey("jurisdiction:" + self.id + "->" + region.id, self.node, region.node, { kind: "jurisdiction" });
    if (d.parentId !== undefined) {
      const parent = end(departments, "department:", d.parentId);
      graph.addEdgeWithKey("supervises:" + parent.id + "->" + self.id, parent.node, self.node, { kind: "supervises" });
    }
  }
}

// Assignments come sorted by department: keep its key prefix while the department does not change.
function addAssignmentEdges(graph: GovGraph, model: Model, ends: AllEnds): void {
  const { departments, functions } = ends;
  const assignments = model.assignments;
  let departmentId: string | undefined;
  let from = "";
  let source = "";
  for (let i = 0; i < assignments.length; i++) {
    const a = assignments[i]!;
    if (a.departmentId !== departmentId) {
      departmentId = a.departmentId;
      const department = end(departments, "department:", departmentId);
      from = "assignment:" + department.id + "->";
      source = department.node;
    }
    const f = end(functions, "function:", a.functionId);
    graph.addEdgeWithKey(from + (a.role === "lead" ? f.a : f.b), source, f.node, { kind: "holds", role: a.role });
  }
}

function addServiceEdges(graph: GovGraph, model: Model, ends: AllEnds): void {
  const { departments, functions, needs, segments, evidence, services } = ends;
  for (let i = 0; i < model.services.length; i++) {
    const s = model.services[i]!;
    const self = services.get(s.id)!;
    const node = self.node;
    const to = "->" + self.id;
    const from = self.id + "->";
    const department = end(departments, "department:", s.departmentId);
    graph.addEdgeWithKey("provides:" + department.id + to, department.node, node, { kind: "provides" });
    const partnerIds = s.partnerIds;
    if (partnerIds) {
      for (let j = 0; j < partnerIds.length; j++) {
        const partner = end(departments, "department:", partnerIds[j]!);
        graph.addEdgeWithKey("partners:" + partner.id + to, partner.node, node, { kind: "partners" });
      }
    }
    const functionIds = s.functionIds;
    if (functionIds.length > 0) {
      const prefix = "performs:" + from;
      for (let j = 0; j < functionIds.length; j++) {
        const f = end(functions, "function:", functionIds[j]!);
        graph.addEdgeWithKey(prefix + f.id, node, f.node, { kind: "performs" });
      }
    }
    const needIds = s.needIds;
    if (needIds.length > 0) {
      const prefix = "meets:" + from;
      for (let j = 0; j < needIds.length; j++) {
        const n = end(needs, "need:", needIds[j]!);
        graph.addEdgeWithKey(prefix + n.id, node, n.node, { kind: "meets" });
      }
    }
    const segmentIds = s.segmentIds;
    if (segmentIds.length > 0) {
      const prefix = "targets:" + from;
      for (let j = 0; j < segmentIds.length; j++) {
        const segment = end(segments, "segment:", segmentIds[j]!);
        graph.addEdgeWithKey(prefix + segment.id, node, segment.node, { kind: "targets" });
      }
    }
    const required = s.evidence;
    if (required && required.length > 0) {
      const prefix = "requires:" + from;
      for (let j = 0; j < required.length; j++) {
        const e = required[j]!;
        const type = end(evidence, "evidence:", e.evidenceId);
        graph.addEdgeWithKey(prefix + (e.source === "citizen" ? type.a : type.b), node, type.node, { kind: "requires", source: e.source });
      }
    }
  }
}

function addEvidenceEdges(graph: GovGraph, model: Model, ends: AllEnds): void {
  for (let i = 0; i < model.evidence.length; i++) {
    const e = model.evidence[i]!;
    if (e.issuerId !== undefined) {
      const self = ends.evidence.get(e.id)!;
      const issuer = end(ends.departments, "department:", e.issuerId);
      graph.addEdgeWithKey("issues:" + issuer.id + "->" + self.id, issuer.node, self.node, { kind: "issues" });
    }
  }
}

function addPointEdges(graph: GovGraph, model: Model, ends: AllEnds): void {
  const { services, regions, points } = ends;
  for (let i = 0; i < model.servicePoints.length; i++) {
    const p = model.servicePoints[i]!;
    const node = points[i]!;
    const from = keyId(p.id) + "->";
    const serviceIds = p.serviceIds;
    if (serviceIds.length > 0) {
      const prefix = "offers:" + from;
      for (let j = 0; j < serviceIds.length; j++) {
        const service = end(services, "service:", serviceIds[j]!);
        graph.addEdgeWithKey(prefix + service.id, node, service.node, { kind: "offers" });
      }
    }
    const region = end(regions, "region:", p.regionId);
    graph.addEdgeWithKey("located:" + from + region.id, node, region.node, { kind: "located" });
  }
}

function build(graph: GovGraph, model: Model): void {
  const ends = addNodes(graph, model);
  addRegionEdges(graph, model, ends);
  addDepartmentEdges(graph, model, ends);
  addAssignmentEdges(graph, model, ends);
  addServiceEdges(graph, model, ends);
  addEvidenceEdges(graph, model, ends);
  addPointEdges(graph, model, ends);
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
