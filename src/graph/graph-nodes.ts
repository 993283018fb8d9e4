import type { Model } from "../schemas/model.js";
import { keyId } from "./keys.js";
import type { DepartmentNodeAttributes, FunctionNodeAttributes, GovGraph, NodeAttributes, PointNodeAttributes, RegionNodeAttributes, ServiceNodeAttributes } from "./types.js";

/**
 * What an edge needs of one end, worked out once per record rather than once per edge: the node key (the very
 * string the graph stores, so graphology finds the node without hashing a new string) and the id as it appears in
 * edge keys (percent-encoded only when it holds `%` or `>`). Every end has the same shape: `a` and `b` hold the two
 * qualified forms of a function (`id:lead`, `id:support`) or an evidence type (`id:citizen`, `id:reused`).
 * @internal
 */
export class End {
  constructor(
    readonly node: string,
    readonly id: string,
    readonly a: string,
    readonly b: string,
  ) {}
}

/** The ends of one collection's records, by id. @internal */
export type Ends = Map<string, End>;

/** The end of a reference. A dangling id gets a fresh node key, which graphology reports as a missing node. @internal */
export function end(ends: Ends, prefix: string, id: string): End {
  return ends.get(id) ?? new End(prefix + id, keyId(id), "", "");
}

/** The ends of every collection's records, by id. @internal */
export interface AllEnds {
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

/** Adds a record's node, keyed `prefix + id`, and its end; `qualifiers` name the two qualified forms of its id. */
function addNode(graph: GovGraph, ends: Ends, prefix: string, id: string, attributes: NodeAttributes, qualifiers?: readonly [string, string]): void {
  const key = prefix + id;
  graph.addNode(key, attributes);
  const kid = keyId(id);
  ends.set(id, qualifiers ? new End(key, kid, kid + qualifiers[0], kid + qualifiers[1]) : new End(key, kid, "", ""));
}

/** Copies the fields that are set, under their attribute names (`[attribute, value]` pairs). */
function withSet<A extends object>(attributes: A, fields: readonly (readonly [keyof A, A[keyof A] | undefined])[]): A {
  for (const [name, value] of fields) if (value !== undefined) attributes[name] = value;
  return attributes;
}

function located<A extends RegionNodeAttributes | PointNodeAttributes>(attributes: A, location?: { lat: number; lon: number }): A {
  if (location) {
    attributes.lat = location.lat;
    attributes.lon = location.lon;
  }
  return attributes;
}

/** Adds the region nodes, with their level, population and location. */
function addRegionNodes(graph: GovGraph, model: Model, ends: Ends): void {
  for (const r of model.regions) {
    const a = withSet<RegionNodeAttributes>({ kind: "region", id: r.id, label: r.name }, [
      ["level", r.level],
      ["population", r.population],
    ]);
    addNode(graph, ends, "region:", r.id, located(a, r.location));
  }
}

function addDepartmentNodes(graph: GovGraph, model: Model, ends: Ends): void {
  for (const d of model.departments) {
    const a = withSet<DepartmentNodeAttributes>({ kind: "department", id: d.id, label: d.name }, [
      ["level", d.level],
      ["departmentKind", d.kind],
      ["staffAuthorized", d.staff?.authorized],
      ["staffActual", d.staff?.actual],
      ["budget", d.budget],
    ]);
    addNode(graph, ends, "department:", d.id, a);
  }
}

function addServiceNodes(graph: GovGraph, model: Model, ends: Ends): void {
  for (const s of model.services) {
    const a = withSet<ServiceNodeAttributes>({ kind: "service", id: s.id, label: s.name, status: s.status ?? "active" }, [
      ["annualVolume", s.annualVolume],
      ["processingDays", s.processingDays],
      ["fee", s.fee],
    ]);
    addNode(graph, ends, "service:", s.id, a);
  }
}

/**
 * Adds one node per record, collection by collection in the model's (canonical) order, and returns their ends.
 * @internal
 */
export function addNodes(graph: GovGraph, model: Model): AllEnds {
  const ends: AllEnds = { regions: new Map(), segments: new Map(), departments: new Map(), functions: new Map(), services: new Map(), needs: new Map(), evidence: new Map(), points: [] };
  addRegionNodes(graph, model, ends.regions);
  for (const s of model.segments) addNode(graph, ends.segments, "segment:", s.id, { kind: "segment", id: s.id, label: s.name });
  addDepartmentNodes(graph, model, ends.departments);
  for (const f of model.functions) {
    const a = withSet<FunctionNodeAttributes>({ kind: "function", id: f.id, label: f.name }, [
      ["category", f.category],
      ["domain", f.domain],
    ]);
    addNode(graph, ends.functions, "function:", f.id, a, [":lead", ":support"]);
  }
  addServiceNodes(graph, model, ends.services);
  for (const n of model.needs) {
    addNode(graph, ends.needs, "need:", n.id, { kind: "need", id: n.id, label: n.name, needKind: n.kind, weight: n.weight ?? 1 });
  }
  for (const e of model.evidence) addNode(graph, ends.evidence, "evidence:", e.id, { kind: "evidence", id: e.id, label: e.name }, [":citizen", ":reused"]);
  for (const p of model.servicePoints) {
    const a = withSet<PointNodeAttributes>({ kind: "point", id: p.id, label: p.name }, [
      ["pointKind", p.kind],
      ["capacity", p.capacity],
    ]);
    const key = "point:" + p.id;
    graph.addNode(key, located(a, p.location));
    ends.points.push(key);
  }
  return ends;
}
