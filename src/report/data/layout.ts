/**
 * The duplication graph's layout, computed when the report is written so that the reader's browser only draws it:
 * ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014, "ForceAtlas2, a continuous graph layout algorithm for
 * handy network visualization designed for the Gephi software", PLoS ONE 9(6)) from seeded starting positions,
 * so the same model and seed give the same picture.
 * @module
 */
import { UndirectedGraph } from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { DuplicationReport, Model } from "../../index.js";
import { mulberry32 } from "../../random.js";
import { position, type Positions } from "./records.js";
import type { GraphData } from "./types.js";

/** How the graph is laid out. @internal */
export interface LayoutOptions {
  /** Above this many nodes (departments plus functions), only departments are drawn. */
  nodeLimit: number;
  /** ForceAtlas2 iterations. */
  iterations: number;
  seed: number;
}

/** Per department, the functions it holds as `function * 2 + (support ? 1 : 0)`, sorted. */
function holdingsOf(model: Model, pos: Positions): number[][] {
  const holdings: number[][] = model.departments.map(() => []);
  for (const a of model.assignments) {
    holdings[position(pos.departments, a.departmentId)]!.push(position(pos.functions, a.functionId) * 2 + (a.role === "support" ? 1 : 0));
  }
  for (const list of holdings) list.sort((x, y) => x - y);
  return holdings;
}

/** Departments as nodes, joined by their supervision and by the duplicated or fragmented functions they share. */
function departmentEdges(model: Model, report: DuplicationReport, pos: Positions): Map<number, { weight: number; kind: 0 | 1 }> {
  const n = model.departments.length;
  const edges = new Map<number, { weight: number; kind: 0 | 1 }>();
  const add = (x: number, y: number, kind: 0 | 1) => {
    if (x === y) return;
    const key = Math.min(x, y) * n + Math.max(x, y);
    const edge = edges.get(key);
    if (!edge) edges.set(key, { weight: 1, kind });
    else if (kind === 1) edges.set(key, { weight: edge.kind === 1 ? edge.weight + 1 : 1, kind });
  };
  for (const d of model.departments) if (d.parentId !== undefined) add(position(pos.departments, d.parentId), position(pos.departments, d.id), 0);
  const sharing = [...report.duplication.filter((x) => x.kind === "function"), ...report.fragmentation.filter((x) => x.kind === "function")];
  for (const finding of sharing) {
    const ids = finding.departmentIds.map((id) => position(pos.departments, id));
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) add(ids[i]!, ids[j]!, 1);
  }
  return edges;
}

/** Starting positions: a region at its location, a department near its region's, anything else at a seeded random spot. */
function startingPoints(model: Model, pos: Positions, seed: number): (kind: "d" | "f" | "r", i: number) => { x: number; y: number } {
  const random = mulberry32(seed);
  const located = model.regions.filter((r) => r.location);
  const lat0 = located.length > 0 ? located.reduce((s, r) => s + r.location!.lat, 0) / located.length : 0;
  const lon0 = located.length > 0 ? located.reduce((s, r) => s + r.location!.lon, 0) / located.length : 0;
  const cos = Math.cos((lat0 * Math.PI) / 180);
  const spread = Math.max(1e-6, ...located.map((r) => Math.max(Math.abs(r.location!.lat - lat0), Math.abs(r.location!.lon - lon0) * cos)));
  const scale = 100 / spread;
  return (kind, i) => {
    const jitter = { x: random() - 0.5, y: random() - 0.5 };
    const region = kind === "d" ? model.regions[position(pos.regions, model.departments[i]!.regionId)] : kind === "r" ? model.regions[i] : undefined;
    if (region?.location) {
      return { x: (region.location.lon - lon0) * cos * scale + 10 * jitter.x, y: (region.location.lat - lat0) * scale + 10 * jitter.y };
    }
    return { x: 200 * jitter.x, y: 200 * jitter.y };
  };
}

const flatXY = (graph: UndirectedGraph, keys: string[]): number[] =>
  keys.flatMap((key) => [Math.round(graph.getNodeAttribute(key, "x") * 10) / 10, Math.round(graph.getNodeAttribute(key, "y") * 10) / 10]);

/** Lays out the duplication graph: every department and function when they fit under `nodeLimit`, else departments only. @internal */
export function layoutGraph(model: Model, report: DuplicationReport, pos: Positions, options: LayoutOptions): GraphData {
  const holdings = holdingsOf(model, pos);
  const duplicated = [...new Set(report.duplication.flatMap((x) => (x.kind === "function" ? [position(pos.functions, x.id)] : [])))].sort((a, b) => a - b);
  const fragmented = [...new Set(report.fragmentation.flatMap((x) => (x.kind === "function" ? [position(pos.functions, x.id)] : [])))].sort((a, b) => a - b);
  const start = startingPoints(model, pos, options.seed);
  const graph = new UndirectedGraph();
  const departmentKeys = model.departments.map((_, i) => `d${i}`);
  departmentKeys.forEach((key, i) => graph.addNode(key, start("d", i)));
  const full = model.departments.length + model.functions.length <= options.nodeLimit;
  const functionKeys = full ? model.functions.map((_, i) => `f${i}`) : [];
  const edges: number[] = [];
  if (full) {
    functionKeys.forEach((key, i) => graph.addNode(key, start("f", i)));
    holdings.forEach((list, d) => list.forEach((h) => graph.mergeEdge(departmentKeys[d]!, functionKeys[h >> 1]!, { weight: 1 })));
  } else {
    const n = model.departments.length;
    // The layout pulls each department to its jurisdiction, each jurisdiction to the region above it (region
    // nodes that are laid out, not drawn), and departments that share duplicated or fragmented functions to each
    // other. Supervision is drawn but does not pull: it runs along sectors across the whole tree and would tangle
    // the regional clusters.
    model.regions.forEach((r, i) => graph.addNode(`r${i}`, start("r", i)));
    model.regions.forEach((r, i) => r.parentId !== undefined && graph.addEdge(`r${i}`, `r${position(pos.regions, r.parentId)}`, { weight: 1 }));
    model.departments.forEach((d, i) => graph.addEdge(departmentKeys[i]!, `r${position(pos.regions, d.regionId)}`, { weight: 1 }));
    for (const [key, edge] of departmentEdges(model, report, pos)) {
      const a = Math.floor(key / n);
      const b = key % n;
      if (edge.kind === 1) graph.mergeEdge(departmentKeys[a]!, departmentKeys[b]!, { weight: edge.weight });
      edges.push(a, b, edge.weight, edge.kind);
    }
  }
  if (graph.order > 1 && options.iterations > 0) {
    // Barnes-Hut with theta 1 rather than 0.5: three times faster on a province's departments, and as readable.
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutTheta: 1 };
    forceAtlas2.assign(graph, { iterations: options.iterations, getEdgeWeight: "weight", settings });
  }
  return { mode: full ? "full" : "departments", departmentXY: flatXY(graph, departmentKeys), functionXY: flatXY(graph, functionKeys), holdings, edges, duplicated, fragmented };
}
