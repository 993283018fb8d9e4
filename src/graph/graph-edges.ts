import type { Model } from "../schemas/model.js";
import { end, type AllEnds, type Ends } from "./graph-nodes.js";
import { keyId } from "./keys.js";
import type { GovGraph, PlainEdgeAttributes } from "./types.js";

// Edges, record by record in the model's order; within a record, in the order of its fields and lists. Each key is
// one concatenation of a prefix built once per record and a part built once per id. One function per collection,
// so that each loop is optimized on its own.

/** One `kind` edge from `node` to the record of each id in `ids`, keyed `prefix` + the target's key id. */
function addListEdges(graph: GovGraph, kind: PlainEdgeAttributes["kind"], prefix: string, node: string, ids: readonly string[], ends: Ends, nodePrefix: string): void {
  for (let j = 0; j < ids.length; j++) {
    const target = end(ends, nodePrefix, ids[j]!);
    graph.addEdgeWithKey(prefix + target.id, node, target.node, { kind });
  }
}

function addRegionEdges(graph: GovGraph, model: Model, ends: AllEnds): void {
  const regions = ends.regions;
  for (const r of model.regions) {
    if (r.parentId === undefined) continue;
    const self = regions.get(r.id)!;
    const parent = end(regions, "region:", r.parentId);
    graph.addEdgeWithKey("contains:" + parent.id + "->" + self.id, parent.node, self.node, { kind: "contains" });
  }
}

function addDepartmentEdges(graph: GovGraph, model: Model, ends: AllEnds): void {
  const departments = ends.departments;
  for (const d of model.departments) {
    const self = departments.get(d.id)!;
    const region = end(ends.regions, "region:", d.regionId);
    graph.addEdgeWithKey("jurisdiction:" + self.id + "->" + region.id, self.node, region.node, { kind: "jurisdiction" });
    if (d.parentId === undefined) continue;
    const parent = end(departments, "department:", d.parentId);
    graph.addEdgeWithKey("supervises:" + parent.id + "->" + self.id, parent.node, self.node, { kind: "supervises" });
  }
}

// Assignments come sorted by department: keep its key prefix while the department does not change.
function addAssignmentEdges(graph: GovGraph, model: Model, ends: AllEnds): void {
  const { departments, functions } = ends;
  let departmentId: string | undefined;
  let from = "";
  let source = "";
  for (const a of model.assignments) {
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
  const { departments, evidence, services } = ends;
  for (const s of model.services) {
    const self = services.get(s.id)!;
    const node = self.node;
    const to = "->" + self.id;
    const from = self.id + "->";
    const department = end(departments, "department:", s.departmentId);
    graph.addEdgeWithKey("provides:" + department.id + to, department.node, node, { kind: "provides" });
    for (const partnerId of s.partnerIds ?? []) {
      const partner = end(departments, "department:", partnerId);
      graph.addEdgeWithKey("partners:" + partner.id + to, partner.node, node, { kind: "partners" });
    }
    addListEdges(graph, "performs", "performs:" + from, node, s.functionIds, ends.functions, "function:");
    addListEdges(graph, "meets", "meets:" + from, node, s.needIds, ends.needs, "need:");
    addListEdges(graph, "targets", "targets:" + from, node, s.segmentIds, ends.segments, "segment:");
    for (const e of s.evidence ?? []) {
      const type = end(evidence, "evidence:", e.evidenceId);
      graph.addEdgeWithKey("requires:" + from + (e.source === "citizen" ? type.a : type.b), node, type.node, { kind: "requires", source: e.source });
    }
  }
}

function addEvidenceEdges(graph: GovGraph, model: Model, ends: AllEnds): void {
  for (const e of model.evidence) {
    if (e.issuerId === undefined) continue;
    const self = ends.evidence.get(e.id)!;
    const issuer = end(ends.departments, "department:", e.issuerId);
    graph.addEdgeWithKey("issues:" + issuer.id + "->" + self.id, issuer.node, self.node, { kind: "issues" });
  }
}

function addPointEdges(graph: GovGraph, model: Model, ends: AllEnds): void {
  model.servicePoints.forEach((p, i) => {
    const node = ends.points[i]!;
    const from = keyId(p.id) + "->";
    addListEdges(graph, "offers", "offers:" + from, node, p.serviceIds, ends.services, "service:");
    const region = end(ends.regions, "region:", p.regionId);
    graph.addEdgeWithKey("located:" + from + region.id, node, region.node, { kind: "located" });
  });
}

/** Adds every edge of the model, relation by relation, once the nodes are there. @internal */
export function addEdges(graph: GovGraph, model: Model, ends: AllEnds): void {
  addRegionEdges(graph, model, ends);
  addDepartmentEdges(graph, model, ends);
  addAssignmentEdges(graph, model, ends);
  addServiceEdges(graph, model, ends);
  addEvidenceEdges(graph, model, ends);
  addPointEdges(graph, model, ends);
}
