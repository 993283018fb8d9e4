/**
 * The department graph consolidation clusters: departments linked when they duplicate each other or overlap on
 * functions or needs at or above the threshold, weighted by that overlap; and, for every department, the one it
 * overlaps most (docs/duplication.md, "Consolidation").
 * @internal
 * @module
 */
import { UndirectedGraph } from "graphology";
import type { CandidatePairs } from "../duplication/overlap.js";

/** The linked pairs and each department's closest other. @internal */
export interface OverlapGraph {
  graph: UndirectedGraph;
  /** Link weight by pair key `a * nD + b` (`a < b`). */
  weightOf: Map<number, number>;
  /** Each department's most overlapping other department (-1: none) and that overlap. */
  bestOther: Int32Array;
  bestScore: Float64Array;
}

/** Builds the graph over department ids from the candidate pairs of a duplication analysis. @internal */
export function overlapGraph(ids: readonly string[], pairs: CandidatePairs, threshold: number): OverlapGraph {
  const nD = ids.length;
  const weightOf = new Map<number, number>();
  const bestOther = new Int32Array(nD).fill(-1);
  const bestScore = new Float64Array(nD);
  const offerBest = (x: number, y: number, weight: number) => {
    const other = bestOther[x]!;
    if (other < 0 || weight > bestScore[x]! || (weight === bestScore[x]! && y < other)) {
      bestOther[x] = y;
      bestScore[x] = weight;
    }
  };
  for (let k = 0; k < pairs.count; k++) {
    const a = pairs.a[k]!;
    const b = pairs.b[k]!;
    const weight = pairs.weight[k]!;
    const duplicate = pairs.duplicate[k] === 1;
    if (weight > 0) {
      offerBest(a, b, weight);
      offerBest(b, a, weight);
    }
    if (!duplicate && weight < threshold) continue;
    weightOf.set(a * nD + b, duplicate ? Math.max(weight, threshold) : weight);
  }
  const graph = new UndirectedGraph();
  for (const [key, w] of [...weightOf].sort((x, y) => x[0] - y[0])) {
    const a = ids[Math.floor(key / nD)]!;
    const b = ids[key % nD]!;
    if (!graph.hasNode(a)) graph.addNode(a);
    if (!graph.hasNode(b)) graph.addNode(b);
    graph.addEdge(a, b, { weight: w });
  }
  return { graph, weightOf, bestOther, bestScore };
}
