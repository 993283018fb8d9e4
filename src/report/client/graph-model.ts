import { UndirectedGraph } from "graphology";
import type { DuplicationData, DuplicationRow, FragmentationRow, NearDuplicateRow } from "../data/types.js";
import type { Names } from "./names.js";
import { COLORS } from "./palette.js";

/** What a node of the duplication graph carries. `finding`: 0 none, 1 fragmented, 2 duplicated. */
export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: "d" | "f";
  index: number;
  finding: 0 | 1 | 2;
}

/** What an edge carries: a department supervising another (0), sharing duplicated or fragmented functions (1), or holding a function (2). */
export interface EdgeAttributes {
  size: number;
  color: string;
  kind: 0 | 1 | 2;
}

export type DuplicationGraph = UndirectedGraph<NodeAttributes, EdgeAttributes>;

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => void (map.get(key)?.push(value) ?? map.set(key, [value]));

/** The findings of the duplication section, indexed by function and by department. */
export class FindingIndex {
  /** Per function, its holders as `department * 2 + (support ? 1 : 0)`. */
  readonly holders: number[][];
  readonly duplicated: Set<number>;
  readonly fragmented: Set<number>;
  readonly duplicationOf = new Map<number, DuplicationRow[]>();
  readonly fragmentationOf = new Map<number, FragmentationRow[]>();
  readonly duplicationOfDepartment = new Map<number, DuplicationRow[]>();
  readonly nearOf = new Map<number, NearDuplicateRow[]>();
  /** Per department: 2 when it is in a function-duplication finding, 1 in a fragmentation finding, else 0. */
  readonly departmentFinding: Uint8Array;

  constructor(readonly data: DuplicationData, functions: number) {
    const g = data.graph;
    this.holders = Array.from({ length: functions }, () => []);
    g.holdings.forEach((list, d) => list.forEach((h) => this.holders[h >> 1]!.push(d * 2 + (h & 1))));
    this.duplicated = new Set(g.duplicated);
    this.fragmented = new Set(g.fragmented);
    this.departmentFinding = new Uint8Array(g.holdings.length);
    for (const row of data.fragmentation) {
      if (row[0] !== 0) continue;
      push(this.fragmentationOf, row[1], row);
      for (const d of row[5]) this.departmentFinding[d] = Math.max(this.departmentFinding[d]!, 1);
    }
    for (const row of data.duplication) {
      for (const d of row[2]) push(this.duplicationOfDepartment, d, row);
      if (row[0] !== 0) continue;
      push(this.duplicationOf, row[1][0]!, row);
      for (const d of row[2]) this.departmentFinding[d] = 2;
    }
    for (const row of data.nearDuplicates) {
      push(this.nearOf, row[0], row);
      push(this.nearOf, row[1], row);
    }
  }

  /** 2 duplicated, 1 fragmented, 0 neither. */
  functionFinding(f: number): 0 | 1 | 2 {
    return this.duplicated.has(f) ? 2 : this.fragmented.has(f) ? 1 : 0;
  }
}

const FINDING_COLORS = [COLORS.function, COLORS.fragmented, COLORS.duplicated] as const;
const EDGE_COLORS = [COLORS.edge, "rgba(230,159,0,0.55)", "rgba(213,94,0,0.6)"] as const;

/** The graph the page draws: every department and, in full mode, every function, at the positions laid out when the report was written. */
export function buildGraph(index: FindingIndex, names: Names): DuplicationGraph {
  const g = index.data.graph;
  const graph: DuplicationGraph = new UndirectedGraph();
  const full = g.mode === "full";
  g.holdings.forEach((list, d) => {
    const finding = full ? 0 : (index.departmentFinding[d] as 0 | 1 | 2);
    const size = full ? 5 + Math.min(9, Math.sqrt(list.length)) : 2.5 + Math.min(4, Math.sqrt(list.length) / 2);
    const color = full || finding === 0 ? COLORS.department : FINDING_COLORS[finding];
    graph.addNode(`d${d}`, { x: g.departmentXY[2 * d]!, y: g.departmentXY[2 * d + 1]!, size, color, label: names.department(d), kind: "d", index: d, finding });
  });
  if (full) {
    index.holders.forEach((holders, f) => addFunction(graph, index, names, f, g.functionXY[2 * f]!, g.functionXY[2 * f + 1]!, 3 + Math.min(7, Math.sqrt(holders.length))));
    index.holders.forEach((_, f) => linkHolders(graph, index, f));
  } else {
    for (let k = 0; k < g.edges.length; k += 4) {
      const [a, b, weight, kind] = [g.edges[k]!, g.edges[k + 1]!, g.edges[k + 2]!, g.edges[k + 3]!];
      graph.mergeEdge(`d${a}`, `d${b}`, kind === 0 ? { size: 0.5, color: COLORS.edge, kind: 0 } : { size: Math.min(4, 0.5 + weight / 2), color: EDGE_COLORS[1], kind: 1 });
    }
  }
  return graph;
}

function addFunction(graph: DuplicationGraph, index: FindingIndex, names: Names, f: number, x: number, y: number, size: number): void {
  const finding = index.functionFinding(f);
  graph.addNode(`f${f}`, { x, y, size, color: FINDING_COLORS[finding], label: names.function(f), kind: "f", index: f, finding });
}

function linkHolders(graph: DuplicationGraph, index: FindingIndex, f: number): void {
  const color = EDGE_COLORS[index.functionFinding(f)];
  for (const h of index.holders[f]!) graph.mergeEdge(`d${h >> 1}`, `f${f}`, { size: h & 1 ? 0.5 : 1, color, kind: 2 });
}

/** Departments mode: shows one department's functions on a ring around it, each linked to all its holders. */
export function expand(graph: DuplicationGraph, index: FindingIndex, names: Names, d: number): void {
  collapse(graph);
  const xy = index.data.graph.departmentXY;
  let span = 0;
  for (let k = 0; k < xy.length; k += 2) span = Math.max(span, Math.abs(xy[k]!), Math.abs(xy[k + 1]!));
  const functions = index.data.graph.holdings[d]!.map((h) => h >> 1);
  const radius = Math.max(1, span) * 0.08;
  const [cx, cy] = [xy[2 * d]!, xy[2 * d + 1]!];
  functions.forEach((f, k) => {
    const angle = (2 * Math.PI * k) / functions.length;
    addFunction(graph, index, names, f, cx + radius * Math.cos(angle), cy + radius * Math.sin(angle), 4);
    linkHolders(graph, index, f);
  });
}

/** Departments mode: removes the functions shown by {@link expand}. */
export function collapse(graph: DuplicationGraph): void {
  graph.filterNodes((_, a) => a.kind === "f").forEach((key) => graph.dropNode(key));
}
