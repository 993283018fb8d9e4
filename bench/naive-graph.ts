/**
 * The library's own floor for `toGraph`: a bare loop inserting the same nodes and keyed edges, without attributes,
 * into an empty graphology graph. The keys are taken from a graph built beforehand, so building them is not timed.
 */
import { MultiDirectedGraph } from "graphology";
import type { GovGraph } from "../src/index.js";

/** The node keys and keyed edges of a graph, in insertion order. */
export interface GraphKeys {
  nodes: string[];
  edges: string[];
  sources: string[];
  targets: string[];
}

/** Reads the keys of a graph, in insertion order. */
export function graphKeys(graph: GovGraph): GraphKeys {
  const keys: GraphKeys = { nodes: graph.nodes(), edges: [], sources: [], targets: [] };
  graph.forEachEdge((edge, _attributes, source, target) => {
    keys.edges.push(edge);
    keys.sources.push(source);
    keys.targets.push(target);
  });
  return keys;
}

/** Inserts the nodes and keyed edges into an empty `MultiDirectedGraph`: the floor `toGraph` is compared with. */
export function naiveGraph(keys: GraphKeys): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  const { nodes, edges, sources, targets } = keys;
  for (let i = 0; i < nodes.length; i++) graph.addNode(nodes[i]!);
  for (let i = 0; i < edges.length; i++) graph.addEdgeWithKey(edges[i]!, sources[i]!, targets[i]!);
  return graph;
}
